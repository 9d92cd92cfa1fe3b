using MeshClient.Health;
using Microsoft.Extensions.Options;

namespace MeshClient.Validation;

/// <summary>Source-generated validation of per-service <see cref="HealthOptions"/>.</summary>
[OptionsValidator]
internal sealed partial class HealthOptionsValidator : IValidateOptions<HealthOptions>;
