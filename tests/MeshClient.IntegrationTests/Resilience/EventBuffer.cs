using System.Threading.Channels;
using MeshClient.Events;

namespace MeshClient.IntegrationTests.Resilience;

internal static class EventBuffer
{
    /// <summary>Returns the events already buffered, without waiting.</summary>
    public static List<MeshEvent> ReadAllBuffered(this ChannelReader<MeshEvent> reader)
    {
        var events = new List<MeshEvent>();
        while (reader.TryRead(out var next))
        {
            events.Add(next);
        }

        return events;
    }
}
