using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MeshClient.Recovery.Tests.Actions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace MeshClient.Recovery.Tests.Webhook;

public sealed class WebhookActionTests
{
    private const string Secret = "s3cr3t-hmac-key";

    [Fact]
    public async Task ExecuteAsync_500Then503Then200_RetriesWithSameKeyAndBodyEachSigned()
    {
        await using var receiver = await WebhookReceiver.StartAsync(500, 503);
        var logs = new FakeLogCollector();
        await using var services = Build(receiver.Url, logs);
        var context = ActionContexts.Peer(services) with { IdempotencyKey = "episode-7:rung-2", Rung = 2 };

        var result = await services.Action("webhook").ExecuteAsync(context, CancellationToken.None);

        result.Succeeded.Should().BeTrue(result.Detail);
        result.Detail.Should().Contain("3 attempt(s)");
        var received = receiver.Received;
        received.Should().HaveCount(3);
        received.Select(r => r.IdempotencyKey).Should().AllBe("episode-7:rung-2");
        received.Select(r => Convert.ToHexString(r.Body)).Distinct().Should().ContainSingle("every retry sends the same bytes");
        received.Select(r => r.Timestamp).Distinct().Should().ContainSingle();
        foreach (var request in received)
        {
            var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), request.Body));
            request.Signature.Should().Be(expected);
            RecoveryWebhookSignature.Verify(request.Body, request.Signature!, Secret).Should().BeTrue();
            request.ContentType.Should().StartWith("application/json");
            request.Headers["X-Team"].Should().Be("sre");
        }

        logs.GetSnapshot().Should().NotContain(r => r.Message.Contains(Secret) || r.Message.Contains("token-123"));
    }

    [Fact]
    public async Task ExecuteAsync_ScaleOut_PostsCamelCaseDocumentWithEvidence()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var services = Build(receiver.Url);
        var context = ActionContexts.Peer(services) with { Rung = 1 };

        var result = await services.Action("scale-out").ExecuteAsync(context, CancellationToken.None);

        result.Succeeded.Should().BeTrue(result.Detail);
        using var document = JsonDocument.Parse(receiver.Received.Single().Body);
        var root = document.RootElement;
        root.GetProperty("idempotencyKey").GetString().Should().Be(context.IdempotencyKey);
        root.GetProperty("requestedAction").GetString().Should().Be("scale-out");
        root.GetProperty("policy").GetString().Should().Be("bad-instance");
        root.GetProperty("rung").GetInt32().Should().Be(1);
        root.GetProperty("target").GetProperty("scope").GetString().Should().Be("peer");
        root.GetProperty("target").GetProperty("service").GetString().Should().Be("ratings");
        root.GetProperty("target").GetProperty("instance").GetString().Should().Be("ratings-2");
        var meshEvent = root.GetProperty("event");
        meshEvent.GetProperty("kind").GetString().Should().Be("test.trigger");
        meshEvent.GetProperty("severity").GetString().Should().Be("critical");
        meshEvent.GetProperty("time").GetDateTimeOffset().Should().Be(ActionContexts.Start);
        meshEvent.GetProperty("evidence").GetProperty("score").GetDouble().Should().Be(0.97);
        meshEvent.GetProperty("evidence").GetProperty("detector").GetString().Should().Be("ensemble");
        root.GetProperty("sentAt").GetDateTimeOffset().Should().Be(ActionContexts.Start);
        receiver.Received.Single().Timestamp.Should().Be(ActionContexts.Start.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task ExecuteAsync_400_IsNotRetried()
    {
        await using var receiver = await WebhookReceiver.StartAsync(400);
        await using var services = Build(receiver.Url);

        var result = await services.Action("webhook").ExecuteAsync(ActionContexts.Self(services), CancellationToken.None);

        result.Succeeded.Should().BeFalse();
        result.Detail.Should().Contain("400");
        receiver.Received.Should().HaveCount(1);
    }

    [Theory]
    [InlineData(408)]
    [InlineData(429)]
    public async Task ExecuteAsync_408Or429_IsRetried(int code)
    {
        await using var receiver = await WebhookReceiver.StartAsync(code);
        await using var services = Build(receiver.Url);

        var result = await services.Action("webhook").ExecuteAsync(ActionContexts.Self(services), CancellationToken.None);

        result.Succeeded.Should().BeTrue();
        receiver.Received.Should().HaveCount(2);
    }

    [Fact]
    public async Task ExecuteAsync_AlwaysUnavailable_FailsAfterMaxAttempts()
    {
        await using var failing = await WebhookReceiver.StartAsync(503, 503, 503, 503, 503);
        var logs = new FakeLogCollector();
        await using var services = Build(failing.Url, logs);

        var result = await services.Action("webhook").ExecuteAsync(ActionContexts.Self(services), CancellationToken.None);

        result.Succeeded.Should().BeFalse();
        result.Detail.Should().Contain("503").And.Contain("4 attempt(s)");
        failing.Received.Should().HaveCount(4);
        logs.GetSnapshot().Should().Contain(r => r.Level == LogLevel.Error).And.NotContain(r => r.Message.Contains(Secret));
    }

    [Fact]
    public async Task ExecuteAsync_ConnectionRefused_RetriesThenFails()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var logs = new FakeLogCollector();
        await using var services = Build(new Uri($"http://user:pw-secret@127.0.0.1:{port}/hook?token=q-secret"), logs);

        var result = await services.Action("webhook").ExecuteAsync(ActionContexts.Self(services), CancellationToken.None);

        result.Succeeded.Should().BeFalse();
        result.Detail.Should().Contain("HttpRequestException").And.Contain("4 attempt(s)").And.NotContain("secret");
        logs.GetSnapshot().Should().HaveCountGreaterThan(0).And.NotContain(r => r.Message.Contains("secret", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task ExecuteAsync_NoUrl_Fails()
    {
        await using var services = RecoveryServices.Build();

        var result = await services.Action("webhook").ExecuteAsync(ActionContexts.Self(services), CancellationToken.None);

        result.Succeeded.Should().BeFalse();
        result.Detail.Should().Contain("Mesh:Recovery:Webhook:Url");
    }

    private static ServiceProvider Build(Uri url, FakeLogCollector? logs = null) => RecoveryServices.Build(
        new()
        {
            ["Mesh:Recovery:Webhook:Url"] = url.OriginalString,
            ["Mesh:Recovery:Webhook:Secret"] = Secret,
            ["Mesh:Recovery:Webhook:BaseDelay"] = "00:00:00",
            ["Mesh:Recovery:Webhook:Headers:X-Team"] = "sre",
            ["Mesh:Recovery:Webhook:Headers:Authorization"] = "Bearer token-123",
        },
        s =>
        {
            if (logs is not null)
            {
                s.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new FakeLoggerProvider(logs)));
            }
        });
}
