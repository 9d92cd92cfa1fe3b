namespace MeshClient.Consul;

internal static class ConsulAssembly;
