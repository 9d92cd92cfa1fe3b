using System.Globalization;
using System.Text;

namespace MeshClient.Testing.Eureka;

/// <summary>The <c>apps__hashcode</c> of <c>Applications.getReconcileHashCode</c>: every status of every instance, ordinal order, <c>NAME_count_</c>.</summary>
internal static class EurekaServerHashcode
{
    public static string Compute(IEnumerable<EurekaTestInstance> instances)
    {
        var text = new StringBuilder();
        foreach (var group in instances.GroupBy(static i => i.Status, StringComparer.Ordinal).OrderBy(static g => g.Key, StringComparer.Ordinal))
        {
            text.Append(group.Key).Append('_').Append(group.Count().ToString(CultureInfo.InvariantCulture)).Append('_');
        }

        return text.ToString();
    }
}
