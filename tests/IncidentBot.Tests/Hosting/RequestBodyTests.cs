using System.Net;
using System.Security.Cryptography;
using IncidentBot.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace IncidentBot.Hosting;

/// <summary>The one capped body reader, over real loopback HTTP, with and without a Content-Length.</summary>
public sealed class RequestBodyTests : IAsyncLifetime
{
    private const int Limit = 100_000;
    private LoopbackServer _server = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _server = await LoopbackServer.StartAsync(routes => routes.MapPost("/read", async (HttpRequest request) =>
        {
            var (body, status, why) = await RequestBody.ReadAsync(request, Limit, request.HttpContext.RequestAborted);
            using (body)
            {
                return body is null
                    ? Results.Text(why ?? "", statusCode: status)
                    : Results.Text(Convert.ToHexString(SHA256.HashData(body.Span)) + " " + body.Length);
            }
        }));
        _client = new HttpClient { BaseAddress = _server.BaseAddress };
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync();
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(37, true)]
    [InlineData(Limit, true)]
    [InlineData(Limit, false)]
    [InlineData(9_000, false)]
    public async Task ABodyUpToTheLimitIsReadWholeAndExact(int size, bool announced)
    {
        var bytes = RandomNumberGenerator.GetBytes(size);

        var response = await _client.PostAsync(new Uri("/read", UriKind.Relative), Content(bytes, announced));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Convert.ToHexString(SHA256.HashData(bytes)) + " " + size, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ABodyOneByteOverTheLimitIs413(bool announced)
    {
        var response = await _client.PostAsync(new Uri("/read", UriKind.Relative), Content(new byte[Limit + 1], announced));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    /// <summary>With <paramref name="announced"/> false the body goes chunked, with no Content-Length.</summary>
    private static HttpContent Content(byte[] bytes, bool announced) =>
        announced ? new ByteArrayContent(bytes) : new StreamContent(new UnannouncedStream(bytes));

    private sealed class UnannouncedStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
