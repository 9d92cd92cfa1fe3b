namespace MeshClient.Anomaly;

/// <summary>
/// A univariate series through an <see cref="IsolationForest"/>: each observation becomes a <see cref="LagFeatures"/>
/// vector, is scored by the forest trained on earlier vectors only, then joins a rolling window; every
/// <c>RetrainInterval</c> observations the forest is refitted on the window, synchronously. The surprise is the
/// forest's score (0 before the first fit). Allocation-free per observation: the window and the trees are preallocated.
/// </summary>
internal sealed class IsolationForestModel : ISurpriseModel
{
    private readonly IsolationForest _forest;
    private readonly double[] _window;
    private readonly int _interval;
    private readonly int _firstFit;
    private LagFeatures _features;
    private int _next;
    private int _filled;
    private long _count;

    public IsolationForestModel(IsolationForestOptions options)
    {
        _forest = new IsolationForest(LagFeatures.Dimensions, options);
        _window = new double[options.WindowLength * LagFeatures.Dimensions];
        _interval = options.RetrainInterval;
        _firstFit = Math.Min(options.WindowLength, options.SampleSize);
        _forest.Reserve(options.WindowLength);
    }

    public long Bytes => _forest.Bytes + (_window.Length * sizeof(double));

    public double Surprise(DateTimeOffset timestamp, double value)
    {
        Span<double> point = stackalloc double[LagFeatures.Dimensions];
        _features.Fill(value, point);
        var score = _count >= _firstFit ? _forest.Score(point) : 0.0;
        point.CopyTo(_window.AsSpan(_next * LagFeatures.Dimensions));
        _next = (_next + 1) % (_window.Length / LagFeatures.Dimensions);
        _filled = Math.Min(_filled + 1, _window.Length / LagFeatures.Dimensions);
        _count++;
        if (_count >= _firstFit && (_count - _firstFit) % _interval == 0)
        {
            _forest.Fit(_window.AsSpan(0, _filled * LagFeatures.Dimensions));
        }

        return score;
    }
}
