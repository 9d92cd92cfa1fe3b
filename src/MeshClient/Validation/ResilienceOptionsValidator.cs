using MeshClient.Resilience;
using Microsoft.Extensions.Options;

namespace MeshClient.Validation;

/// <summary>Source-generated validation of per-service <see cref="ResilienceOptions"/>.</summary>
[OptionsValidator]
internal sealed partial class ResilienceOptionsValidator : IValidateOptions<ResilienceOptions>;
