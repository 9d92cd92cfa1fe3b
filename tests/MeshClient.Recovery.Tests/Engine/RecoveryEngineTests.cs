using MeshClient.Events;
using MeshClient.Recovery.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace MeshClient.Recovery.Tests.Engine;

public sealed class RecoveryEngineTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task StartAsync_EventPublished_RunsTheUserActionAndJournalsIt()
    {
        var time = new FakeTimeProvider(CoordinatorHarness.Start);
        using var host = new HostBuilder()
            .ConfigureServices(services =>
            {
                services.AddSingleton<TimeProvider>(time);
                services.AddMeshClient()
                    .AddRecovery(o =>
                    {
                        var policy = new RecoveryPolicyOptions();
                        policy.On.Add("health.instance-ejected");
                        policy.Actions.Add("eject");
                        o.Policies["eject-bad-peer"] = policy;
                    })
                    .AddRecoveryAction<EjectUserAction>();
            })
            .Build();
        var stream = host.Services.GetRequiredService<IMeshEventStream>();
        using var events = stream.Subscribe();
        await host.StartAsync();

        stream.Publish(new InstanceEjectedEvent(time.GetUtcNow(), "ratings", "ratings-2", "consecutive_5xx", TimeSpan.FromSeconds(30), 1));
        var action = host.Services.GetServices<IRecoveryAction>().OfType<EjectUserAction>().Single();
        var context = await action.FirstRun.WaitAsync(Guard);
        var executed = await ReadUntilAsync<RecoveryActionExecutedEvent>(events);

        context.Target.Should().Be(new RecoveryTarget(RecoveryScope.Peer, "ratings", "ratings-2"));
        context.PolicyName.Should().Be("eject-bad-peer");
        executed.Succeeded.Should().BeTrue();
        var controller = host.Services.GetRequiredService<IRecoveryController>();
        controller.GetJournal().Select(e => e.Event).Should().Equal("ejected", "matched", "detected");

        stream.Publish(new InstanceReadmittedEvent(time.GetUtcNow(), "ratings", "ratings-2"));
        await WaitForJournalAsync(controller, "recovered", time);
        controller.GetJournal().Select(e => e.Event).Should().StartWith(["recovered", "verified"]);
        await host.StopAsync();
    }

    [Fact]
    public async Task StartAsync_ActionIgnoresItsTimeout_FailsItAndEscalatesAtOnce()
    {
        var time = new FakeTimeProvider(CoordinatorHarness.Start);
        var hanging = new HangingAction();
        using var host = new HostBuilder()
            .ConfigureServices(services =>
            {
                services.AddSingleton<TimeProvider>(time);
                services.AddSingleton<IRecoveryAction>(hanging);
                services.AddMeshClient()
                    .AddRecovery(o =>
                    {
                        var policy = new RecoveryPolicyOptions();
                        policy.On.Add("resilience.circuit-opened");
                        policy.Actions.AddRange(["hang", "eject"]);
                        o.Policies["p"] = policy;
                    })
                    .AddRecoveryAction<EjectUserAction>();
            })
            .Build();
        var stream = host.Services.GetRequiredService<IMeshEventStream>();
        await host.StartAsync();

        stream.Publish(new CircuitOpenedEvent(time.GetUtcNow(), "ratings", "ratings-1", TimeSpan.FromSeconds(5)));
        await hanging.Started.WaitAsync(Guard);
        time.Advance(TimeSpan.FromSeconds(30));
        var eject = host.Services.GetServices<IRecoveryAction>().OfType<EjectUserAction>().Single();
        var context = await eject.FirstRun.WaitAsync(Guard);

        context.Rung.Should().Be(1);
        host.Services.GetRequiredService<IRecoveryController>().GetJournal()
            .Should().Contain(e => e.Event == "escalated" && e.Reason!.Contains("hang failed: timed out", StringComparison.Ordinal));
        await host.StopAsync();
    }

    private static async Task<T> ReadUntilAsync<T>(MeshEventSubscription events)
        where T : MeshEvent
    {
        using var cts = new CancellationTokenSource(Guard, TimeProvider.System);
        while (true)
        {
            if (await events.Reader.ReadAsync(cts.Token) is T found)
            {
                return found;
            }
        }
    }

    private static async Task WaitForJournalAsync(IRecoveryController controller, string @event, FakeTimeProvider time)
    {
        using var cts = new CancellationTokenSource(Guard, TimeProvider.System);
        while (controller.GetJournal() is not [var newest, ..] || newest.Event != @event)
        {
            time.Advance(TimeSpan.FromMilliseconds(100));
            await Task.Delay(TimeSpan.FromMilliseconds(10), TimeProvider.System, cts.Token);
        }
    }
}
