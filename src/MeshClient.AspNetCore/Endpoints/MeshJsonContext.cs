using System.Text.Json;
using System.Text.Json.Serialization;

namespace MeshClient.AspNetCore.Endpoints;

/// <summary>Source-generated serialisation of the endpoints' own documents: camelCase, enums by C# name, times in UTC.</summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    UseStringEnumConverter = true,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(UtcDateTimeOffsetConverter)])]
[JsonSerializable(typeof(ServiceStatusResponse))]
[JsonSerializable(typeof(ServiceListResponse))]
[JsonSerializable(typeof(MeshIndexResponse))]
[JsonSerializable(typeof(ErrorResponse))]
internal sealed partial class MeshJsonContext : JsonSerializerContext;
