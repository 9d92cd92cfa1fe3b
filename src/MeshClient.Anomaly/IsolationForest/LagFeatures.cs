namespace MeshClient.Anomaly;

/// <summary>
/// The feature vector of a univariate observation for the Isolation Forest: the value and its change from the previous
/// value, so that both unusual levels and unusual jumps isolate quickly. Two doubles of state.
/// </summary>
internal struct LagFeatures
{
    public const int Dimensions = 2;
    private double _previous;
    private bool _any;

    public void Fill(double value, Span<double> features)
    {
        features[0] = value;
        features[1] = _any ? value - _previous : 0.0;
        _previous = value;
        _any = true;
    }
}
