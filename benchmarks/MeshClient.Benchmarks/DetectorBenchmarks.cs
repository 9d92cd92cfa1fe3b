using BenchmarkDotNet.Attributes;
using MeshClient.Anomaly;

namespace MeshClient.Benchmarks;

/// <summary>
/// The cost of one observation of every anomaly detector of <c>MeshClient.Anomaly</c>, each created by its
/// <see cref="AnomalyDetectors"/> factory with default options and warmed up on one pass of <see cref="DetectorSeries"/>
/// in setup (so the rolling windows are full and the Isolation Forest is trained). Every invocation observes the whole
/// 4,096-value series once (<c>OperationsPerInvoke</c>), so Mean reads as time per observation and Allocated as bytes per
/// observation. The univariate Isolation Forest row includes its synchronous retrain every 256 observations, amortised.
/// The multivariate forest is measured apart: scoring 3-D points with 100 trees, and one fit (retrain) as its own row.
/// </summary>
[MemoryDiagnoser]
public class DetectorBenchmarks
{
    /// <summary>Every statistical member: the ensemble row "all six members" (not the default).</summary>
    internal const EnsembleMembers AllMembers = EnsembleMembers.EwmaZScore | EnsembleMembers.Seasonal | EnsembleMembers.MedianMad
        | EnsembleMembers.Cusum | EnsembleMembers.PageHinkley | EnsembleMembers.IsolationForest;

    private const int Observations = DetectorSeries.Length;
    private const int TrainingRows = 1024;
    private const int Dimensions = 3;

    private readonly double[] _values = DetectorSeries.Values();
    private readonly DateTimeOffset[] _times = DetectorSeries.Timestamps();
    private double[] _points = [];
    private double[] _training = [];
    private IAnomalyDetector _rules = null!;
    private IAnomalyDetector _ewmaZScore = null!;
    private IAnomalyDetector _likelihood = null!;
    private IAnomalyDetector _medianMad = null!;
    private IAnomalyDetector _cusum = null!;
    private IAnomalyDetector _pageHinkley = null!;
    private IAnomalyDetector _seasonal = null!;
    private IAnomalyDetector _isolationForest = null!;
    private IAnomalyDetector _default = null!;
    private IAnomalyDetector _allMembers = null!;
    private IsolationForest _forest = null!;
    private IsolationForest _refitted = null!;

    /// <summary>Creates and warms up one detector of each kind, and fits the 3-D forest.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _rules = Warm(AnomalyDetectors.CreateRules(new RuleOptions { UpperThreshold = 140, Buckets = 3 }));
        _ewmaZScore = Warm(AnomalyDetectors.CreateEwmaZScore());
        _likelihood = Warm(AnomalyDetectors.CreateLikelihood());
        _medianMad = Warm(AnomalyDetectors.CreateMedianMad());
        _cusum = Warm(AnomalyDetectors.CreateCusum());
        _pageHinkley = Warm(AnomalyDetectors.CreatePageHinkley());
        _seasonal = Warm(AnomalyDetectors.CreateSeasonal());
        _isolationForest = Warm(AnomalyDetectors.CreateIsolationForest());
        _default = Warm(AnomalyDetectors.CreateDefault());
        _allMembers = Warm(AnomalyDetectors.CreateEnsemble(new EnsembleOptions { Members = AllMembers }));

        _points = DetectorSeries.Points(_values, Dimensions);
        _training = _points.AsSpan(0, TrainingRows * Dimensions).ToArray();
        _forest = new IsolationForest(Dimensions, new IsolationForestOptions { Trees = 100 });
        _forest.Fit(_training);
        _refitted = new IsolationForest(Dimensions, new IsolationForestOptions { Trees = 100 });
        _refitted.Fit(_training);
    }

    /// <summary>Rules: a static upper threshold over 3 buckets with hysteresis, plus the spatial rule.</summary>
    [Benchmark(OperationsPerInvoke = Observations)]
    public double Rules() => DetectorSeries.Feed(_rules, _values, _times);

    /// <summary>EWMA z-score with cool-down.</summary>
    [Benchmark(OperationsPerInvoke = Observations)]
    public double EwmaZScore() => DetectorSeries.Feed(_ewmaZScore, _values, _times);

    /// <summary>EWMA z-score through the anomaly likelihood, spatial rule, cool-down.</summary>
    [Benchmark(OperationsPerInvoke = Observations)]
    public double Likelihood() => DetectorSeries.Feed(_likelihood, _values, _times);

    /// <summary>Robust median/MAD over a 256-value sliding window.</summary>
    [Benchmark(OperationsPerInvoke = Observations)]
    public double MedianMad() => DetectorSeries.Feed(_medianMad, _values, _times);

    /// <summary>Two-sided CUSUM.</summary>
    [Benchmark(OperationsPerInvoke = Observations)]
    public double Cusum() => DetectorSeries.Feed(_cusum, _values, _times);

    /// <summary>Two-sided Page-Hinkley.</summary>
    [Benchmark(OperationsPerInvoke = Observations)]
    public double PageHinkley() => DetectorSeries.Feed(_pageHinkley, _values, _times);

    /// <summary>Seasonal Holt-Winters residual over 288 daily slots.</summary>
    [Benchmark(OperationsPerInvoke = Observations)]
    public double Seasonal() => DetectorSeries.Feed(_seasonal, _values, _times);

    /// <summary>Univariate Isolation Forest (100 trees), its retrain every 256 observations amortised in.</summary>
    [Benchmark(OperationsPerInvoke = Observations)]
    public double IsolationForestDetector() => DetectorSeries.Feed(_isolationForest, _values, _times);

    /// <summary>The default detector: the ensemble of EWMA z-score and seasonal, each through its likelihood.</summary>
    [Benchmark(OperationsPerInvoke = Observations)]
    public double Default() => DetectorSeries.Feed(_default, _values, _times);

    /// <summary>The ensemble with all six members (not the default), for scale.</summary>
    [Benchmark(OperationsPerInvoke = Observations)]
    public double EnsembleAllMembers() => DetectorSeries.Feed(_allMembers, _values, _times);

    /// <summary>Isolation Forest scoring only: 4,096 3-D points through 100 trees fitted on 1,024 rows (ψ = 256).</summary>
    [Benchmark(OperationsPerInvoke = Observations)]
    public double IsolationForestScore3D()
    {
        var sum = 0.0;
        var points = _points.AsSpan();
        for (var i = 0; i < Observations; i++)
        {
            sum += _forest.Score(points.Slice(i * Dimensions, Dimensions));
        }

        return sum;
    }

    /// <summary>One retrain of the 3-D forest: 100 trees on ψ = 256 of 1,024 rows (one operation = one fit).</summary>
    [Benchmark]
    public bool IsolationForestFit3D()
    {
        _refitted.Fit(_training);
        return _refitted.IsTrained;
    }

    private IAnomalyDetector Warm(IAnomalyDetector detector)
    {
        DetectorSeries.Feed(detector, _values, _times);
        return detector;
    }
}
