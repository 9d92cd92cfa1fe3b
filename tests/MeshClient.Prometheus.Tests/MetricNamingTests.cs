using System.Diagnostics.Metrics;

namespace MeshClient.Prometheus.Tests;

public sealed class MetricNamingTests
{
    [Theory]
    [InlineData("mesh.client.requests", "{request}", true, "mesh_client_requests_total")]
    [InlineData("mesh.client.request.duration", "s", false, "mesh_client_request_duration_seconds")]
    [InlineData("mesh.client.requests.in_flight", "{request}", false, "mesh_client_requests_in_flight")]
    [InlineData("kestrel.connection.duration", "s", false, "kestrel_connection_duration_seconds")]
    [InlineData("payload.size", "By", true, "payload_size_bytes_total")]
    public void MetricName_Instrument_FollowsOpenTelemetryMapping(string name, string unit, bool isCounter, string expected)
    {
        using var meter = new Meter("naming-test");
        var instrument = meter.CreateCounter<long>(name, unit);

        MetricNaming.MetricName(instrument, isCounter).Should().Be(expected);
    }

    [Fact]
    public void LabelName_DottedTag_BecomesUnderscored()
        => MetricNaming.LabelName("http.response.status_code").Should().Be("http_response_status_code");
}
