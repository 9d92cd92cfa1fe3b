namespace MeshClient.Testing;

/// <summary>Marks the MeshClient.Testing assembly; the in-process registries live in this namespace.</summary>
public static class TestingAssembly
{
    /// <summary>Gets the name of the package.</summary>
    public static string PackageName => "MeshClient.Testing";
}
