namespace MeshClient.Anomaly;

/// <summary>
/// A service-wide series (<see cref="InstanceId"/> <see langword="null"/>) or an instance's series; equality allocates
/// nothing. <see cref="Inbound"/> series hold the requests this process serves (keyed by its own identity), apart from
/// the series of the peers it calls, even when the names coincide.
/// </summary>
internal readonly record struct SeriesKey(string ServiceName, string? InstanceId, bool Inbound = false);
