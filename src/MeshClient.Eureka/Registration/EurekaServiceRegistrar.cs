using System.Globalization;
using System.Net;
using MeshClient.Discovery;
using MeshClient.Eureka.Http;
using MeshClient.Eureka.Wire;
using MeshClient.Registration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MeshClient.Eureka.Registration;

/// <summary>
/// Self-registration with Eureka: <c>POST apps/{APP}</c> (204), renew with <c>PUT apps/{APP}/{id}</c> (404 makes the
/// lifecycle register again), status changes as real servers honour them (UP, DOWN, STARTING by re-registering with a new
/// <c>lastDirtyTimestamp</c>; OUT_OF_SERVICE as a status override, cleared with <c>DELETE .../status</c>), cancel with DELETE.
/// </summary>
internal sealed partial class EurekaServiceRegistrar(
    EurekaHttpClient http, IOptionsMonitor<EurekaOptions> options, TimeProvider time, ILogger<EurekaServiceRegistrar> logger) : IServiceRegistrar
{
    private long _lastDirtyTimestamp;
    private volatile bool _overrideSet;

    public string Name => EurekaConstants.ProviderName;

    public async Task RegisterAsync(ServiceRegistration registration, CancellationToken cancellationToken)
    {
        var o = options.CurrentValue;
        var instance = EurekaRegistrationBuilder.Build(registration, o.Instance, NextDirtyTimestamp());
        var lease = EurekaLease.From(registration.RenewInterval, registration.LeaseDuration);
        var (body, contentType) = o.Format == EurekaFormat.Xml
            ? (EurekaRegistrationWriter.WriteXml(instance, lease), EurekaConstants.XmlMediaType)
            : (EurekaRegistrationWriter.WriteJson(instance, lease), EurekaConstants.JsonMediaType);
        var request = new EurekaRequest(HttpMethod.Post, "apps/" + Escape(instance.App!), body, contentType);
        await SendExpectingAsync(request, cancellationToken, HttpStatusCode.NoContent, HttpStatusCode.OK);
        if (registration.Instance.Status == InstanceStatus.OutOfService)
        {
            await PutOverrideAsync(registration, EurekaStatus.OutOfService, cancellationToken);
        }
    }

    public async Task<bool> RenewAsync(ServiceRegistration registration, CancellationToken cancellationToken)
    {
        var status = EurekaStatus.FromInstanceStatus(registration.Instance.Status);
        var request = new EurekaRequest(HttpMethod.Put, $"{InstancePath(registration)}?status={status}&lastDirtyTimestamp={Invariant(Volatile.Read(ref _lastDirtyTimestamp))}");
        var code = await SendExpectingAsync(request, cancellationToken, HttpStatusCode.OK, HttpStatusCode.NotFound);
        return code == HttpStatusCode.OK;
    }

    public async Task SetStatusAsync(ServiceRegistration registration, InstanceStatus status, CancellationToken cancellationToken)
    {
        if (status == InstanceStatus.OutOfService)
        {
            await PutOverrideAsync(registration, EurekaStatus.OutOfService, cancellationToken);
            return;
        }

        if (_overrideSet)
        {
            var clear = new EurekaRequest(HttpMethod.Delete, $"{InstancePath(registration)}/status?lastDirtyTimestamp={Invariant(Volatile.Read(ref _lastDirtyTimestamp))}");
            await SendExpectingAsync(clear, cancellationToken, HttpStatusCode.OK, HttpStatusCode.NotFound);
            _overrideSet = false;
        }

        // The reference client re-registers its full record on a status change; servers ignore PUT .../status from owners.
        await RegisterAsync(registration.WithStatus(status), cancellationToken);
    }

    public async Task DeregisterAsync(ServiceRegistration registration, CancellationToken cancellationToken)
    {
        var request = new EurekaRequest(HttpMethod.Delete, InstancePath(registration));
        await SendExpectingAsync(request, cancellationToken, HttpStatusCode.OK, HttpStatusCode.NotFound);
        Log.Cancelled(logger, EurekaRegistrationBuilder.AppName(registration, options.CurrentValue.Instance), registration.Instance.InstanceId);
    }

    private async Task PutOverrideAsync(ServiceRegistration registration, string value, CancellationToken cancellationToken)
    {
        var request = new EurekaRequest(HttpMethod.Put, $"{InstancePath(registration)}/status?value={value}&lastDirtyTimestamp={Invariant(Volatile.Read(ref _lastDirtyTimestamp))}");
        var code = await SendExpectingAsync(request, cancellationToken, HttpStatusCode.OK, HttpStatusCode.NotFound);
        if (code == HttpStatusCode.NotFound)
        {
            throw new EurekaRequestException($"{request.Describe()} answered HTTP 404: the server does not know the instance yet.");
        }

        _overrideSet = true;
    }

    private async Task<HttpStatusCode> SendExpectingAsync(EurekaRequest request, CancellationToken cancellationToken, params HttpStatusCode[] expected)
    {
        var response = await http.SendAsync(request, static async (r, ct) =>
            (r.StatusCode, r.IsSuccessStatusCode ? null : await r.Content.ReadAsStringAsync(ct)), cancellationToken);
        var (code, text) = response.Value;
        if (Array.IndexOf(expected, code) >= 0 || (int)code is >= 200 and < 300)
        {
            return code;
        }

        var excerpt = text is null ? string.Empty : ": " + (text.Length > 200 ? text[..200] : text);
        throw new EurekaRequestException($"{request.Describe()} to {response.ServedBy.Display} answered HTTP {(int)code}{excerpt}");
    }

    private string InstancePath(ServiceRegistration registration)
        => $"apps/{Escape(EurekaRegistrationBuilder.AppName(registration, options.CurrentValue.Instance))}/{Escape(registration.Instance.InstanceId)}";

    /// <summary>A new <c>lastDirtyTimestamp</c> (epoch ms), strictly greater than the previous one so that the server takes it.</summary>
    private long NextDirtyTimestamp()
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        long previous, next;
        do
        {
            previous = Volatile.Read(ref _lastDirtyTimestamp);
            next = Math.Max(now, previous + 1);
        }
        while (Interlocked.CompareExchange(ref _lastDirtyTimestamp, next, previous) != previous);
        return next;
    }

    private static string Escape(string segment) => Uri.EscapeDataString(segment).Replace("%3A", ":", StringComparison.Ordinal);

    private static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);
}
