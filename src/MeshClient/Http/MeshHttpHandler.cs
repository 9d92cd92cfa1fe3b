using System.Net;
using System.Runtime.CompilerServices;
using MeshClient.Discovery;
using MeshClient.LoadBalancing;
using MeshClient.Resilience;
using MeshClient.Telemetry;
using Microsoft.Extensions.Logging;

namespace MeshClient.Http;

/// <summary>
/// Resolves <c>http://{service}/path</c> to an instance picked by the service's balancer, rewrites scheme, host and port,
/// tracks in-flight requests and latency per instance and records the outcome once. Other hosts pass through unchanged:
/// IP addresses, and, unless configured under <c>Mesh:Services</c>, <c>localhost</c> and names with a dot
/// (<c>api.example.com</c>), which are never looked up in a registry; any other name goes to the active provider.
/// An <see cref="IRequestOutcomeObserver"/> that throws neither fails the request nor skips the observers after it.
/// With resilience on (the default), the call runs through the service's Polly pipeline (see <c>MeshHttpHandler.Resilience.cs</c>).
/// </summary>
internal sealed partial class MeshHttpHandler : DelegatingHandler
{
    private const int NoTail = -1;

    private readonly ServiceCatalog _catalog;
    private readonly DiscoveryProviderSelector _providers;
    private readonly MeshMetrics _metrics;
    private readonly IRequestOutcomeObserver[] _observers;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public MeshHttpHandler(
        ServiceCatalog catalog,
        DiscoveryProviderSelector providers,
        MeshMetrics metrics,
        IEnumerable<IRequestOutcomeObserver> observers,
        TimeProvider time,
        ILogger<MeshHttpHandler> logger)
    {
        _catalog = catalog;
        _providers = providers;
        _metrics = metrics;
        _observers = [.. observers];
        _time = time;
        _logger = logger;
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri;
        if (uri is null || !uri.IsAbsoluteUri)
        {
            return base.SendAsync(request, cancellationToken);
        }

        // Fast path: a canonical http://service/path, read from the original string and looked up without allocating.
        var address = uri.OriginalString;
        if (ServiceUri.TrySplit(address, out var hostStart, out var hostLength, out var tailStart)
            && _catalog.TryGetEntry(address.AsSpan(hostStart, hostLength), out var known)
            && known.FirstFetch.IsCompleted)
        {
            return IsService(known) ? SendToInstance(known, request, uri, tailStart, cancellationToken) : base.SendAsync(request, cancellationToken);
        }

        if (uri.HostNameType != UriHostNameType.Dns)
        {
            return base.SendAsync(request, cancellationToken);
        }

        var host = uri.IdnHost;
        if (_catalog.TryGetEntry(host, out var entry) && entry.FirstFetch.IsCompleted)
        {
            return IsService(entry) ? SendToInstance(entry, request, uri, NoTail, cancellationToken) : base.SendAsync(request, cancellationToken);
        }

        if (entry is null && (!_providers.Active.IsRegistry || IsOrdinaryHostName(host)) && !_catalog.IsConfigured(host))
        {
            return base.SendAsync(request, cancellationToken);
        }

        return SendAfterFirstFetchAsync(request, uri, host, cancellationToken);
    }

