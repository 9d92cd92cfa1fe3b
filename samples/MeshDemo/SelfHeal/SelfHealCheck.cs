using System.Text.Json.Serialization;

namespace MeshDemo.SelfHeal;

/// <summary>
/// The self-heal verdict, and its <c>--json</c> line <c>{"kind":"selfHeal","passed","sequence":[{"step","event","target","ms"}],
/// "missing","faultAt","restarts","phases":[...]}</c>.
/// </summary>
/// <param name="Passed">Whether detection → ejection → drain → restart → recovery were found in order.</param>
/// <param name="Sequence">The entry found for each step, with milliseconds from the fault.</param>
/// <param name="Missing">The first step not found, or <see langword="null"/>.</param>
/// <param name="FaultAt">When the fault was armed.</param>
/// <param name="Restarts">How many times the instance was restarted.</param>
/// <param name="Phases">The traffic before, during and after the fault.</param>
internal sealed record SelfHealCheck(
    bool Passed, IReadOnlyList<SelfHealStep> Sequence, string? Missing, DateTimeOffset FaultAt, int Restarts, IReadOnlyList<TrafficPhase> Phases)
{
    [JsonPropertyOrder(-1)]
    public string Kind => "selfHeal";
}

/// <summary>One step of the sequence as found in the journal.</summary>
/// <param name="Step">detection, ejection, drain, restart or recovery.</param>
/// <param name="Event">The journal event that shows it.</param>
/// <param name="Target">The entry's target.</param>
/// <param name="Ms">Milliseconds from the fault.</param>
internal sealed record SelfHealStep(string Step, string Event, string Target, double Ms);
