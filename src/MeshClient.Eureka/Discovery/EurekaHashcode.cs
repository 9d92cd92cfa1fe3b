using System.Globalization;
using System.Text;
using MeshClient.Eureka.Wire;

namespace MeshClient.Eureka.Discovery;

/// <summary>
/// The <c>apps__hashcode</c> of a registry exactly as the server computes it: every instance of every application, every
/// status, before any filtering; statuses sorted by ordinal name, each written <c>NAME_count_</c> (<c>DOWN_1_UP_5_</c>).
/// </summary>
internal static class EurekaHashcode
{
    public static string Compute(IEnumerable<EurekaInstance> instances)
    {
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var instance in instances)
        {
            counts[instance.Status] = counts.GetValueOrDefault(instance.Status) + 1;
        }

        var text = new StringBuilder();
        foreach (var (status, count) in counts)
        {
            text.Append(status).Append('_').Append(count.ToString(CultureInfo.InvariantCulture)).Append('_');
        }

        return text.ToString();
    }
}
