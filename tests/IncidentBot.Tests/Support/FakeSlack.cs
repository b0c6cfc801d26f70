using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IncidentBot.Support;

/// <summary>
/// Slack's Web API on a loopback socket: answers the methods the bot calls the way Slack documents them, records every
/// call, and can be told to be down, rate limited, slow, or to have channel names taken or refused.
/// </summary>
public sealed class FakeSlack : IAsyncDisposable
{
    private readonly ConcurrentQueue<SlackCall> _calls = new();
    private readonly ConcurrentDictionary<string, List<JsonObject>> _history = new();
    private readonly ConcurrentDictionary<string, int> _rateLimits = new();
    private int _channels;
    private long _ts = 1_700_000_000_000_100;
    private LoopbackServer? _server;

    public const string Token = "xoxb-test-token";

    /// <summary>The bot's own user, as <c>auth.test</c> names it.</summary>
    public const string BotUserId = "U0BOTUSER";

    /// <summary>While true every call answers HTTP 500 (and is still recorded).</summary>
    private volatile bool _down;

    private int _waiting;

    public bool Down
    {
        get => _down;
        set => _down = value;
    }

    /// <summary>Every call to the API waits for this before it is answered (or recorded).</summary>
    public Task Held { get; set; } = Task.CompletedTask;

    /// <summary>How many calls have arrived and wait for <see cref="Held"/>.</summary>
    public int Waiting => Volatile.Read(ref _waiting);

    public ConcurrentDictionary<string, bool> TakenNames { get; } = new();

    /// <summary>Methods Slack refuses with the given error (<c>bookmarks.add</c> → <c>missing_scope</c>).</summary>
    public ConcurrentDictionary<string, string> Refusals { get; } = new();

    /// <summary>Calls naming one of these channels wait for its task before they are answered (or recorded).</summary>
    public ConcurrentDictionary<string, Task> HeldChannels { get; } = new();

    /// <summary>Calls of these methods are carried out at once, but answered only once the task completes.</summary>
    public ConcurrentDictionary<string, Task> HeldAnswers { get; } = new();

    /// <summary>Calls of these methods are carried out at once, but answered only this long afterwards (a slow Slack).</summary>
    public ConcurrentDictionary<string, TimeSpan> SlowAnswers { get; } = new();

    /// <summary>Users' locales (<c>ja-JP</c>), which <c>users.info</c> tells when asked with <c>include_locale=true</c>.</summary>
    public ConcurrentDictionary<string, string> UserLocales { get; } = new();

    /// <summary>Names <c>conversations.create</c> answers with <c>invalid_name_specials</c>, as a workspace may for non-ASCII letters.</summary>
    public Func<string, bool> RefusedNames { get; set; } = _ => false;

    public Uri ApiBaseUrl => new(_server!.BaseAddress, "api/");

    public Uri ResponseUrl(string id) => new(_server!.BaseAddress, $"response/{id}");

    public IReadOnlyList<SlackCall> Calls => [.. _calls];

    /// <summary>The calls Slack accepted (not the ones answered with an error), of one method.</summary>
    public IReadOnlyList<SlackCall> Accepted(string method) => [.. _calls.Where(c => c.Method == method && c.Status == 200)];

    public IReadOnlyList<JsonObject> Responses(string id) =>
        [.. _calls.Where(c => c.Method == "response:" + id).Select(c => c.Body!)];

    public void RateLimitNext(string method, int times = 1) => _rateLimits[method] = times;

    public void AddMessage(string channel, string ts, string user, string text)
    {
        var messages = _history.GetOrAdd(channel, _ => []);
        lock (messages)
        {
            messages.Add(new JsonObject { ["type"] = "message", ["user"] = user, ["text"] = text, ["ts"] = ts });
        }
    }

    /// <summary>The messages of a channel as Slack keeps them: posted by the bot or added by the test.</summary>
    public IReadOnlyList<JsonObject> History(string channel)
    {
        var messages = _history.GetValueOrDefault(channel) ?? [];
        lock (messages)
        {
            return [.. messages];
        }
    }

    public static async Task<FakeSlack> StartAsync()
    {
        var fake = new FakeSlack();
        fake._server = await LoopbackServer.StartAsync(routes =>
        {
            routes.MapPost("/api/{method}", (string method, HttpRequest request) => fake.AnswerAsync(method, request));
            routes.MapGet("/api/{method}", (string method, HttpRequest request) => fake.AnswerAsync(method, request));
            routes.MapPost("/response/{id}", async (string id, HttpRequest request) =>
            {
                fake._calls.Enqueue(new SlackCall("response:" + id, JsonNode.Parse(await new StreamReader(request.Body).ReadToEndAsync())!.AsObject(), null, null, 200));
                return Results.Ok();
            });
        });
        return fake;
    }

