namespace MeshClient.AspNetCore.Endpoints;

/// <summary>The body of a 404 or 500 from the status endpoints: one line, free of secrets.</summary>
internal sealed class ErrorResponse
{
    public required string Error { get; init; }
}
