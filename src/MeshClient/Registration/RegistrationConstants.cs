namespace MeshClient.Registration;

internal static class RegistrationConstants
{
    public const string LoopbackHost = "127.0.0.1";
}
