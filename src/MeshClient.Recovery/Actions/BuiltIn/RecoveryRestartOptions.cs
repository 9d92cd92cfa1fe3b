using System.ComponentModel.DataAnnotations;

namespace MeshClient.Recovery;

/// <summary>How the <c>restart</c> recovery action restarts this process, bound from <c>Mesh:Recovery:Restart</c>.</summary>
public sealed class RecoveryRestartOptions
{
    /// <summary>Gets or sets how to restart (<c>Mesh:Recovery:Restart:Mode</c>). Default <see cref="RestartMode.FailLiveness"/>.</summary>
    public RestartMode Mode { get; set; } = RestartMode.FailLiveness;

    /// <summary>
    /// Gets or sets the process exit code in <see cref="RestartMode.StopHost"/> mode (<c>Mesh:Recovery:Restart:ExitCode</c>).
    /// Default 75 (<c>EX_TEMPFAIL</c>): non-zero, so systemd's <c>Restart=on-failure</c> restarts the unit.
    /// </summary>
    [Range(0, 255)]
    public int ExitCode { get; set; } = BuiltInActionConstants.DefaultExitCode;
}
