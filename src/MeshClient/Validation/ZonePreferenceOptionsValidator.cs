using MeshClient.LoadBalancing;
using Microsoft.Extensions.Options;

namespace MeshClient.Validation;

/// <summary>Source-generated validation of per-service <see cref="ZonePreferenceOptions"/>.</summary>
[OptionsValidator]
internal sealed partial class ZonePreferenceOptionsValidator : IValidateOptions<ZonePreferenceOptions>;
