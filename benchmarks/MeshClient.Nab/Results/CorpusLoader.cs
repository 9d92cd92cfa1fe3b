using MeshClient.Nab.Scoring;

namespace MeshClient.Nab.Results;

/// <summary>Loads one detector's results files with their label windows mapped to rows.</summary>
internal static class CorpusLoader
{
    public static IReadOnlyList<ScoredSeries> Load(
        string resultsRoot, string detector, IReadOnlyDictionary<string, IReadOnlyList<LabelWindow>> labels)
    {
        var corpus = new List<ScoredSeries>();
        foreach (var (key, path) in ResultsLayout.ResultFiles(resultsRoot, detector))
        {
            if (!labels.TryGetValue(key, out var windows))
            {
                throw new InvalidDataException($"{path}: '{key}' has no entry in the label windows.");
            }

            var results = ResultsFileReader.Read(path);
            corpus.Add(new ScoredSeries(key, results.Scores, RowWindowMapper.Map(results.Timestamps, windows, key)));
        }

        return corpus;
    }
}
