namespace MeshClient.Recovery;

/// <summary>Event kind patterns (exact, or a trailing <c>*</c>) and the default pairs of detected and cleared kinds.</summary>
internal static class EventKinds
{
    /// <summary>Each starting kind and the kind that ends it.</summary>
    public static readonly IReadOnlyList<(string On, string Cleared)> Pairs =
    [
        ("anomaly.detected", "anomaly.cleared"),
        ("health.instance-ejected", "health.instance-readmitted"),
        ("resilience.circuit-opened", "resilience.circuit-closed"),
        ("health.panic-entered", "health.panic-left"),
        ("readiness.failed", "readiness.passed"),
        ("liveness.failed", "liveness.passed"),
        ("registry.unreachable", "registry.reachable"),
    ];

    /// <summary>
    /// Tells whether <paramref name="kind"/> matches <paramref name="pattern"/>. The engine's own <c>recovery.*</c> kinds
    /// match only a pattern that names them (starts with <c>recovery.</c>), so <c>*</c> never feeds recovery back into itself.
    /// </summary>
    public static bool Matches(string pattern, string kind)
    {
        if (kind.StartsWith(RecoveryConstants.RecoveryKindPrefix, StringComparison.OrdinalIgnoreCase)
            && !pattern.StartsWith(RecoveryConstants.RecoveryKindPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return pattern.EndsWith('*')
            ? kind.StartsWith(pattern.AsSpan(0, pattern.Length - 1), StringComparison.OrdinalIgnoreCase)
            : string.Equals(pattern, kind, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Returns the clearing kinds of the given starting patterns: the pair of every known kind they match.</summary>
    public static List<string> DefaultClearedBy(IEnumerable<string> on)
    {
        var cleared = new List<string>();
        foreach (var pattern in on)
        {
            foreach (var (start, clear) in Pairs)
            {
                if (Matches(pattern, start) && !cleared.Contains(clear, StringComparer.OrdinalIgnoreCase))
                {
                    cleared.Add(clear);
                }
            }
        }

        return cleared;
    }

    /// <summary>Tells whether a pattern is well formed: not blank, and <c>*</c> only at the end.</summary>
    public static bool IsValidPattern(string? pattern)
        => !string.IsNullOrWhiteSpace(pattern) && pattern.IndexOf('*', StringComparison.Ordinal) is var star && (star < 0 || star == pattern.Length - 1);
}
