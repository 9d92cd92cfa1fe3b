namespace MeshClient.Eureka.Wire;

/// <summary>The lease announced in a registration (<c>leaseInfo</c>), in whole seconds.</summary>
internal readonly record struct EurekaLease(int RenewalIntervalInSecs, int DurationInSecs)
{
    public static EurekaLease From(TimeSpan renewInterval, TimeSpan duration)
        => new(Math.Max(1, (int)Math.Ceiling(renewInterval.TotalSeconds)), Math.Max(1, (int)Math.Ceiling(duration.TotalSeconds)));
}
