namespace MeshClient.Testing.Consul;

/// <summary>Runs HTTP checks as the agent does: every interval on the clock, 2xx passing, 429 warning, anything else critical.</summary>
internal sealed class ConsulAgentHttpChecker(TimeProvider time, CancellationToken stopping) : IDisposable
{
    private readonly HttpClient _client = new(new SocketsHttpHandler { AllowAutoRedirect = false });

    public ConsulAgentState? Results { get; set; }

    public void Start(ConsulAgentCheckRecord check)
        => check.Timer = time.CreateTimer(static s => _ = ((Pending)s!).Checker.RunAsync(((Pending)s).Check), new Pending(this, check), check.Interval, check.Interval);

    public async Task RunAsync(ConsulAgentCheckRecord check)
    {
        var url = check.Http!;
        string status, output;
        try
        {
            using var timeout = new CancellationTokenSource(check.Timeout, time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, stopping);
            using var request = new HttpRequestMessage(new HttpMethod(check.Method), url);
            using var response = await _client.SendAsync(request, linked.Token);
            var body = await response.Content.ReadAsStringAsync(linked.Token);
            var code = (int)response.StatusCode;
            status = code is >= 200 and < 300 ? ConsulAgentConstants.Passing : code == 429 ? ConsulAgentConstants.Warning : ConsulAgentConstants.Critical;
            output = $"HTTP {check.Method} {url}: {code} {response.ReasonPhrase} Output: {(body.Length > 4096 ? body[..4096] : body)}";
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            return;
        }
        catch (OperationCanceledException)
        {
            (status, output) = (ConsulAgentConstants.Critical, $"Get \"{url}\": context deadline exceeded (Client.Timeout exceeded while awaiting headers)");
        }
        catch (HttpRequestException ex)
        {
            (status, output) = (ConsulAgentConstants.Critical, $"Get \"{url}\": {ex.Message}");
        }

        Results?.SetResult(check.Id, status, output);
    }

    public void Dispose() => _client.Dispose();

    private sealed record Pending(ConsulAgentHttpChecker Checker, ConsulAgentCheckRecord Check);
}
