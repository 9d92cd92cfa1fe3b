namespace MeshDemo.SelfHeal;

/// <summary>
/// The check of the self-heal scenario: the merged journal shows detection, then ejection, then drain, then restart,
/// then recovery, each after the one before.
/// </summary>
internal static class HealingSequence
{
    /// <summary>The steps, each with the journal event that shows it.</summary>
    public static readonly IReadOnlyList<(string Step, string Event)> Steps =
    [
        ("detection", "detected"),
        ("ejection", "ejected"),
        ("drain", "drained"),
        ("restart", "restarted"),
        ("recovery", "recovered"),
    ];

    /// <summary>Finds the steps in order in a journal sorted oldest first.</summary>
    /// <param name="journal">The merged journal, oldest first.</param>
    /// <returns>The entry found for each step, in order, up to the first step not found.</returns>
    public static IReadOnlyList<(string Step, JournalLine Line)> Find(IReadOnlyList<JournalLine> journal)
    {
        var found = new List<(string, JournalLine)>();
        var from = 0;
        foreach (var (step, @event) in Steps)
        {
            var index = -1;
            for (var i = from; i < journal.Count && index < 0; i++)
            {
                index = journal[i].Event == @event ? i : -1;
            }

            if (index < 0)
            {
                break;
            }

            found.Add((step, journal[index]));
            from = index + 1;
        }

        return found;
    }
}
