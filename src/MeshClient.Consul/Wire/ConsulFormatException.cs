namespace MeshClient.Consul.Wire;

/// <summary>A Consul answer could not be read (malformed JSON, wrong shape).</summary>
internal sealed class ConsulFormatException : Exception
{
    public ConsulFormatException()
    {
    }

    public ConsulFormatException(string message)
        : base(message)
    {
    }

    public ConsulFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
