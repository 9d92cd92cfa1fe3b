namespace DevRegistry;

/// <summary>The exit codes of DevRegistry.</summary>
internal static class ExitCodes
{
    /// <summary>Stopped by Ctrl-C or SIGTERM after serving, or <c>--help</c>.</summary>
    public const int Success = 0;

    /// <summary>The registry could not start (for example, the port is in use).</summary>
    public const int Failure = 1;

    /// <summary>A bad command line.</summary>
    public const int Usage = 2;
}
