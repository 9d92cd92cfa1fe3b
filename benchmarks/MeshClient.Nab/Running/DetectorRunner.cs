using MeshClient.Anomaly;
using MeshClient.Nab.Results;

namespace MeshClient.Nab.Running;

/// <summary>
/// Runs a detector over every <c>&lt;category&gt;/&lt;file&gt;.csv</c> of a NAB data folder: a fresh instance per
/// file, rows fed strictly in time order, results written in NAB's layout.
/// </summary>
internal static class DetectorRunner
{
    public static int Run(string dataRoot, string resultsRoot, string detector, Func<IAnomalyDetector> factory)
    {
        var keys = ResultsLayout.DataKeys(dataRoot);
        Parallel.ForEach(keys, key =>
        {
            var data = DataFileReader.Read(Path.Combine(dataRoot, key));
            var scores = Score(factory(), data);
            ResultsFileWriter.Write(ResultsLayout.ResultPath(resultsRoot, detector, key), data, scores);
        });
        return keys.Count;
    }

    public static double[] Score(IAnomalyDetector detector, DataSeries data)
    {
        var scores = new double[data.Values.Length];
        for (var i = 0; i < scores.Length; i++)
        {
            var score = detector.Observe(new DateTimeOffset(data.Timestamps[i], TimeSpan.Zero), data.Values[i]);
            scores[i] = score is >= 0.0 and <= 1.0
                ? score
                : throw new InvalidOperationException($"The detector returned {score} at row {i}; scores must be in [0, 1].");
        }

        return scores;
    }
}