    private async Task<HttpResponseMessage> SendAfterFirstFetchAsync(HttpRequestMessage request, Uri uri, string host, CancellationToken cancellationToken)
    {
        var entry = await _catalog.GetReadyAsync(host, cancellationToken).ConfigureAwait(false);
        return IsService(entry)
            ? await SendToInstance(entry, request, uri, NoTail, cancellationToken).ConfigureAwait(false)
            : await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// <c>localhost</c> or a name with a dot (<c>api.example.com</c>): an ordinary DNS name, never looked up in a registry
    /// unless it is configured under <c>Mesh:Services</c>, so that external calls keep working while the registry is down.
    /// </summary>
    private static bool IsOrdinaryHostName(string host)
        => host.Contains('.', StringComparison.Ordinal) || host.Equals("localhost", StringComparison.OrdinalIgnoreCase);

    private bool IsService(ServiceEntry entry) => entry.Status != ServiceEntryStatus.NotFound || entry.Snapshot is not null || _catalog.IsConfigured(entry.Name);

    /// <summary>
    /// Picks an instance, rewrites the address, sends and records the outcome. Not an async method: when the inner handler
    /// completes synchronously no state machine or task is allocated; otherwise <see cref="AwaitResponseAsync"/> takes over.
    /// Failures end as an async method's would: in the returned task, never thrown. <paramref name="tailStart"/> is where the
    /// canonical path starts in the original string, or <see cref="NoTail"/> to take it from the <see cref="Uri"/>.
    /// </summary>
    private Task<HttpResponseMessage> SendToInstance(ServiceEntry entry, HttpRequestMessage request, Uri original, int tailStart, CancellationToken cancellationToken)
    {
        if (entry.Balancer.Pipeline is { } pipeline)
        {
            return SendResilientAsync(entry, pipeline, request, original, tailStart, cancellationToken);
        }

        long start;
        InstanceState state;
        try
        {
            start = _time.GetTimestamp();
            entry.Touch(start);
            state = entry.Balancer.Picker.Pick(new PickContext(request, null, start)) ?? throw NoInstance(entry);
            var instance = state.Instance;
            request.RequestUri = tailStart == NoTail ? Rewrite(original, instance) : ServiceUri.Combine(state, instance, original.OriginalString.AsSpan(tailStart));
            state.OnRequestStarted();
            _metrics.RequestStarted(entry.Name, instance.InstanceId);
        }
        catch (Exception ex)
        {
            return Faulted(ex);
        }

        Task<HttpResponseMessage> sending;
        try
        {
            sending = base.SendAsync(request, cancellationToken);
        }
        catch (Exception ex)
        {
            sending = Task.FromException<HttpResponseMessage>(ex);
        }

        if (!sending.IsCompletedSuccessfully)
        {
            return AwaitResponseAsync(entry, state, start, request, original, sending, cancellationToken);
        }

        try
        {
            request.RequestUri = original;
            Complete(entry, state, start, sending.Result, null, cancellationToken);
        }
        catch (Exception ex)
        {
            return Faulted(ex);
        }

        return sending;
    }

    private async Task<HttpResponseMessage> AwaitResponseAsync(
        ServiceEntry entry, InstanceState state, long start, HttpRequestMessage request, Uri original, Task<HttpResponseMessage> sending, CancellationToken cancellationToken)
    {
        HttpResponseMessage? response = null;
        Exception? error = null;
        try
        {
            response = await sending.ConfigureAwait(false);
            return response;
        }
        catch (Exception ex)
        {
            error = ex;
            throw;
        }
        finally
        {
            request.RequestUri = original;
            Complete(entry, state, start, response, error, cancellationToken);
        }
    }

    /// <summary>A task that ends as an async method ends when it throws: canceled for an <see cref="OperationCanceledException"/>, faulted otherwise.</summary>
    private static Task<HttpResponseMessage> Faulted(Exception exception)
    {
        var builder = AsyncTaskMethodBuilder<HttpResponseMessage>.Create();
        builder.SetException(exception);
        return builder.Task;
    }

    private void Complete(ServiceEntry entry, InstanceState state, long start, HttpResponseMessage? response, Exception? error, CancellationToken cancellationToken)
    {
        var end = _time.GetTimestamp();
        var kind = Classify(response, error, cancellationToken);
        var service = entry.Name;
        var statusCode = response is null ? 0 : (int)response.StatusCode;
        state.OnRequestCompleted(start, end, kind is not RequestOutcomeKind.Success and not RequestOutcomeKind.Canceled);
        var duration = _time.GetElapsedTime(start, end);
        _metrics.RequestCompleted(service, state.Instance.InstanceId, kind, duration);
        if (entry.Balancer.Settings is { } settings)
        {
            entry.Health.OnOutcome(state, kind, statusCode, settings.Health.OutlierDetection);
            if (settings.Resilience.Hedging is { Enabled: true, AdaptiveDelay: true } && kind is not RequestOutcomeKind.Canceled)
            {
                entry.Latency.Record(start, end);
            }

            if (statusCode == (int)HttpStatusCode.TooManyRequests && TransientFailures.RetryAfterOf(response!) is { } retryAfter)
            {
                entry.Health.OnRateLimited(state, retryAfter, settings.Health);
            }
        }

        if (_observers.Length > 0)
        {
            NotifyObservers(new RequestOutcome(service, state, kind, statusCode, error, start, end, duration));
        }
    }

    private NoInstanceAvailableException NoInstance(ServiceEntry entry)
    {
        _metrics.NoInstance(entry.Name);
        var snapshot = entry.Snapshot;
        var exception = snapshot switch
        {
            null when entry.Status == ServiceEntryStatus.NotFound => new NoInstanceAvailableException(entry.Name, NoInstanceReason.UnknownService),
            null => new NoInstanceAvailableException(entry.Name, NoInstanceReason.DiscoveryFailed, entry.LastError ?? "The first fetch did not complete in time."),
            { Instances.Count: 0 } => new NoInstanceAvailableException(entry.Name, NoInstanceReason.NoInstancesRegistered),
            _ => new NoInstanceAvailableException(entry.Name, NoInstanceReason.AllInstancesUnavailable),
        };
        Log.NoInstance(_logger, entry.Name, exception.Reason);
        return exception;
    }

    /// <summary>Replaces scheme, host and port; keeps path, query and fragment.</summary>
    internal static Uri Rewrite(Uri original, ServiceInstance instance)
    {
        var tail = original.GetComponents(UriComponents.PathAndQuery | UriComponents.Fragment, UriFormat.UriEscaped);
        return new Uri(string.Concat(instance.BaseAddress, tail), UriKind.Absolute);
    }

    internal static RequestOutcomeKind Classify(HttpResponseMessage? response, Exception? error, CancellationToken cancellationToken)
    {
        if (response is not null)
        {
            var code = (int)response.StatusCode;
            return code >= 500 || response.StatusCode == HttpStatusCode.TooManyRequests ? RequestOutcomeKind.HttpError : RequestOutcomeKind.Success;
        }

        return error switch
        {
            OperationCanceledException when cancellationToken.IsCancellationRequested => RequestOutcomeKind.Canceled,
            OperationCanceledException or TimeoutException => RequestOutcomeKind.Timeout,
            HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError or HttpRequestError.ResponseEnded } => RequestOutcomeKind.ConnectionFailure,
            HttpRequestException { InnerException: System.Net.Sockets.SocketException or IOException } => RequestOutcomeKind.ConnectionFailure,
            _ => RequestOutcomeKind.Error,
        };
    }
}
