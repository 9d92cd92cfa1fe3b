using Microsoft.Extensions.Options;

namespace MeshClient.Eureka.Validation;

/// <summary>Source-generated DataAnnotations validation of <see cref="EurekaOptions"/>.</summary>
[OptionsValidator]
internal sealed partial class EurekaOptionsValidator : IValidateOptions<EurekaOptions>;
