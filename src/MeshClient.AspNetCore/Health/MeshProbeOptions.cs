namespace MeshClient.AspNetCore.Health;

/// <summary>
/// The Kubernetes-style probe endpoints and the readiness-to-registry mirror, bound from <c>Mesh:Probes</c> (not
/// <c>Mesh:Health</c>, which holds per-instance health of the services this process calls).
/// </summary>
public sealed class MeshProbeOptions
{
    /// <summary>Gets or sets the liveness path (<c>Mesh:Probes:LivePath</c>). Default <c>/health/live</c>.</summary>
    public string LivePath { get; set; } = HealthProbeConstants.DefaultLivePath;

    /// <summary>Gets or sets the readiness path (<c>Mesh:Probes:ReadyPath</c>). Default <c>/health/ready</c>, the path Consul's HTTP check calls.</summary>
    public string ReadyPath { get; set; } = HealthProbeConstants.DefaultReadyPath;

    /// <summary>Gets or sets the startup path (<c>Mesh:Probes:StartupPath</c>). Default <c>/health/startup</c>.</summary>
    public string StartupPath { get; set; } = HealthProbeConstants.DefaultStartupPath;

    /// <summary>
    /// Gets or sets a value indicating whether <c>?verbose</c> adds each check's data to the body
    /// (<c>Mesh:Probes:AllowVerbose</c>). Turn it off where the probes are reachable from outside. Default <see langword="true"/>.
    /// </summary>
    public bool AllowVerbose { get; set; } = true;

    /// <summary>
    /// Gets or sets a value indicating whether readiness is mirrored into the registry status: not ready → Down,
    /// ready → Up (<c>Mesh:Probes:MirrorReadiness</c>). Default <see langword="true"/>.
    /// </summary>
    public bool MirrorReadiness { get; set; } = true;

    /// <summary>
    /// Gets or sets how often the mirror evaluates readiness and the liveness watcher liveness, publishing
    /// <c>ProbeStatusChangedEvent</c>s on changes (<c>Mesh:Probes:MirrorInterval</c>). Default 5 s, the Kubernetes
    /// readiness period's order.
    /// </summary>
    public TimeSpan MirrorInterval { get; set; } = HealthProbeConstants.DefaultMirrorInterval;

    /// <summary>
    /// Gets or sets how long a changed readiness must hold before it is pushed to the registry
    /// (<c>Mesh:Probes:MirrorDebounce</c>); 0 pushes at the first evaluation that sees it. Default 10 s (two evaluations).
    /// The first evaluation after start is pushed at once.
    /// </summary>
    public TimeSpan MirrorDebounce { get; set; } = HealthProbeConstants.DefaultMirrorDebounce;
}
