using System.Globalization;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MeshClient.Consul.Http;

/// <summary>
/// Sends requests to the Consul agent: <c>Mesh:Consul:Address</c> first (or the last agent that answered), the next one of
/// <c>Mesh:Consul:Addresses</c> when an agent cannot be reached or times out (reads also on a 5xx). Adds the ACL token,
/// which never reaches a log line, an exception message or an endpoint.
/// </summary>
internal sealed partial class ConsulHttpClient(
    IHttpClientFactory factory, IOptionsMonitor<ConsulOptions> options, TimeProvider time, ILogger<ConsulHttpClient> logger)
{
    private int _current;
    private long _answers;

    /// <summary>Gets the agent tried first (the last one that answered), as it may be shown.</summary>
    public string CurrentAgent
    {
        get
        {
            var agents = Agents();
            return agents[Volatile.Read(ref _current) % agents.Length].Display;
        }
    }

    /// <summary>Gets how many answers any agent gave (any status): zero means no agent was reached yet.</summary>
    public long Answers => Interlocked.Read(ref _answers);

    /// <summary>Gets why the last call failed to reach an agent, or <see langword="null"/> when the last call was answered.</summary>
    public string? LastError { get; private set; }

    /// <summary>Sends a request, failing over between agents, and reads the whole answer.</summary>
    /// <exception cref="ConsulRequestException">No agent answered; the message names the last agent and why.</exception>
    public async Task<ConsulResponse> SendAsync(ConsulRequest request, CancellationToken cancellationToken)
    {
        var agents = Agents();
        var first = Volatile.Read(ref _current) % agents.Length;
        var read = request.Method == HttpMethod.Get;
        string? reason = null;
        Exception? last = null;
        for (var attempt = 0; attempt < agents.Length; attempt++)
        {
            var index = (first + attempt) % agents.Length;
            var agent = agents[index];
            using var timeout = new CancellationTokenSource(request.Timeout, time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
            try
            {
                using var message = Build(request, agent, options.CurrentValue.Token);
                using var answer = await factory.CreateClient(ConsulConstants.HttpClientName)
                    .SendAsync(message, HttpCompletionOption.ResponseContentRead, linked.Token);
                var body = await answer.Content.ReadAsByteArrayAsync(linked.Token);
                Interlocked.Increment(ref _answers);
                LastError = null;
                var response = new ConsulResponse(answer.StatusCode, body, ReadIndex(answer), agent);
                if (!read || (int)answer.StatusCode < 500 || attempt + 1 == agents.Length)
                {
                    Volatile.Write(ref _current, index);
                    return response;
                }

                reason = $"HTTP {(int)answer.StatusCode}: {response.Excerpt()}";
                last = null;
            }
            catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
            {
                reason = $"no answer within {request.Timeout}";
                last = ex;
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException)
            {
                reason = ex is HttpRequestException { HttpRequestError: not HttpRequestError.Unknown } http ? $"{http.HttpRequestError}: {http.Message}" : ex.Message;
                last = ex;
            }

            if (attempt + 1 < agents.Length)
            {
                Log.FailingOver(logger, request.Describe(), agent.Display, reason, agents[(index + 1) % agents.Length].Display);
            }
            else
            {
                LastError = $"{request.Describe()} to {agent.Display} failed: {reason}";
                throw new ConsulRequestException(LastError, null, last);
            }
        }

        throw new ConsulRequestException($"{request.Describe()} failed: {reason}");
    }

    private static HttpRequestMessage Build(ConsulRequest request, ConsulAgentAddress agent, string? token)
    {
        var message = new HttpRequestMessage(request.Method, agent.Resolve(request.PathAndQuery));
        if (!string.IsNullOrEmpty(token))
        {
            message.Headers.TryAddWithoutValidation(ConsulConstants.TokenHeader, token);
        }

        if (request.Body is { } body)
        {
            message.Content = new ByteArrayContent(body);
            message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        return message;
    }

    /// <summary>Reads <c>X-Consul-Index</c> (a uint64); <see langword="null"/> when missing or not a number.</summary>
    private static ulong? ReadIndex(HttpResponseMessage response)
        => response.Headers.TryGetValues(ConsulConstants.IndexHeader, out var values)
            && ulong.TryParse(values.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var index) ? index : null;

    private ConsulAgentAddress[] Agents()
    {
        var o = options.CurrentValue;
        var agents = new List<ConsulAgentAddress>(1 + o.Addresses.Count) { ConsulAgentAddress.Parse(o.Address) };
        foreach (var url in o.Addresses)
        {
            if (!string.IsNullOrWhiteSpace(url))
            {
                agents.Add(ConsulAgentAddress.Parse(url));
            }
        }

        return [.. agents];
    }
}
