namespace MeshClient.Eureka.Http;

/// <summary>What a read of a Eureka response produced, and which service URL served it.</summary>
internal readonly record struct EurekaResponse<T>(T Value, EurekaServiceUrl ServedBy);
