using MeshClient.Discovery.Static;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace MeshClient.Benchmarks.Scenarios;

/// <summary>The client stacks compared, each built in its own container over the same five instances.</summary>
internal static class ScenarioStacks
{
    public const string Service = "ratings";

    /// <summary>The labels of the stacks, in table order.</summary>
    public static readonly string[] Names =
    [
        "a) SD round robin + standard resilience",
        "b) SD round robin + standard hedging",
        "c) MeshClient defaults",
    ];

    /// <summary>Builds stack <paramref name="stack"/> (0, 1, 2 as in <see cref="Names"/>) against <paramref name="authorities"/>.</summary>
    public static ServiceProvider Build(int stack, IReadOnlyList<string> authorities)
    {
        var services = new ServiceCollection();
        switch (stack)
        {
            case 0:
                // The order of the Aspire service defaults: resilience outside, so that every retry resolves (and round-robins) again.
                AddServiceDiscovery(services, authorities);
                services.AddHttpClient("client").AddStandardResilienceHandler();
                services.AddHttpClient("client").AddServiceDiscovery();
                break;
            case 1:
                AddServiceDiscovery(services, authorities);
                services.AddHttpClient("client").AddStandardHedgingHandler();
                services.AddHttpClient("client").AddServiceDiscovery();
                break;
            default:
                services.AddMeshClient(o =>
                {
                    var service = new MeshServiceOptions();
                    foreach (var authority in authorities)
                    {
                        service.Instances.Add(new StaticInstanceOptions { Url = "http://" + authority });
                    }

                    o.Services[Service] = service;
                });
                services.AddHttpClient("client").AddMeshHandler();
                break;
        }

        return services.BuildServiceProvider();
    }

    private static void AddServiceDiscovery(ServiceCollection services, IReadOnlyList<string> authorities)
    {
        var settings = new Dictionary<string, string?>();
        for (var i = 0; i < authorities.Count; i++)
        {
            settings[$"Services:{Service}:http:{i}"] = authorities[i];
        }

        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddServiceDiscovery();
    }
}
