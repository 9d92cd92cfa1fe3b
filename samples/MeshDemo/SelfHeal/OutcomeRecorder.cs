using System.Collections.Concurrent;
using MeshDemo.Cluster;

namespace MeshDemo.SelfHeal;

/// <summary>
/// Records every request of the caller's mesh client with its time: the outermost handler of the client, so it sees what
/// the application sees (the final answer after retries, or the exception), and the instance that answered.
/// </summary>
/// <param name="time">The clock.</param>
internal sealed class OutcomeRecorder(TimeProvider time)
{
    private readonly ConcurrentQueue<Outcome> _outcomes = new();
    private readonly TimeProvider _time = time;

    /// <summary>Gets the outcomes recorded so far, in no particular order.</summary>
    public IReadOnlyCollection<Outcome> Outcomes => _outcomes;

    /// <summary>Creates the handler to add to the client (<c>AddHttpMessageHandler</c>), before the mesh handler.</summary>
    public DelegatingHandler CreateHandler() => new RecordingHandler(this);

    private sealed class RecordingHandler(OutcomeRecorder recorder) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var time = recorder._time;
            var start = time.GetTimestamp();
            try
            {
                var response = await base.SendAsync(request, cancellationToken);
                var instance = response.Headers.TryGetValues(RatingsInstance.InstanceHeader, out var values) ? values.FirstOrDefault() : null;
                recorder._outcomes.Enqueue(new Outcome(time.GetUtcNow(), response.IsSuccessStatusCode, instance, time.GetElapsedTime(start).TotalMilliseconds));
                return response;
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested)
            {
                // A failure the application sees (a transport error, a rejection by the mesh's pipeline, a timeout).
                recorder._outcomes.Enqueue(new Outcome(time.GetUtcNow(), false, null, time.GetElapsedTime(start).TotalMilliseconds));
                throw;
            }
        }
    }
}
