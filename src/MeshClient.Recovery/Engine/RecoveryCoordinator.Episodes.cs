using Microsoft.Extensions.Logging;

namespace MeshClient.Recovery;

/// <summary>The episode state machine: pending, acting, verifying, exhausted.</summary>
internal sealed partial class RecoveryCoordinator
{
    private void Evaluate(RecoveryEpisode episode, DateTimeOffset now)
    {
        switch (episode.State)
        {
            case RecoveryEpisodeState.Pending when episode.HasActed || now - episode.Since >= episode.Policy.For:
                TryStart(episode, now);
                break;
            case RecoveryEpisodeState.Verifying when now >= episode.Deadline:
                Escalate(episode, $"{episode.Action.Name} did not verify within {episode.Policy.VerificationWindow}", now);
                break;
        }
    }

    private void TryStart(RecoveryEpisode episode, DateTimeOffset now)
    {
        if (_guardrails.Check(episode, now) is { } reason)
        {
            episode.SuppressedBy = reason;
            if (episode.JournaledSuppressions.Add(reason))
            {
                Record(RecoveryJournalEvents.Suppressed, episode, reason, now);
            }

            return;
        }

        episode.SuppressedBy = null;
        if (!episode.HasActed)
        {
            Record(RecoveryJournalEvents.Matched, episode, null, now);
        }

        var id = ++_nextExecutionId;
        episode.State = RecoveryEpisodeState.Acting;
        episode.HasActed = true;
        episode.ExecutionId = id;
        _guardrails.Started(episode, now);
        _running.Add(id, (episode, _time.GetTimestamp()));
        _metrics.ActionStarted(episode.Action.Name);
        var context = new RecoveryActionContext(episode.Target, episode.Trigger, episode.Policy.Name, episode.Rung, episode.IdempotencyKey, _environment.Services);
        _executor.Start(new RecoveryExecution(id, episode.Action, context));
    }

    private void Escalate(RecoveryEpisode episode, string reason, DateTimeOffset now)
    {
        var from = episode.Action.Name;
        if (episode.Rung + 1 >= episode.Policy.Ladder.Count)
        {
            episode.State = RecoveryEpisodeState.Exhausted;
            Record(RecoveryJournalEvents.Failed, episode, $"ladder exhausted: {reason}", now);
            _guardrails.Released(episode);
            _guardrails.MarkExhausted(episode.TargetKey);
            _environment.Publish(new RecoveryFailedEvent(now, episode.Target, episode.Policy.Name, from, reason));
            return;
        }

        episode.Rung++;
        episode.State = RecoveryEpisodeState.Pending;
        episode.JournaledSuppressions.Clear();
        Record(RecoveryJournalEvents.Escalated, episode, $"{from} -> {episode.Action.Name}: {reason}", now);
        TryStart(episode, now);
    }

    private void Clear(RecoveryEpisode episode, DateTimeOffset now)
    {
        switch (episode.State)
        {
            case RecoveryEpisodeState.Acting:
                episode.ConditionActive = false;
                break;
            case RecoveryEpisodeState.Verifying:
                Record(RecoveryJournalEvents.Verified, episode, null, now);
                Close(episode, null, now);
                break;
            case RecoveryEpisodeState.Exhausted:
                _guardrails.ClearExhausted(episode.TargetKey);
                Close(episode, "cleared after the ladder was exhausted", now);
                break;
            default:
                Close(episode, episode.HasActed ? "cleared before the next rung" : "cleared before any action", now);
                break;
        }
    }

    private void Close(RecoveryEpisode episode, string? reason, DateTimeOffset now)
    {
        Record(RecoveryJournalEvents.Recovered, episode, reason, now);
        _guardrails.Released(episode);
        _episodes.Remove((episode.Policy.Name, episode.TargetKey));
    }

    private bool Restart(RecoveryEpisode episode, DateTimeOffset now)
    {
        if (episode.State != RecoveryEpisodeState.Exhausted)
        {
            return false;
        }

        Log.Reset(_logger, episode.TargetKey, episode.Policy.Name);
        episode.State = RecoveryEpisodeState.Pending;
        episode.Rung = 0;
        episode.HasActed = false;
        episode.Since = now;
        episode.JournaledSuppressions.Clear();
        Evaluate(episode, now);
        return true;
    }

    private void Record(string @event, RecoveryEpisode episode, string? reason, DateTimeOffset now)
    {
        var action = @event is RecoveryJournalEvents.Detected or RecoveryJournalEvents.Recovered ? null : episode.Action.Name;
        _journal.Add(now, @event, episode.TargetKey, episode.Policy.Name, action, episode.Rung, reason, episode.Trigger.Kind);
        var isVerb = !RecoveryJournalEvents.IsDecision(@event);
        _metrics.Decision(isVerb ? RecoveryTelemetryConstants.Executed : @event, action, @event == RecoveryJournalEvents.Suppressed ? reason : null);
        var level = @event switch
        {
            RecoveryJournalEvents.Failed => LogLevel.Error,
            RecoveryJournalEvents.Escalated => LogLevel.Warning,
            _ when isVerb => LogLevel.Warning,
            _ => LogLevel.Information,
        };
        Log.Decision(_logger, level, @event, episode.TargetKey, episode.Policy.Name, action, episode.Rung, reason);
    }
}
