namespace MeshClient.Recovery.Tests.Journal;

public sealed class RecoveryJournalTests
{
    [Fact]
    public void Snapshot_MoreEntriesThanCapacity_KeepsTheNewestFirst()
    {
        var journal = new RecoveryJournal(3);
        var time = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        for (var i = 0; i < 5; i++)
        {
            journal.Add(time.AddSeconds(i), "detected", $"svc/i{i}", "p", null, 0, null, "anomaly.detected");
        }

        journal.Snapshot().Select(e => e.Sequence).Should().Equal(5, 4, 3);
        journal.Snapshot()[0].Target.Should().Be("svc/i4");
    }
}
