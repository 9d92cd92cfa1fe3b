using MeshClient.Nab.Cli;

try
{
    var line = CommandLine.Parse(args);
    return line.Command switch
    {
        "run" => RunCommand.Execute(line, Console.Out),
        "score" => ScoreCommand.Execute(line, Console.Out),
        _ => throw new ArgumentException($"Unknown command '{line.Command}': use run or score."),
    };
}
catch (Exception ex) when (ex is ArgumentException or InvalidDataException or IOException)
{
    Console.Error.WriteLine(ex.Message);
    Console.Error.WriteLine("usage: run --data <dir> --out <dir> [--detector NAME]");
    Console.Error.WriteLine("       score --results <dir> --labels <combined_windows.json> --profiles <profiles.json> [--thresholds optimise|published:<thresholds.json>] [--detector NAME]");
    return 2;
}
