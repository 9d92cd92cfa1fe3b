using MeshClient.Events;
using MeshClient.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace MeshClient.Tests.Events;

public sealed class MeshEventStreamTests
{
    private static readonly DateTimeOffset At = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Publish_OneSubscriber_DeliversInOrder()
    {
        var stream = Resolve();
        using var subscription = stream.Subscribe();

        stream.Publish(new TestEvent(1));
        stream.Publish(new TestEvent(2));

        (await subscription.NextAsync<TestEvent>()).Number.Should().Be(1);
        (await subscription.NextAsync<TestEvent>()).Number.Should().Be(2);
    }

    [Fact]
    public void Publish_SeveralSubscribers_EachGetsEveryEvent()
    {
        var stream = Resolve();
        using var first = stream.Subscribe();
        using var second = stream.Subscribe();

        stream.Publish(new TestEvent(1));
        stream.Publish(new TestEvent(2));

        first.Drain<TestEvent>().Select(e => e.Number).Should().Equal(1, 2);
        second.Drain<TestEvent>().Select(e => e.Number).Should().Equal(1, 2);
    }

    [Fact]
    public void Subscribe_AfterPublish_DoesNotSeeEarlierEvents()
    {
        var stream = Resolve();
        stream.Publish(new TestEvent(1));

        using var late = stream.Subscribe();
        stream.Publish(new TestEvent(2));

        late.Drain<TestEvent>().Select(e => e.Number).Should().Equal(2);
    }

    [Fact]
    public void Publish_FullSubscriber_DropsOldestAndCountsDrops()
    {
        var stream = Resolve();
        using var slow = stream.Subscribe(capacity: 3);
        using var roomy = stream.Subscribe(capacity: 100);

        for (var i = 1; i <= 10; i++)
        {
            stream.Publish(new TestEvent(i));
        }

        slow.Drain<TestEvent>().Select(e => e.Number).Should().Equal(8, 9, 10);
        slow.DroppedCount.Should().Be(7);
        roomy.DroppedCount.Should().Be(0);
        roomy.Drain<TestEvent>().Should().HaveCount(10);
        stream.DroppedCount.Should().Be(7);
    }

    [Fact]
    public void Publish_NobodyReads_NeverBlocks()
    {
        var stream = Resolve();
        using var idle = stream.Subscribe(capacity: 1);

        // Runs on the test thread: a publisher that waited for the reader would never return.
        for (var i = 0; i < 100_000; i++)
        {
            stream.Publish(new TestEvent(i));
        }

        idle.DroppedCount.Should().Be(99_999);
    }

    [Fact]
    public async Task Dispose_Subscription_StopsDeliveryAndCompletesReader()
    {
        var stream = Resolve();
        var subscription = stream.Subscribe();
        using var other = stream.Subscribe();

        subscription.Dispose();
        stream.Publish(new TestEvent(1));

        subscription.Reader.TryRead(out _).Should().BeFalse();
        await subscription.Reader.Completion.Bounded();
        other.Drain<TestEvent>().Should().ContainSingle();
    }

    [Fact]
    public void Dispose_SubscriptionThatDropped_KeepsTheStreamTotal()
    {
        var stream = Resolve();
        var subscription = stream.Subscribe(capacity: 1);
        stream.Publish(new TestEvent(1));
        stream.Publish(new TestEvent(2));

        subscription.Dispose();
        subscription.Dispose();

        stream.DroppedCount.Should().Be(1);
    }

    [Fact]
    public void Subscribe_NonPositiveCapacity_Throws()
        => FluentActions.Invoking(() => Resolve().Subscribe(capacity: 0)).Should().Throw<ArgumentOutOfRangeException>();

    [Fact]
    public void AddMeshClient_EventStream_IsOneSingleton()
    {
        using var services = BuildServices();

        services.GetRequiredService<IMeshEventStream>().Should().BeSameAs(services.GetRequiredService<IMeshEventStream>());
    }

    // The stream holds nothing to dispose; the provider is left to the GC.
    private static IMeshEventStream Resolve() => BuildServices().GetRequiredService<IMeshEventStream>();

    private static ServiceProvider BuildServices()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddMeshClient();
        return services.BuildServiceProvider();
    }

    private sealed class TestEvent(int number) : MeshEvent(At, "ratings", null)
    {
        public override string Kind => "test.event";

        public int Number { get; } = number;
    }
}
