using System.Text.Json;
using System.Text.Json.Serialization;
using MeshClient.Recovery.Tests.Fakes;

namespace MeshClient.Recovery.Tests.Journal;

public sealed class RecoveryStatusContributorTests
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    [Fact]
    public async Task GetStatusAsync_AfterAnAction_ServesSwitchesActiveAndJournalNewestFirst()
    {
        using var h = new CoordinatorHarness(
            CoordinatorHarness.WithPolicy(p =>
            {
                p.On.Add("anomaly.detected");
                p.Actions.Add("eject");
            }),
            new FakeRecoveryAction("eject", RecoveryScope.Peer, "ejected"));
        h.Publish("anomaly.detected");
        h.Complete();
        var contributor = new RecoveryStatusContributor(new Controller(h));

        var status = await contributor.GetStatusAsync(CancellationToken.None);
        using var document = JsonDocument.Parse(JsonSerializer.Serialize(status, status!.GetType(), Json));

        contributor.Name.Should().Be("recovery");
        var root = document.RootElement;
        root.GetProperty("enabled").GetBoolean().Should().BeTrue();
        root.GetProperty("dryRun").GetBoolean().Should().BeFalse();
        var active = root.GetProperty("active")[0];
        active.GetProperty("policy").GetString().Should().Be("p");
        active.GetProperty("target").GetString().Should().Be("ratings/ratings-1");
        active.GetProperty("state").GetString().Should().Be("Verifying");
        active.GetProperty("action").GetString().Should().Be("eject");
        active.GetProperty("triggerKind").GetString().Should().Be("anomaly.detected");
        var journal = root.GetProperty("journal").EnumerateArray().ToList();
        journal.Select(e => e.GetProperty("event").GetString()).Should().Equal("ejected", "matched", "detected");
        journal[0].GetProperty("sequence").GetInt64().Should().Be(3);
        journal[0].GetProperty("time").GetDateTimeOffset().Should().Be(CoordinatorHarness.Start);
        journal[0].TryGetProperty("rung", out _).Should().BeTrue();
        journal[0].TryGetProperty("reason", out _).Should().BeTrue();
        journal[0].GetProperty("policy").GetString().Should().Be("p");
    }

    private sealed class Controller(CoordinatorHarness h) : IRecoveryController
    {
        public bool Enabled { get => h.Switches.Enabled; set => h.Switches.Enabled = value; }

        public bool DryRun { get => h.Switches.DryRun; set => h.Switches.DryRun = value; }

        public IReadOnlyList<RecoveryJournalEntry> GetJournal() => h.Journal.Snapshot();

        public IReadOnlyList<RecoveryEpisodeInfo> GetActiveEpisodes() => h.Coordinator.Active;

        public void Reset(string target) => h.Coordinator.Reset(target);

        public void ResetAll() => h.Coordinator.ResetAll();
    }
}
