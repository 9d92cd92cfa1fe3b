using System.Collections.Frozen;
using MeshClient.Discovery;
using MeshClient.Events;
using MeshClient.Health;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MeshClient.Registration;

/// <summary>Registers this process when the host has started, renews its lease, pushes status changes and deregisters on stop.</summary>
internal sealed partial class RegistrationLifecycle : IHostedService, IMeshRegistration, IDisposable
{
    private readonly MeshOptions _options;
    private readonly IServiceRegistrar? _registrar;
    private readonly IEnumerable<IRegistrationAddressResolver> _resolvers;
    private readonly IServiceProvider _services;
    private readonly IMeshEventStream _events;
    private readonly RegistryReachability _reachability;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _registryCall = new(1, 1);
    private readonly CancellationTokenSource _stopping = new();
    private CancellationTokenRegistration _started;
    private Task _loop = Task.CompletedTask;
    private InstanceStatus _desiredStatus = InstanceStatus.Up;
    private InstanceStatus _registeredStatus = InstanceStatus.Up;
    private volatile ServiceRegistration? _current;
    private volatile RegistrationState _state = RegistrationState.Disabled;
    private int _disposed;

    public RegistrationLifecycle(
        IOptions<MeshOptions> options,
        IEnumerable<IServiceRegistrar> registrars,
        IEnumerable<IRegistrationAddressResolver> resolvers,
        DiscoveryProviderSelector providers,
        IServiceProvider services,
        IMeshEventStream events,
        RegistryReachability reachability,
        TimeProvider time,
        ILogger<RegistrationLifecycle> logger)
    {
        _reachability = reachability;
        _options = options.Value;
        _resolvers = resolvers;
        _services = services;
        _events = events;
        _time = time;
        _logger = logger;
        var provider = providers.Active;
        if (_options.Registration.Enabled ?? provider.IsRegistry)
        {
            _registrar = registrars.LastOrDefault(r => string.Equals(r.Name, provider.Name, StringComparison.OrdinalIgnoreCase));
            if (_registrar is null)
            {
                Log.NoRegistrar(_logger, provider.Name);
            }
        }
    }

    public RegistrationState State => _state;

    public ServiceRegistration? Current => _current;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (_registrar is null)
        {
            return Task.CompletedTask;
        }

