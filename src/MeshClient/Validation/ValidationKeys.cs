using Microsoft.Extensions.Options;

namespace MeshClient.Validation;

/// <summary>
/// Turns the dotted member paths of source-generated DataAnnotations messages (<c>Mesh.Discovery.RefreshInterval</c>)
/// into the configuration keys users write (<c>Mesh:Discovery:RefreshInterval</c>).
/// </summary>
internal static class ValidationKeys
{
    /// <param name="result">A result of a generated validator called with <paramref name="prefix"/> as its name.</param>
    /// <param name="prefix">The configuration key of the validated object, for example <c>Mesh</c> or <c>Mesh:Services:x:Balancing</c>.</param>
    public static ValidateOptionsResult ToConfigurationKeys(ValidateOptionsResult result, string prefix)
        => result.Failed && result.Failures is { } failures
            ? ValidateOptionsResult.Fail(failures.Select(f => Rewrite(f, prefix)))
            : result;

    private static string Rewrite(string failure, string prefix)
    {
        var chars = failure.ToCharArray();
        var at = failure.IndexOf(prefix, StringComparison.Ordinal);
        while (at >= 0)
        {
            // After the prefix comes a path of identifiers joined by dots; each dot becomes a colon.
            var i = at + prefix.Length;
            while (i + 1 < chars.Length && chars[i] == '.' && char.IsAsciiLetter(chars[i + 1]))
            {
                chars[i++] = ':';
                while (i < chars.Length && char.IsAsciiLetterOrDigit(chars[i]))
                {
                    i++;
                }
            }

            at = i < failure.Length ? failure.IndexOf(prefix, i, StringComparison.Ordinal) : -1;
        }

        return new string(chars);
    }
}
