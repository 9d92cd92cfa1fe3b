namespace MeshDemo;

/// <summary>The process exit codes of the demo.</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>A scenario failed (for example a run with no successful request, or a self-heal journal without the whole story) or threw.</summary>
    public const int Failure = 1;

    /// <summary>The command line is invalid.</summary>
    public const int Usage = 2;

    /// <summary>Every scenario ran, but a self-check missed its target: the anomaly target of <c>fail-one</c> or <c>slow-one</c>.</summary>
    public const int TargetMissed = 3;

    /// <summary>Ctrl+C.</summary>
    public const int Cancelled = 130;
}
