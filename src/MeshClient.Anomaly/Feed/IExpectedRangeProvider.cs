namespace MeshClient.Anomaly;

/// <summary>
/// Implemented by a detector that knows the range it expects the next value in; the live feed puts it on
/// <see cref="AnomalyDetectedEvent"/> and counts a bucket as normal only inside it.
/// </summary>
public interface IExpectedRangeProvider
{
    /// <summary>Gets the range the detector expected for the value it observed last.</summary>
    /// <param name="lower">The lowest normal value.</param>
    /// <param name="upper">The highest normal value.</param>
    /// <returns><see langword="true"/> when the detector has a range (it may still be learning).</returns>
    bool TryGetExpectedRange(out double lower, out double upper);
}
