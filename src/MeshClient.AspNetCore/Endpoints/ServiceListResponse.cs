namespace MeshClient.AspNetCore.Endpoints;

/// <summary>The body of <c>GET /mesh/services</c>: every tracked or configured service, sorted by name.</summary>
internal sealed class ServiceListResponse
{
    public required IReadOnlyList<ServiceStatusResponse> Services { get; init; }
}
