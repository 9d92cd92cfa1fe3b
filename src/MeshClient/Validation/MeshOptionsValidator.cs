using Microsoft.Extensions.Options;

namespace MeshClient.Validation;

/// <summary>Source-generated DataAnnotations validation of <see cref="MeshOptions"/>.</summary>
[OptionsValidator]
internal sealed partial class MeshOptionsValidator : IValidateOptions<MeshOptions>;
