namespace MeshClient.Registration;

/// <summary>Finds the address this process should register (the ASP.NET Core package reads the server's bound addresses).</summary>
public interface IRegistrationAddressResolver
{
    /// <summary>Returns the scheme, host and port to register, or <see langword="null"/> when unknown.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The address, for example <c>http://10.1.2.3:8080</c>.</returns>
    ValueTask<Uri?> ResolveAsync(CancellationToken cancellationToken);
}
