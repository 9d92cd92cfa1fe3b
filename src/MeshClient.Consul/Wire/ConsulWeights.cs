namespace MeshClient.Consul.Wire;

/// <summary><c>Weights</c>: the weight while passing and while warning. Sending only <c>Passing</c> makes <c>Warning</c> 0.</summary>
internal sealed class ConsulWeights
{
    public int Passing { get; set; } = 1;

    public int Warning { get; set; } = 1;
}
