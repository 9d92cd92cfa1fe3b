using MeshClient.Events;

namespace MeshClient.Recovery;

/// <summary>Everything an action needs to act once.</summary>
/// <param name="Target">On whom to act.</param>
/// <param name="Trigger">The event that started the episode.</param>
/// <param name="PolicyName">The policy that matched.</param>
/// <param name="Rung">The rung of the policy's ladder, from 0.</param>
/// <param name="IdempotencyKey">Stable for this episode and rung: a retry of the same action sends the same key.</param>
/// <param name="Services">The application's services, for actions that resolve their collaborators lazily.</param>
public sealed record RecoveryActionContext(
    RecoveryTarget Target, MeshEvent Trigger, string PolicyName, int Rung, string IdempotencyKey, IServiceProvider Services);
