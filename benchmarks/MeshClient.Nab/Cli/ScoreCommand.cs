using MeshClient.Nab.Results;
using MeshClient.Nab.Scoring;

namespace MeshClient.Nab.Cli;

/// <summary>
/// <c>score --results &lt;dir&gt; --labels &lt;json&gt; --profiles &lt;json&gt;
/// [--thresholds optimise|published:&lt;thresholds.json&gt;] [--detector NAME]</c>: prints NAB scores per profile for
/// the named detector, or for every detector folder under the results.
/// </summary>
internal static class ScoreCommand
{
    private const string PublishedPrefix = "published:";

    public static int Execute(CommandLine line, TextWriter output)
    {
        line.EnsureOnly("results", "labels", "profiles", "thresholds", "detector");
        var resultsRoot = line.Required("results");
        var labels = LabelWindowsReader.Read(line.Required("labels"));
        var profiles = ProfilesReader.Read(line.Required("profiles"));
        var mode = line.Optional("thresholds") ?? "optimise";
        if (mode != "optimise" && !mode.StartsWith(PublishedPrefix, StringComparison.Ordinal))
        {
            throw new ArgumentException($"--thresholds must be 'optimise' or 'published:<thresholds.json>', not '{mode}'.");
        }

        var detectors = line.Optional("detector") is { } one ? [one] : ResultsLayout.Detectors(resultsRoot);
        foreach (var detector in detectors)
        {
            var corpus = CorpusLoader.Load(resultsRoot, detector, labels);
            var thresholds = mode.StartsWith(PublishedPrefix, StringComparison.Ordinal)
                ? PublishedThresholdsReader.Read(mode[PublishedPrefix.Length..], detector)
                : null;
            ScoreTable.Write(output, detector, corpus, mode, CorpusScorer.Score(corpus, profiles, thresholds));
        }

        return 0;
    }
}