        // Register once the server listens, so that its bound addresses are known.
        var lifetime = _services.GetService<IHostApplicationLifetime>();
        if (lifetime is null)
        {
            _loop = Task.Run(() => RunAsync(_stopping.Token), CancellationToken.None);
        }
        else
        {
            _started = lifetime.ApplicationStarted.Register(
                static state => ((RegistrationLifecycle)state!).StartLoop(), this);
        }

        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_registrar is null)
        {
            return;
        }

        await DeregisterAsync(cancellationToken);
    }

    public async Task SetStatusAsync(InstanceStatus status, CancellationToken cancellationToken)
    {
        _desiredStatus = status;
        if (_registrar is null || _state != RegistrationState.Registered || _current is not { } current)
        {
            return;
        }

        await _registryCall.WaitAsync(cancellationToken);
        try
        {
            var updated = current.WithStatus(status);
            await _registrar.SetStatusAsync(updated, status, cancellationToken);
            _registeredStatus = status;
            _current = updated;
            Log.StatusPushed(_logger, updated.Instance.ServiceName, updated.Instance.InstanceId, status);
        }
        finally
        {
            _registryCall.Release();
        }
    }

    public async Task DeregisterAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        try
        {
            await _loop.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // The loop ends by cancellation.
        }

        if (_registrar is null || _current is not { } current || _state is RegistrationState.Deregistered or RegistrationState.Disabled)
        {
            return;
        }

        try
        {
            await _registrar.DeregisterAsync(current, cancellationToken);
            SetState(current, RegistrationState.Deregistered, null);
            _reachability.Forget(RegistryReachability.RegistrationSource);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.DeregisterFailed(_logger, current.Instance.ServiceName, current.Instance.InstanceId, ex.Message);
        }
    }

    public void Dispose()
    {
        // DI disposes this once per registration that resolves it (itself, IMeshRegistration, IHostedService).
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _started.Dispose();
        _stopping.Cancel();
        _stopping.Dispose();
        _registryCall.Dispose();
    }

    private void StartLoop() => _loop = Task.Run(() => RunAsync(_stopping.Token), CancellationToken.None);

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        var registrar = _registrar!;
        var retry = new RetryDelay(_options.Registration.MinRetryDelay, _options.Registration.MaxRetryDelay);
        ServiceRegistration registration;
        try
        {
            registration = await BuildRegistrationAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A missing setting, or an address resolver that failed: log it, never fault the host.
            Log.CannotRegister(_logger, ex.Message);
            return;
        }

        _current = registration;
        var registered = false;
        while (!cancellationToken.IsCancellationRequested)
        {
            var current = _current!.WithStatus(_desiredStatus);
            try
            {
                await _registryCall.WaitAsync(cancellationToken);
                try
                {
                    if (!registered)
                    {
                        SetState(current, RegistrationState.Registering, null);
                        await registrar.RegisterAsync(current, cancellationToken);
                        registered = true;
                        _registeredStatus = current.Instance.Status;
                        Log.Registered(_logger, current.Instance.ServiceName, current.Instance.InstanceId, current.Instance.BaseAddress, registrar.Name);
                    }
                    else if (!await registrar.RenewAsync(current, cancellationToken))
                    {
                        Log.RenewRejected(_logger, current.Instance.ServiceName, current.Instance.InstanceId);
                        await registrar.RegisterAsync(current, cancellationToken);
                        _registeredStatus = current.Instance.Status;
                    }
                    else if (_registeredStatus != current.Instance.Status)
                    {
                        // The status was set while the registry could not be reached: push it now.
                        await registrar.SetStatusAsync(current, current.Instance.Status, cancellationToken);
                        _registeredStatus = current.Instance.Status;
                        Log.StatusPushed(_logger, current.Instance.ServiceName, current.Instance.InstanceId, current.Instance.Status);
                    }
                }
                finally
                {
                    _registryCall.Release();
                }

                _current = current;
                SetState(current, RegistrationState.Registered, null);
                _reachability.Succeeded(registrar.Name, RegistryReachability.RegistrationSource);
                retry.Reset();
                await Task.Delay(current.RenewInterval, _time, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                SetState(current, RegistrationState.Failing, ex.Message);
                _reachability.Failed(registrar.Name, RegistryReachability.RegistrationSource, ex.Message);
                var delay = retry.Next();
                Log.RegistryCallFailed(_logger, current.Instance.ServiceName, current.Instance.InstanceId, ex.Message, delay);
                try
                {
                    await Task.Delay(delay, _time, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async Task<ServiceRegistration> BuildRegistrationAsync(CancellationToken cancellationToken)
    {
        var o = _options.Registration;
        Uri? detected = null;
        foreach (var resolver in _resolvers)
        {
            detected = await resolver.ResolveAsync(cancellationToken);
            if (detected is not null)
            {
                break;
            }
        }

        var serviceName = o.ServiceName ?? _services.GetService<IHostEnvironment>()?.ApplicationName
            ?? throw new InvalidOperationException("Mesh:Registration:ServiceName is not set and the host has no application name.");
        var scheme = o.Scheme ?? detected?.Scheme ?? Uri.UriSchemeHttp;
        var host = o.Host ?? detected?.Host ?? RegistrationConstants.LoopbackHost;
        var port = o.Port ?? detected?.Port
            ?? throw new InvalidOperationException("Mesh:Registration:Port is not set and no server address was detected.");
        var id = o.InstanceId ?? $"{host}:{serviceName}:{port}";
        var instance = new ServiceInstance(serviceName, id, scheme, host, port)
        {
            Zone = o.Zone ?? _options.Zone,
            Weight = o.Weight,
            Status = _desiredStatus,
            Metadata = o.Metadata.ToFrozenDictionary(StringComparer.Ordinal),
        };
        return new ServiceRegistration(instance, [.. o.Tags], o.RenewInterval, o.LeaseDuration);
    }

    private void SetState(ServiceRegistration registration, RegistrationState state, string? reason)
    {
        if (_state == state)
        {
            return;
        }

        _state = state;
        _events.Publish(new RegistrationStateChangedEvent(
            _time.GetUtcNow(), registration.Instance.ServiceName, registration.Instance.InstanceId, state, reason));
    }
}
