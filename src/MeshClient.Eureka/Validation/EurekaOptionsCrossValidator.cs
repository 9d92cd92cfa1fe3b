using MeshClient.Eureka.Http;
using Microsoft.Extensions.Options;

namespace MeshClient.Eureka.Validation;

/// <summary>Checks what attributes cannot: the service URLs and the retry bounds. Every message names its key; URLs are shown redacted.</summary>
internal sealed class EurekaOptionsCrossValidator(IOptions<MeshOptions> mesh) : IValidateOptions<EurekaOptions>
{
    private const string Key = EurekaConstants.ConfigurationKey;

    public ValidateOptionsResult Validate(string? name, EurekaOptions options)
    {
        var builder = new ValidateOptionsResultBuilder();
        var active = mesh.Value.Discovery.IsActive(EurekaConstants.ProviderName);
        if (active && options.ServiceUrls.All(string.IsNullOrWhiteSpace))
        {
            builder.AddError($"{Key}:ServiceUrls: at least one Eureka service URL is needed when Mesh:Discovery:Provider is Eureka (for example http://localhost:8761/eureka/).");
        }

        for (var i = 0; i < options.ServiceUrls.Count; i++)
        {
            try
            {
                _ = EurekaServiceUrl.Parse(options.ServiceUrls[i] ?? string.Empty);
            }
            catch (FormatException ex)
            {
                builder.AddError($"{Key}:ServiceUrls:{i}: {ex.Message}");
            }
        }

        if (options.MinRetryDelay > options.MaxRetryDelay)
        {
            builder.AddError($"{Key}:MinRetryDelay must not exceed {Key}:MaxRetryDelay.");
        }

        if (!Enum.IsDefined(options.Format))
        {
            builder.AddError($"{Key}:Format: '{options.Format}' is not Json or Xml.");
        }

        if (options.Instance.AppName is { } app && string.IsNullOrWhiteSpace(app))
        {
            builder.AddError($"{Key}:Instance:AppName must not be blank.");
        }

        return builder.Build();
    }
}
