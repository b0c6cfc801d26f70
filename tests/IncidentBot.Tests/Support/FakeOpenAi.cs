using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace IncidentBot.Support;

/// <summary>
/// An OpenAI-compatible chat server on a loopback socket: records every request (path, query, headers, body) and
/// answers with whatever <see cref="Answer"/> says: a completion, an error status with headers, or a held request.
/// </summary>
public sealed class FakeOpenAi : IAsyncDisposable
{
    private readonly ConcurrentQueue<Received> _calls = new();
    private readonly CancellationTokenSource _stopping = new();
    private LoopbackServer? _server;
    private int _inFlight;
    private int _maxInFlight;

    private FakeOpenAi(Func<Received, FakeOpenAi, Task<Reply>> answer) => Answer = answer;

    /// <summary>What to do with each call; <see cref="Received.Number"/> counts from 1.</summary>
    public Func<Received, FakeOpenAi, Task<Reply>> Answer { get; set; }

    public Uri BaseAddress => _server!.BaseAddress;

    public IReadOnlyList<Received> Calls => [.. _calls];

    /// <summary>Every body received, as one string: to show that something never reached the model.</summary>
    public string Everything => string.Join("\n", _calls.Select(c => c.Body));

    public int InFlight => Volatile.Read(ref _inFlight);

    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    /// <summary>Cancelled when the fake stops: a held request ends then at the latest.</summary>
    public CancellationToken Stopping => _stopping.Token;

    public static async Task<FakeOpenAi> StartAsync(Func<Received, FakeOpenAi, Task<Reply>>? answer = null)
    {
        var fake = new FakeOpenAi(answer ?? ((call, _) => Task.FromResult(Reply.Completion($"summary {call.Number}"))));
        fake._server = await LoopbackServer.StartAsync(app => app.MapPost("/{**path}", fake.HandleAsync));
        return fake;
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _server!.DisposeAsync();
        _stopping.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var inFlight = Interlocked.Increment(ref _inFlight);
        InterlockedMax(ref _maxInFlight, inFlight);
        try
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync(context.RequestAborted);
            var call = new Received(
                _calls.Count + 1,
                context.Request.Path + context.Request.QueryString,
                context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
                body,
                context.RequestAborted);
            _calls.Enqueue(call);
            var reply = await Answer(call, this);
            context.Response.StatusCode = reply.Status;
            foreach (var (name, value) in reply.Headers)
            {
                context.Response.Headers[name] = value;
            }

            await context.Response.WriteAsJsonAsync(reply.Body, context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            // The client gave up on a held request.
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }

    /// <summary>One request as the fake saw it.</summary>
    public sealed record Received(int Number, string PathAndQuery, IReadOnlyDictionary<string, string> Headers, string Body, CancellationToken Aborted)
    {
        public JsonNode Json => JsonNode.Parse(Body)!;

        public string Model => Json["model"]!.GetValue<string>();

        public string System => Json["messages"]![0]!["content"]!.GetValue<string>();

        public string User => Json["messages"]![1]!["content"]!.GetValue<string>();

        public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
    }

    /// <summary>An answer: status, headers and a JSON body.</summary>
    public sealed record Reply(int Status, object Body, IReadOnlyDictionary<string, string> Headers)
    {
        public static Reply Completion(string text, string finishReason = "stop") => new(200, new
        {
            id = "chatcmpl-fake",
            @object = "chat.completion",
            created = 1_741_000_000,
            model = "fake",
            choices = new[] { new { index = 0, message = new { role = "assistant", content = text }, finish_reason = finishReason } },
            usage = new { prompt_tokens = 10, completion_tokens = 10, total_tokens = 20 },
        }, new Dictionary<string, string>());

        public static Reply Error(int status, string code, params (string Name, string Value)[] headers) => new(
            status,
            new { error = new { message = $"fake {code}", type = code, code, param = (string?)null } },
            headers.ToDictionary(h => h.Name, h => h.Value));

        /// <summary>Holds the request until the client gives up or the fake stops.</summary>
        public static async Task<Reply> HeldAsync(Received call, FakeOpenAi fake)
        {
            using var either = CancellationTokenSource.CreateLinkedTokenSource(call.Aborted, fake.Stopping);
            await Task.Delay(Timeout.Infinite, either.Token);
            throw new InvalidOperationException("unreachable");
        }
    }
}
