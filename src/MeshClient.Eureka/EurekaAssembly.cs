namespace MeshClient.Eureka;

internal static class EurekaAssembly;
