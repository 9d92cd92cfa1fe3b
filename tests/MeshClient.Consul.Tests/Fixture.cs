namespace MeshClient.Consul.Tests;

/// <summary>The recorded payloads, embedded from <c>Fixtures/</c> (see <c>Fixtures/SOURCES.md</c>).</summary>
internal static class Fixture
{
    public static byte[] Bytes(string name)
    {
        using var stream = typeof(Fixture).Assembly.GetManifestResourceStream("Fixtures." + name)
            ?? throw new InvalidOperationException($"Fixture {name} is not embedded.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    public static string Text(string name) => System.Text.Encoding.UTF8.GetString(Bytes(name));
}
