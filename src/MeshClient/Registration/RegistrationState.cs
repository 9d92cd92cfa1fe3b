namespace MeshClient.Registration;

/// <summary>Where the self-registration lifecycle stands.</summary>
public enum RegistrationState
{
    /// <summary>Registration is off, or has not started.</summary>
    Disabled,

    /// <summary>Registering (or re-registering after a failure).</summary>
    Registering,

    /// <summary>Registered, and renewing.</summary>
    Registered,

    /// <summary>The last registry call failed; retrying with backoff.</summary>
    Failing,

    /// <summary>Deregistered on shutdown.</summary>
    Deregistered,
}
