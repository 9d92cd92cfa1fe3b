namespace MeshClient.Testing.Eureka;

/// <summary>A lease (<c>Lease.java</c>): registration creates it with <c>lastUpdate = now</c>; a renew sets <c>lastUpdate = now + duration</c>.</summary>
internal sealed class EurekaServerLease(DateTimeOffset now, TimeSpan duration)
{
    public TimeSpan Duration { get; } = duration;

    public DateTimeOffset LastUpdate { get; set; } = now;

    public EurekaTestInstance Instance { get; set; } = null!;
}
