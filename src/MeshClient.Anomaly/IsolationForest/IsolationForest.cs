using MeshClient.Anomaly.Statistics;

namespace MeshClient.Anomaly;

/// <summary>
/// An Isolation Forest (Liu, Ting and Zhou 2008) over fixed-length feature vectors. Each tree isolates a random subsample
/// of ψ rows by random splits (a random non-constant feature, a uniform split value between its minimum and maximum) up to
/// the height limit <c>ceil(log2 ψ)</c>; a point's score is <c>2^(-E(h) / c(ψ))</c>, where <c>h</c> is its path length
/// plus <c>c(leaf size)</c>. Scores near 1 are anomalies, scores well below 0.5 are normal.
/// </summary>
/// <remarks>
/// Deterministic given the seed and the sequence of fits. The trees live in flat arrays sized at construction; fitting
/// allocates only when a training set is larger than every earlier one, and scoring never allocates. Not thread-safe.
/// </remarks>
public sealed class IsolationForest
{
    private readonly int _dimensions;
    private readonly int _trees;
    private readonly int _sampleSize;
    private readonly int _nodesPerTree;
    private readonly int[] _feature;
    private readonly double[] _split;
    private readonly int[] _left;
    private readonly int[] _right;
    private readonly int[] _sample;
    private int[] _pool = [];
    private SplitMix64 _random;
    private int _heightLimit;
    private int _nextNode;
    private double _normaliser;

    /// <summary>Initializes a new instance of the <see cref="IsolationForest"/> class.</summary>
    /// <param name="dimensions">The length of every feature vector.</param>
    /// <param name="options">Trees, subsample size and seed; defaults when <see langword="null"/>.</param>
    public IsolationForest(int dimensions, IsolationForestOptions? options = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dimensions);
        options = (options ?? new IsolationForestOptions()).ValidatedCopy();
        _dimensions = dimensions;
        _trees = options.Trees;
        _sampleSize = options.SampleSize;
        _random = new SplitMix64(options.Seed);
        _nodesPerTree = (2 << HeightLimit(_sampleSize)) - 1;
        _feature = new int[_trees * _nodesPerTree];
        _split = new double[_feature.Length];
        _left = new int[_feature.Length];
        _right = new int[_feature.Length];
        _sample = new int[_sampleSize];
    }

    /// <summary>Gets a value indicating whether the forest has been fitted.</summary>
    public bool IsTrained => _normaliser > 0;

    /// <summary>Gets the memory of the trees and buffers in bytes.</summary>
    public long Bytes => (_feature.Length * ((3L * sizeof(int)) + sizeof(double))) + ((_sample.Length + _pool.Length) * (long)sizeof(int));

    /// <summary>Fits new trees to the rows (row-major: <c>rows.Length</c> is a multiple of the dimensions, at least two rows).</summary>
    /// <param name="rows">The training rows, one feature vector after another.</param>
    public void Fit(ReadOnlySpan<double> rows)
    {
        if (rows.Length % _dimensions != 0 || rows.Length < 2 * _dimensions)
        {
            throw new ArgumentException($"Expected at least two rows of {_dimensions} values.", nameof(rows));
        }

        var count = rows.Length / _dimensions;
        Reserve(count);

        for (var i = 0; i < count; i++)
        {
            _pool[i] = i;
        }

        var size = Math.Min(_sampleSize, count);
        _heightLimit = HeightLimit(size);
        for (var tree = 0; tree < _trees; tree++)
        {
            for (var i = 0; i < size; i++)
            {
                var j = i + _random.NextInt(count - i);
                (_pool[i], _pool[j]) = (_pool[j], _pool[i]);
                _sample[i] = _pool[i];
            }

            _nextNode = tree * _nodesPerTree;
            Build(rows, 0, size, 0);
        }

        _normaliser = AveragePathLength.Of(size);
    }

    /// <summary>Scores a feature vector: <c>2^(-E(h) / c(ψ))</c> in (0, 1]; 0 before the first fit.</summary>
    /// <param name="point">The feature vector, of the forest's dimensions.</param>
    /// <returns>The anomaly score; above about 0.6 is anomalous.</returns>
    public double Score(ReadOnlySpan<double> point)
    {
        if (point.Length != _dimensions)
        {
            throw new ArgumentException($"Expected {_dimensions} values.", nameof(point));
        }

        if (!IsTrained)
        {
            return 0.0;
        }

        var total = 0.0;
        for (var tree = 0; tree < _trees; tree++)
        {
            total += PathLength(point, tree * _nodesPerTree);
        }

        return Math.Pow(2.0, -total / _trees / _normaliser);
    }

    /// <summary>Sizes the training buffers for up to <paramref name="rows"/> rows, so later fits do not allocate.</summary>
    internal void Reserve(int rows)
    {
        if (_pool.Length < rows)
        {
            _pool = new int[rows];
        }
    }

    private static int HeightLimit(int size) => size <= 1 ? 0 : (int)Math.Ceiling(Math.Log2(size));

    /// <summary>
    /// The path length of the point in one tree: the leaf stores <c>depth + c(leaf size)</c> in its split slot (computed
    /// once at fit time, the same double as computing it here), so scoring is a walk down the arrays with no logarithm.
    /// </summary>
    private double PathLength(ReadOnlySpan<double> point, int node)
    {
        var features = _feature;
        var splits = _split;
        var lefts = _left;
        var rights = _right;
        int feature;
        while ((feature = features[node]) >= 0)
        {
            // Both children loaded, then a select, so that the JIT may use a conditional move instead of an unpredictable branch.
            var left = lefts[node];
            var right = rights[node];
            node = point[feature] < splits[node] ? left : right;
        }

        return splits[node];
    }

    private int Build(ReadOnlySpan<double> rows, int start, int end, int depth)
    {
        var node = _nextNode++;
        if (depth >= _heightLimit || end - start <= 1 || !TryChooseSplit(rows, start, end, out var feature, out var split))
        {
            _feature[node] = -1;
            _left[node] = end - start;
            _split[node] = depth + AveragePathLength.Of(end - start);
            return node;
        }

        var middle = Partition(rows, start, end, feature, split);
        _feature[node] = feature;
        _split[node] = split;
        _left[node] = Build(rows, start, middle, depth + 1);
        _right[node] = Build(rows, middle, end, depth + 1);
        return node;
    }

    private bool TryChooseSplit(ReadOnlySpan<double> rows, int start, int end, out int feature, out double split)
    {
        for (var attempt = 0; attempt < _dimensions; attempt++)
        {
            feature = _random.NextInt(_dimensions);
            var min = double.PositiveInfinity;
            var max = double.NegativeInfinity;
            for (var i = start; i < end; i++)
            {
                var value = rows[(_sample[i] * _dimensions) + feature];
                min = Math.Min(min, value);
                max = Math.Max(max, value);
            }

            if (max > min)
            {
                split = min + (_random.NextDouble() * (max - min));
                split = split > min ? split : max;
                return true;
            }
        }

        feature = -1;
        split = 0.0;
        return false;
    }

    private int Partition(ReadOnlySpan<double> rows, int start, int end, int feature, double split)
    {
        var middle = start;
        for (var i = start; i < end; i++)
        {
            if (rows[(_sample[i] * _dimensions) + feature] < split)
            {
                (_sample[i], _sample[middle]) = (_sample[middle], _sample[i]);
                middle++;
            }
        }

        return middle;
    }
}
