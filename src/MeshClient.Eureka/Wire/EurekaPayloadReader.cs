using System.Net.Http.Headers;

namespace MeshClient.Eureka.Wire;

/// <summary>Reads a Eureka body as JSON or XML: by its content type, else by its first character (servers default to XML).</summary>
internal static class EurekaPayloadReader
{
    public static EurekaApplications ReadApplications(ReadOnlyMemory<byte> body, MediaTypeHeaderValue? contentType)
        => IsJson(body, contentType) ? EurekaJsonReader.ReadApplications(body) : EurekaXmlReader.ReadApplications(body);

    public static EurekaApplication ReadApplication(ReadOnlyMemory<byte> body, MediaTypeHeaderValue? contentType)
        => IsJson(body, contentType) ? EurekaJsonReader.ReadApplicationRoot(body) : EurekaXmlReader.ReadApplicationRoot(body);

    public static EurekaInstance ReadInstance(ReadOnlyMemory<byte> body, MediaTypeHeaderValue? contentType)
        => IsJson(body, contentType) ? EurekaJsonReader.ReadInstanceRoot(body) : EurekaXmlReader.ReadInstanceRoot(body);

    private static bool IsJson(ReadOnlyMemory<byte> body, MediaTypeHeaderValue? contentType)
    {
        var media = contentType?.MediaType;
        if (media is not null && media.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (media is not null && media.Contains("xml", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        foreach (var b in body.Span)
        {
            if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or 0xEF or 0xBB or 0xBF)
            {
                continue;
            }

            return b is (byte)'{' or (byte)'[';
        }

        throw new EurekaFormatException("the body is empty.");
    }
}
