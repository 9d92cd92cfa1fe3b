using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace MeshDemo.SelfHeal;

/// <summary>
/// Writes what <c>self-heal</c> adds to the other scenarios' run report: the merged journal oldest first, the traffic per
/// phase and the sequence check; with <c>--json</c> one line per journal entry and one <c>selfHeal</c> line, nothing else.
/// </summary>
/// <param name="output">Standard output, the same writer the run reports go to.</param>
/// <param name="json">Whether to write JSON lines.</param>
internal sealed class SelfHealOutput(TextWriter output, bool json)
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public void Write(IReadOnlyList<JournalLine> journal, SelfHealCheck check)
    {
        if (json)
        {
            foreach (var line in journal)
            {
                output.WriteLine(JsonSerializer.Serialize(line, JsonOptions));
            }

            output.WriteLine(JsonSerializer.Serialize(check, JsonOptions));
        }
        else
        {
            WriteTables(journal, check);
        }

        output.Flush();
    }

    private static string Seconds(double ms) => string.Create(CultureInfo.InvariantCulture, $"{ms / 1000,7:+0.00;-0.00} s");

    private void WriteTables(IReadOnlyList<JournalLine> journal, SelfHealCheck check)
    {
        var c = CultureInfo.InvariantCulture;
        output.WriteLine();
        output.WriteLine(string.Create(c, $"Recovery journal of the caller and of the instance, oldest first (times from the fault, {check.FaultAt:HH:mm:ss.fff} UTC):"));
        output.WriteLine(string.Create(c, $"  {"time",9}  {"target",-18}  {"event",-10}  {"action",-10}  reason"));
        foreach (var line in journal)
        {
            output.WriteLine(string.Create(
                c, $"  {Seconds((line.Time - check.FaultAt).TotalMilliseconds)}  {line.Target,-18}  {line.Event,-10}  {line.Action ?? "-",-10}  {line.Reason ?? string.Empty}"));
        }

        output.WriteLine();
        output.WriteLine("Traffic through the caller (success as the caller saw it, retries included):");
        output.WriteLine(string.Create(c, $"  {"phase",-6}  {"from",9}  {"requests",8}  {"success",8}  answered by the healing instance"));
        foreach (var phase in check.Phases)
        {
            output.WriteLine(string.Create(
                c, $"  {phase.Phase,-6}  {Seconds(phase.FromMs)}  {phase.Requests,8:N0}  {phase.SuccessRate,8:P2}  {phase.HealingAnswered,6:N0} ({phase.HealingShare:P1})"));
        }

        output.WriteLine();
        var steps = string.Join(" -> ", check.Sequence.Select(s => string.Create(c, $"{s.Step} {Seconds(s.Ms).Trim()}")));
        output.WriteLine(check.Passed
            ? $"Sequence found in order: {steps}."
            : $"Sequence NOT found: {(steps.Length > 0 ? steps + ", then " : string.Empty)}no {check.Missing} after that.");
        output.WriteLine(string.Create(c, $"Restarts of the instance: {check.Restarts}."));
    }
}
