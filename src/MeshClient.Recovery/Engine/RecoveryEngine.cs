using System.Threading.Channels;
using MeshClient.Events;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MeshClient.Recovery;

/// <summary>
/// The hosted loop: reads the mesh event stream, ticks every <c>EvaluationInterval</c>, and feeds both, action
/// completions and operator commands through one channel into the <see cref="RecoveryCoordinator"/>, one at a time.
/// Actions run on the thread pool with <c>ActionTimeout</c>.
/// </summary>
internal sealed partial class RecoveryEngine : BackgroundService, IRecoveryActionExecutor
{
    private readonly Channel<RecoveryCommand> _commands = Channel.CreateUnbounded<RecoveryCommand>(new UnboundedChannelOptions { SingleReader = true });
    private readonly IMeshEventStream _events;
    private readonly RecoveryOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<RecoveryEngine> _logger;
    private readonly CancellationTokenSource _stopping = new();
    private MeshEventSubscription? _subscription;

    public RecoveryEngine(
        IOptions<RecoveryOptions> options,
        RecoveryActionCatalog catalog,
        RecoveryJournal journal,
        RecoverySwitches switches,
        RecoveryMetrics metrics,
        IRecoveryEnvironment environment,
        IMeshEventStream events,
        TimeProvider time,
        ILoggerFactory loggerFactory)
    {
        _options = options.Value;
        RecoveryOptionsCrossValidator.ValidateActions(_options, catalog);
        _events = events;
        _time = time;
        _logger = loggerFactory.CreateLogger<RecoveryEngine>();
        Coordinator = new RecoveryCoordinator(_options, catalog, this, environment, journal, switches, metrics, time, loggerFactory.CreateLogger<RecoveryCoordinator>());
    }

    public RecoveryCoordinator Coordinator { get; }

    /// <summary>Queues a call into the coordinator.</summary>
    public void Post(RecoveryCommand command) => _commands.Writer.TryWrite(command);

    void IRecoveryActionExecutor.Start(RecoveryExecution execution)
        => _ = Task.Run(() => RunAsync(execution), CancellationToken.None);

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        // Subscribe before StartAsync returns, so that no event published after the host started is missed
        // (ExecuteAsync itself runs on the thread pool).
        _subscription ??= _events.Subscribe(RecoveryConstants.SubscriptionCapacity);
        return base.StartAsync(cancellationToken);
    }

    public override void Dispose()
    {
        base.Dispose();
        _subscription?.Dispose();
        _stopping.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var subscription = _subscription ?? _events.Subscribe(RecoveryConstants.SubscriptionCapacity);
        using var timer = _time.CreateTimer(static s => ((RecoveryEngine)s!).Post(RecoveryCommand.Tick.Instance), this, _options.EvaluationInterval, _options.EvaluationInterval);
        using var registration = stoppingToken.Register(static s => ((CancellationTokenSource)s!).Cancel(), _stopping);
        var pump = PumpAsync(subscription, stoppingToken);
        try
        {
            await foreach (var command in _commands.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                try
                {
                    command.Apply(Coordinator);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    Log.CommandFailed(_logger, ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        await pump.ConfigureAwait(false);
    }

    private async Task PumpAsync(MeshEventSubscription subscription, CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var meshEvent in subscription.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                Post(new RecoveryCommand.Event(meshEvent));
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task RunAsync(RecoveryExecution execution)
    {
        RecoveryActionResult result;
        using var timeout = new CancellationTokenSource(_options.ActionTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, _stopping.Token);
        try
        {
            // WaitAsync: an action that ignores its token still frees its slot at the timeout.
            result = await execution.Action.ExecuteAsync(execution.Context, linked.Token).AsTask().WaitAsync(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            result = RecoveryActionResult.Failure($"timed out after {_options.ActionTimeout}");
        }
        catch (OperationCanceledException)
        {
            result = RecoveryActionResult.Failure("cancelled at shutdown");
        }
        catch (Exception ex)
        {
            Log.ActionThrew(_logger, execution.Action.Name, ex);
            result = RecoveryActionResult.Failure($"threw {ex.GetType().Name}");
        }

        Post(new RecoveryCommand.Completed(execution.Id, result));
    }
}
