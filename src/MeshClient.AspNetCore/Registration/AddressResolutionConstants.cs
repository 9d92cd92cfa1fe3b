namespace MeshClient.AspNetCore.Registration;

internal static class AddressResolutionConstants
{
    /// <summary>Registered when only loopback is bound, or a wildcard is bound on a machine without a non-loopback IPv4.</summary>
    public const string LoopbackIPv4 = "127.0.0.1";

    /// <summary>Hosts that mean "every address" in Kestrel and HTTP.sys URLs.</summary>
    public static readonly string[] WildcardHosts = ["0.0.0.0", "[::]", "::", "+", "*"];
}
