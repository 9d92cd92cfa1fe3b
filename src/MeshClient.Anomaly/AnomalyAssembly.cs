namespace MeshClient.Anomaly;

internal static class AnomalyAssembly;
