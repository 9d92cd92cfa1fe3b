using MeshClient;
using MeshClient.Recovery;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers user callbacks that the <c>restore</c> recovery action runs.</summary>
public static class RecoveryRestoreCallbackServiceCollectionExtensions
{
    /// <summary>Registers a restore callback type as a singleton (once per type).</summary>
    /// <typeparam name="T">The callback type.</typeparam>
    /// <param name="builder">The builder returned by <c>AddMeshClient</c>.</param>
    /// <returns>The same builder.</returns>
    public static IMeshClientBuilder AddRecoveryRestoreCallback<T>(this IMeshClientBuilder builder)
        where T : class, IRecoveryRestoreCallback
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IRecoveryRestoreCallback, T>());
        return builder;
    }

    /// <summary>Registers a restore callback given as a delegate (each call adds one).</summary>
    /// <param name="builder">The builder returned by <c>AddMeshClient</c>.</param>
    /// <param name="restore">Restores what the application owns, for example reloads a checkpoint or clears a cache.</param>
    /// <returns>The same builder.</returns>
    public static IMeshClientBuilder AddRecoveryRestoreCallback(
        this IMeshClientBuilder builder, Func<RecoveryActionContext, CancellationToken, ValueTask> restore)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(restore);
        builder.Services.AddSingleton<IRecoveryRestoreCallback>(new DelegateRestoreCallback(restore));
        return builder;
    }
}
