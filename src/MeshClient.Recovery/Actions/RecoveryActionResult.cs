namespace MeshClient.Recovery;

/// <summary>What an action reports back to the engine.</summary>
/// <param name="Succeeded">Whether it acted (a failed action escalates at once, without waiting for verification).</param>
/// <param name="Detail">One line for the journal and logs, free of secrets.</param>
public readonly record struct RecoveryActionResult(bool Succeeded, string? Detail)
{
    /// <summary>Creates a success.</summary>
    /// <param name="detail">One line for the journal.</param>
    /// <returns>The result.</returns>
    public static RecoveryActionResult Success(string? detail = null) => new(true, detail);

    /// <summary>Creates a failure.</summary>
    /// <param name="detail">Why, one line, free of secrets.</param>
    /// <returns>The result.</returns>
    public static RecoveryActionResult Failure(string detail) => new(false, detail);
}
