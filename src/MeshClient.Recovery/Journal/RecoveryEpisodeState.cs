namespace MeshClient.Recovery;

/// <summary>Where an episode (one policy on one target) stands.</summary>
public enum RecoveryEpisodeState
{
    /// <summary>The condition holds; waiting for <c>For</c> or for a guardrail to allow the next action.</summary>
    Pending,

    /// <summary>An action is running.</summary>
    Acting,

    /// <summary>An action succeeded; waiting for the condition to clear within the verification window.</summary>
    Verifying,

    /// <summary>The ladder is exhausted: nothing more runs on the target until the condition clears or an operator resets it.</summary>
    Exhausted,
}
