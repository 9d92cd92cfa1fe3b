namespace MeshClient.Nab.Cli;

/// <summary>Parses <c>&lt;command&gt; --name value ...</c>; every option takes exactly one value.</summary>
internal sealed class CommandLine
{
    private readonly Dictionary<string, string> _options;

    private CommandLine(string command, Dictionary<string, string> options)
    {
        Command = command;
        _options = options;
    }

    public string Command { get; }

    public static CommandLine Parse(IReadOnlyList<string> args)
    {
        if (args.Count == 0 || args[0].StartsWith("--", StringComparison.Ordinal))
        {
            throw new ArgumentException("The first argument must be a command: run or score.");
        }

        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 1; i < args.Count; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Count)
            {
                throw new ArgumentException($"Expected '--name value' at '{args[i]}'.");
            }

            options[args[i][2..]] = args[i + 1];
        }

        return new CommandLine(args[0], options);
    }

    public string Required(string name) =>
        _options.TryGetValue(name, out var value) ? value : throw new ArgumentException($"Missing --{name}.");

    public string? Optional(string name) => _options.GetValueOrDefault(name);

    public void EnsureOnly(params string[] names)
    {
        var unknown = _options.Keys.Except(names, StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"Unknown option(s) for '{Command}': {string.Join(", ", unknown.Select(static name => "--" + name))}.");
        }
    }
}
