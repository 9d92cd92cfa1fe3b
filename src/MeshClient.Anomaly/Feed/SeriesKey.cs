namespace MeshClient.Anomaly;

/// <summary>A service-wide series (<see cref="InstanceId"/> <see langword="null"/>) or an instance's series; equality allocates nothing.</summary>
internal readonly record struct SeriesKey(string ServiceName, string? InstanceId);
