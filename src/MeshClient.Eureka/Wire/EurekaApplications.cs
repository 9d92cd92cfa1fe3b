namespace MeshClient.Eureka.Wire;

/// <summary>An <c>applications</c> document (full registry or delta) as read from the wire.</summary>
/// <param name="VersionsDelta">The <c>versions__delta</c> value, -1 when absent.</param>
/// <param name="AppsHashcode">The <c>apps__hashcode</c> value, <see langword="null"/> when absent.</param>
/// <param name="Applications">The applications, each with its instances.</param>
internal sealed record EurekaApplications(long VersionsDelta, string? AppsHashcode, IReadOnlyList<EurekaApplication> Applications)
{
    /// <summary>Gets every instance of every application.</summary>
    public IEnumerable<EurekaInstance> AllInstances => Applications.SelectMany(static a => a.Instances);
}

/// <summary>One <c>application</c>: a name and its instances.</summary>
/// <param name="Name">The application name, upper case on real servers (may be absent in hand-written payloads).</param>
/// <param name="Instances">The instances.</param>
internal sealed record EurekaApplication(string? Name, IReadOnlyList<EurekaInstance> Instances);