    private async Task<IResult> AnswerAsync(string method, HttpRequest request)
    {
        JsonObject? body = null;
        if (request.HasJsonContentType())
        {
            body = JsonNode.Parse(await new StreamReader(request.Body).ReadToEndAsync())!.AsObject();
        }

        var query = request.Query.ToDictionary(q => q.Key, q => q.Value.ToString());
        var auth = request.Headers.Authorization.ToString();
        Interlocked.Increment(ref _waiting);
        try
        {
            await Held;
            var channel = body?["channel"]?.ToString() ?? query.GetValueOrDefault("channel");
            if (channel is not null && HeldChannels.TryGetValue(channel, out var held))
            {
                await held;
            }
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
        }

        if (_down)
        {
            _calls.Enqueue(new SlackCall(method, body, query, auth, 500));
            return Results.StatusCode(500);
        }

        if (_rateLimits.TryGetValue(method, out var left) && left > 0)
        {
            _rateLimits[method] = left - 1;
            _calls.Enqueue(new SlackCall(method, body, query, auth, 429));
            return new RetryAfterOneSecond();
        }

        var answer = auth != "Bearer " + Token ? Error("invalid_auth")
            : Refusals.TryGetValue(method, out var refusal) ? Error(refusal)
            : Answer(method, body, query);
        _calls.Enqueue(new SlackCall(method, body, query, auth, answer["ok"]!.GetValue<bool>() ? 200 : 299));
        if (SlowAnswers.TryGetValue(method, out var slow))
        {
            await Task.Delay(slow);
        }

        if (HeldAnswers.TryGetValue(method, out var answerHeld))
        {
            await answerHeld;
        }

        return Results.Json(answer);
    }

    private JsonObject Answer(string method, JsonObject? body, Dictionary<string, string> query)
    {
        string Arg(string name) => body?[name]?.ToString() ?? query.GetValueOrDefault(name) ?? "";
        switch (method)
        {
            case "conversations.create":
                var name = Arg("name");
                if (RefusedNames(name))
                {
                    return Error("invalid_name_specials");
                }

                if (TakenNames.ContainsKey(name))
                {
                    return Error("name_taken");
                }

                TakenNames[name] = true;
                return Ok(new JsonObject { ["channel"] = new JsonObject { ["id"] = $"C{Interlocked.Increment(ref _channels):D4}", ["name"] = name, ["is_member"] = true } });
            case "chat.postMessage":
                var ts = (Interlocked.Increment(ref _ts) / 1e6).ToString("F6", System.Globalization.CultureInfo.InvariantCulture);
                var posted = new JsonObject { ["type"] = "message", ["user"] = BotUserId, ["bot_id"] = "B0BOT", ["text"] = Arg("text"), ["ts"] = ts };
                if (body?["metadata"] is JsonObject metadata)
                {
                    posted["metadata"] = metadata.DeepClone();
                }

                var channelHistory = _history.GetOrAdd(Arg("channel"), _ => []);
                lock (channelHistory)
                {
                    channelHistory.Add(posted);
                }

                return Ok(new JsonObject { ["channel"] = Arg("channel"), ["ts"] = ts });
            case "chat.getPermalink":
                return Ok(new JsonObject { ["permalink"] = $"https://example.slack.com/archives/{Arg("channel")}/p{Arg("message_ts").Replace(".", "", StringComparison.Ordinal)}" });
            case "conversations.history":
                // Newest first, between oldest and latest (inclusive here, as the bot always asks), metadata only when asked for.
                var messages = _history.GetValueOrDefault(Arg("channel")) ?? [];
                List<JsonObject> copy;
                lock (messages)
                {
                    copy = [.. messages];
                }

                var (oldest, latest) = (Arg("oldest"), Arg("latest"));
                var withMetadata = Arg("include_all_metadata") == "true";
                var limit = int.TryParse(Arg("limit"), out var most) ? most : 100;
                var shown = new JsonArray([.. copy
                    .Where(m => (oldest.Length == 0 || string.CompareOrdinal(m["ts"]!.ToString(), oldest) >= 0) &&
                                (latest.Length == 0 || string.CompareOrdinal(m["ts"]!.ToString(), latest) <= 0))
                    .OrderByDescending(m => m["ts"]!.ToString(), StringComparer.Ordinal).Take(limit)
                    .Select(m =>
                    {
                        var message = m.DeepClone().AsObject();
                        if (!withMetadata)
                        {
                            message.Remove("metadata");
                        }

                        return (JsonNode)message;
                    })]);
                return Ok(new JsonObject { ["messages"] = shown, ["has_more"] = false, ["response_metadata"] = new JsonObject { ["next_cursor"] = "" } });
            case "users.info":
                var user = new JsonObject { ["id"] = Arg("user"), ["name"] = "member-" + Arg("user").ToLowerInvariant() };
                if (Arg("include_locale") == "true")
                {
                    user["locale"] = UserLocales.GetValueOrDefault(Arg("user"), "en-US");
                }

                return Ok(new JsonObject { ["user"] = user });
            case "auth.test":
                return Ok(new JsonObject { ["user_id"] = BotUserId, ["bot_id"] = "B0BOT" });
            case "conversations.setTopic" or "conversations.invite" or "pins.add" or "bookmarks.add" or "views.open" or "chat.postEphemeral":
                return Ok([]);
            default:
                return Error("unknown_method");
        }
    }

    private static JsonObject Ok(JsonObject fields)
    {
        fields["ok"] = true;
        return fields;
    }

    private static JsonObject Error(string error) => new() { ["ok"] = false, ["error"] = error };

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}

/// <summary>One call the bot made to the fake Slack; <see cref="Status"/> 200 when accepted.</summary>
public sealed record SlackCall(string Method, JsonObject? Body, Dictionary<string, string>? Query, string? Authorization, int Status)
{
    public string Arg(string name) => Body?[name]?.ToString() ?? Query?.GetValueOrDefault(name) ?? "";
}
