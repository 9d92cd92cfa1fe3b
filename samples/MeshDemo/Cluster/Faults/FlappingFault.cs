namespace MeshDemo.Cluster.Faults;

/// <summary>
/// An instance that flaps: healthy for one <paramref name="period"/>, then answering 503 for the next, and so on, from
/// the moment the fault is created (healthy first).
/// </summary>
/// <param name="time">The clock.</param>
/// <param name="period">How long each phase lasts.</param>
internal sealed class FlappingFault(TimeProvider time, TimeSpan period) : InstanceFault
{
    private readonly long _started = time.GetTimestamp();

    public TimeSpan Period => period;

    public override InstanceAnswer Answer(TimeSpan serviceTime)
    {
        var phase = (long)(time.GetElapsedTime(_started) / period);
        return phase % 2 == 0 ? None.Answer(serviceTime) : Failing.Answer(serviceTime);
    }
}
