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

            ValidateThreshold(builder, key, series.Threshold);
            ValidatePeers(builder, key, series.Peers);
            if (!Enum.IsDefined(series.InstanceAlerting))
            {
                builder.AddError($"{key}:InstanceAlerting must be Own, PeerConfirmed or None (was {series.InstanceAlerting}).");
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

    private static void ValidateThreshold(ValidateOptionsResultBuilder builder, string key, AnomalyThresholdOptions? threshold)
    {
        if (threshold is null)
        {
            builder.AddError($"{key}:Threshold must not be null.");
            return;
        }

        if (double.IsNaN(threshold.Above))
        {
            builder.AddError($"{key}:Threshold:Above must be a number (infinite for none).");
        }

        if (threshold.Buckets < 1 || threshold.MinRequests < 1)
        {
            builder.AddError($"{key}:Threshold:Buckets and {key}:Threshold:MinRequests must be at least 1 (were {threshold.Buckets}, {threshold.MinRequests}).");
        }
    }

    private static void ValidatePeers(ValidateOptionsResultBuilder builder, string key, AnomalyPeerOptions? peers)
    {
        if (peers is null)
        {
            builder.AddError($"{key}:Peers must not be null.");
            return;
        }

        if (!(peers.Ratio >= 1) || double.IsInfinity(peers.Ratio))
        {
            builder.AddError($"{key}:Peers:Ratio must be a finite number of at least 1 (was {peers.Ratio}).");
        }

        if (peers.Enabled && !(peers.MinExcess > 0 && double.IsFinite(peers.MinExcess)))
        {
            builder.AddError($"{key}:Peers:MinExcess must be a finite number above 0 when the check is enabled (was {peers.MinExcess}).");
        }

        if (peers.Buckets < 1 || peers.MinRequests < 1 || peers.MinPeers < 1)
        {
            builder.AddError($"{key}:Peers:Buckets, MinRequests and MinPeers must be at least 1 (were {peers.Buckets}, {peers.MinRequests}, {peers.MinPeers}).");
        }
    }
}
