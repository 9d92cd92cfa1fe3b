namespace MeshClient.Eureka.Wire;

/// <summary>A Eureka response body could not be read (malformed or truncated JSON or XML, or an unexpected shape).</summary>
internal sealed class EurekaFormatException : Exception
{
    public EurekaFormatException(string message)
        : base(message)
    {
    }

    public EurekaFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public EurekaFormatException()
    {
    }
}
