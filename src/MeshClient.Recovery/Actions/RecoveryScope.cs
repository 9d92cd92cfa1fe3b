namespace MeshClient.Recovery;

/// <summary>Whom a recovery action acts on.</summary>
public enum RecoveryScope
{
    /// <summary>An instance this process calls (migrate/eject), judged from this process's outgoing calls.</summary>
    Peer,

    /// <summary>This process (drain-self, restore, restart), judged from signals about itself.</summary>
    Self,

    /// <summary>For an action only: it acts on whichever target the policy gives it (webhooks, scale-out).</summary>
    Any,
}
