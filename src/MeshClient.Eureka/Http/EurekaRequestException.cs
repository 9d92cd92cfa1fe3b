namespace MeshClient.Eureka.Http;

/// <summary>A call to the Eureka server failed on every service URL; the message names the last URL (credentials redacted) and the reason.</summary>
internal sealed class EurekaRequestException : Exception
{
    public EurekaRequestException(string message)
        : base(message)
    {
    }

    public EurekaRequestException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public EurekaRequestException()
    {
    }
}
