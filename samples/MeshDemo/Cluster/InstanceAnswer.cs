namespace MeshDemo.Cluster;

/// <summary>How an instance answers one request: the status code, after how long.</summary>
/// <param name="StatusCode">200, or the fault's status (503).</param>
/// <param name="Delay">How long the instance takes before it answers.</param>
internal readonly record struct InstanceAnswer(int StatusCode, TimeSpan Delay)
{
    public bool Succeeded => StatusCode is >= 200 and < 300;
}
