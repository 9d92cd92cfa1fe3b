namespace MeshClient.AspNetCore.Endpoints;

/// <summary>The body of <c>GET /mesh</c>: the paths of the status endpoints.</summary>
internal sealed class MeshIndexResponse
{
    public required IReadOnlyList<string> Endpoints { get; init; }
}
