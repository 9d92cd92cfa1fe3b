using System.Text;
using Microsoft.AspNetCore.Http;

namespace MeshClient.Testing.Recording;

/// <summary>Reads a request body as UTF-8 text for a recorded request.</summary>
internal static class RecordedBody
{
    /// <summary>Reads the whole body.</summary>
    /// <param name="context">The request's context; its <c>RequestAborted</c> cancels the read.</param>
    /// <returns>The body, empty when there is none.</returns>
    public static async Task<string> ReadAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        return await reader.ReadToEndAsync(context.RequestAborted);
    }
}
