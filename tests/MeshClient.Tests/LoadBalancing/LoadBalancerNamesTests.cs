using System.Reflection;
using MeshClient.LoadBalancing;

namespace MeshClient.Tests.LoadBalancing;

/// <summary><see cref="LoadBalancerNames.All"/> lists every built-in balancer.</summary>
public sealed class LoadBalancerNamesTests
{
    [Fact]
    public void All_EveryNameConstant_IsListedOnceInDeclarationOrder()
    {
        var constants = typeof(LoadBalancerNames).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!);

        LoadBalancerNames.All.Should().Equal(constants);
    }
}
