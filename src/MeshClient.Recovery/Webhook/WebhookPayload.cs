using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using MeshClient.Events;

namespace MeshClient.Recovery;

/// <summary>
/// Writes the webhook's JSON document once (camelCase), so that every retry sends the same bytes: idempotency key,
/// requested action, policy, rung, target, the triggering event with its evidence (its public properties, by runtime
/// type), and when it was sent.
/// </summary>
internal static class WebhookPayload
{
    private static readonly JsonSerializerOptions EvidenceOptions = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static byte[] Write(string requestedAction, RecoveryActionContext context, DateTimeOffset sentAt)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            w.WriteString("idempotencyKey", context.IdempotencyKey);
            w.WriteString("requestedAction", requestedAction);
            w.WriteString("policy", context.PolicyName);
            w.WriteNumber("rung", context.Rung);
            w.WriteStartObject("target");
            w.WriteString("scope", JsonNamingPolicy.CamelCase.ConvertName(context.Target.Scope.ToString()));
            w.WriteString("service", context.Target.ServiceName);
            w.WriteString("instance", context.Target.InstanceId);
            w.WriteEndObject();
            WriteEvent(w, context.Trigger);
            w.WriteString("sentAt", sentAt.ToString("O", CultureInfo.InvariantCulture));
            w.WriteEndObject();
        }

        return stream.ToArray();
    }

    private static void WriteEvent(Utf8JsonWriter w, MeshEvent trigger)
    {
        w.WriteStartObject("event");
        w.WriteString("kind", trigger.Kind);
        w.WriteString("severity", JsonNamingPolicy.CamelCase.ConvertName(trigger.Severity.ToString()));
        w.WriteString("time", trigger.Timestamp.ToString("O", CultureInfo.InvariantCulture));
        w.WriteString("service", trigger.ServiceName);
        w.WriteString("instance", trigger.InstanceId);
        w.WritePropertyName("evidence");
        Evidence(trigger).WriteTo(w);
        w.WriteEndObject();
    }

    /// <summary>Serialises the event by its runtime type; an event that cannot be serialised gives <c>{}</c>.</summary>
    private static JsonElement Evidence(MeshEvent trigger)
    {
        try
        {
            return JsonSerializer.SerializeToElement(trigger, trigger.GetType(), EvidenceOptions);
        }
        catch (Exception ex) when (ex is NotSupportedException or InvalidOperationException or JsonException)
        {
            return JsonSerializer.SerializeToElement(new Dictionary<string, string>(), EvidenceOptions);
        }
    }
}
