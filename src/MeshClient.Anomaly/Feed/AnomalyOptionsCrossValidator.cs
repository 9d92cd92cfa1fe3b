using Microsoft.Extensions.Options;

namespace MeshClient.Anomaly;

/// <summary>Checks what attributes cannot: the expiry against the bucket, series kinds, detector names and options. Every message names its key.</summary>
internal sealed class AnomalyOptionsCrossValidator : IValidateOptions<AnomalyOptions>
{
    private const string Key = AnomalyConstants.SectionName;

    public ValidateOptionsResult Validate(string? name, AnomalyOptions options)
    {
        var builder = new ValidateOptionsResultBuilder();
        if (options.IdleExpiry < options.BucketInterval)
        {
            builder.AddError($"{Key}:IdleExpiry ({options.IdleExpiry}) must not be shorter than {Key}:BucketInterval ({options.BucketInterval}).");
        }

        if (string.IsNullOrWhiteSpace(options.Inbound.InstanceId))
        {
            builder.AddError($"{Key}:Inbound:InstanceId must not be empty.");
        }

        if (options.Inbound.ServiceName is { } inboundService && string.IsNullOrWhiteSpace(inboundService))
        {
            builder.AddError($"{Key}:Inbound:ServiceName must not be blank when set.");
        }

        foreach (var (kind, series) in options.Detectors)
        {
            var key = $"{Key}:Detectors:{kind}";
            if (!Enum.TryParse<AnomalySeriesKind>(kind, ignoreCase: true, out _) || int.TryParse(kind, out _))
            {
                builder.AddError($"{key}: '{kind}' is not a series kind (known: {string.Join(", ", Enum.GetNames<AnomalySeriesKind>())}).");
                continue;
            }

            if (series is null)
            {
                continue;
            }

            if (!AnomalyDetectorCatalog.Names.Contains(series.Detector, StringComparer.OrdinalIgnoreCase))
            {
                builder.AddError($"{key}:Detector: '{series.Detector}' is not a detector (known: {string.Join(", ", AnomalyDetectorCatalog.Names)}).");
                continue;
            }

            if (series.AlertScore is <= 0 or > 1 || double.IsNaN(series.AlertScore))
            {
                builder.AddError($"{key}:AlertScore must be in (0, 1] (was {series.AlertScore}).");
            }

            try
            {
                AnomalyDetectorCatalog.Create(series);
            }
            catch (ArgumentException ex)
            {
                builder.AddError($"{key}:{AnomalyDetectorCatalog.Canonical(series.Detector)}: {ex.Message}");
            }
        }

        return builder.Build();
    }
}
