using System.Net;
using System.Net.Sockets;
using IncidentBot.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace IncidentBot.Chat;

/// <summary>How a chat platform's HTTP call fails: over real loopback HTTP.</summary>
public sealed class ChatHttpTests
{
    [Fact]
    public async Task APlatformThatDoesNotAnswerInTimeIsADeliveryFailureToRetry()
    {
        await using var server = await LoopbackServer.StartAsync(routes => routes.MapPost("/api/chat.postMessage", async (HttpContext context) =>
        {
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
            return Results.Ok();
        }));
        using var http = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromMilliseconds(200) };
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/chat.postMessage");

        var failure = await Assert.ThrowsAsync<ChatDeliveryException>(() => ChatHttp.SendAsync(http, request, "Slack chat.postMessage", CancellationToken.None));

        Assert.Equal("Slack chat.postMessage timed out.", failure.Message);
        Assert.False(failure.Refused);
    }

    [Fact]
    public async Task APlatformThatCannotBeReachedIsADeliveryFailureToRetry()
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"http://127.0.0.1:{ClosedPort()}/token"));

        var failure = await Assert.ThrowsAsync<ChatDeliveryException>(() => ChatHttp.SendAsync(http, request, "The token endpoint", CancellationToken.None));

        Assert.StartsWith("The token endpoint could not be reached: ", failure.Message, StringComparison.Ordinal);
        Assert.False(failure.Refused);
    }

    [Fact]
    public async Task ACallItsCallerCancelsIsACancellationNotAFailure()
    {
        await using var server = await LoopbackServer.StartAsync(routes => routes.MapGet("/held", async (HttpContext context) =>
        {
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
            return Results.Ok();
        }));
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, "held");
        using var stopping = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ChatHttp.SendAsync(http, request, "Teams", stopping.Token));
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
