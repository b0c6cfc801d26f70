using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.IdentityModel.Tokens;

namespace IncidentBot.Support;

/// <summary>
/// Microsoft's side of a Teams bot on one loopback socket: the Bot Framework's OpenID metadata and signing keys (RSA
/// keys made here), the token endpoint (client credentials), the Bot Connector (<c>/connector/v3/…</c>, the activities'
/// serviceUrl) and Graph (<c>/graph/v1.0/teams/{id}/channels</c>). Records every call; can be down or rate limited.
/// </summary>
public sealed class FakeTeams : IAsyncDisposable
{
    public const string AppId = "8e0f3b4c-1a2b-4c3d-9e8f-0a1b2c3d4e5f";
    public const string AppPassword = "bot-client-secret";
    public const string TenantId = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    public const string TeamId = "f4a7c3b2-5d6e-4f80-9a1b-2c3d4e5f6a7b";
    public const string IncidentsChannel = "19:incidents0a1b2c@thread.tacv2";
    public const string BotId = "28:" + AppId;

    private readonly ConcurrentQueue<TeamsCall> _calls = new();
    private readonly ConcurrentDictionary<string, int> _rateLimits = new();
    private readonly ConcurrentDictionary<string, string> _tokens = new();
    private readonly List<RsaSecurityKey> _keys = [];
    private int _ids;
    private volatile bool _down;
    private LoopbackServer? _server;

    private FakeTeams()
    {
        SigningKey = NewKey("key-1");
        _keys.Add(SigningKey);
    }

    /// <summary>The key the Bot Framework signs with; published in the JWKS.</summary>
    public RsaSecurityKey SigningKey { get; }

    public ConcurrentDictionary<string, bool> TakenChannelNames { get; } = new();

    /// <summary>While true the connector and Graph answer HTTP 500 (the token endpoint and metadata stay up).</summary>
    public bool Down
    {
        get => _down;
        set => _down = value;
    }

    private int _metadataFetches;
    private int _keySetFetches;

    public int MetadataFetches => Volatile.Read(ref _metadataFetches);

    public int KeySetFetches => Volatile.Read(ref _keySetFetches);

    public Uri BaseAddress => _server!.BaseAddress;

    /// <summary>The Bot Connector's address as activities carry it.</summary>
    public string ServiceUrl => new Uri(BaseAddress, "connector/").ToString();

    public IReadOnlyList<TeamsCall> Calls => [.. _calls];

    /// <summary>The calls accepted (HTTP 2xx) of one kind: <c>token</c>, <c>conversations</c>, <c>activities</c>, <c>channels</c>.</summary>
    public IReadOnlyList<TeamsCall> Accepted(string kind) => [.. _calls.Where(c => c.Kind == kind && c.Status is >= 200 and < 300)];

    /// <summary>Text of every message and card accepted into one conversation.</summary>
    public IReadOnlyList<string> Said(string conversationId) =>
        [.. Accepted("activities").Where(c => c.ConversationId == conversationId).Select(c => c.Body!.ToJsonString())];

    public void RateLimitNext(string kind, int times = 1) => _rateLimits[kind] = times;

    public static RsaSecurityKey NewKey(string kid) => new(RSA.Create(2048)) { KeyId = kid };

    /// <summary>Publishes another key, as the Bot Framework does when it rolls its keys over.</summary>
    public void Publish(RsaSecurityKey key)
    {
        lock (_keys)
        {
            _keys.Add(key);
        }
    }

    public Dictionary<string, string?> Settings(bool graphRooms = false) => new()
    {
        ["Teams:AppId"] = AppId,
        ["Teams:AppPassword"] = AppPassword,
        ["Teams:TenantId"] = TenantId,
        ["Teams:OpenIdMetadataUrl"] = new Uri(BaseAddress, "v1/.well-known/openidconfiguration").ToString(),
        ["Teams:TokenEndpoint"] = new Uri(BaseAddress, "botframework.com/oauth2/v2.0/token").ToString(),
        ["Teams:GraphBaseUrl"] = new Uri(BaseAddress, "graph/v1.0/").ToString(),
        ["Teams:IncidentsChannel"] = IncidentsChannel,
        ["Teams:TeamId"] = graphRooms ? TeamId : "",

        // The most a command may take before the reply moves to the connector: tests that read the inline answer
        // then see it even on a busy machine.
        ["Teams:InlineReplyMilliseconds"] = "10000",
        ["Jobs:RetryBaseDelayMilliseconds"] = "50",
        ["Jobs:RetryMaxDelaySeconds"] = "1",
    };

    public static async Task<FakeTeams> StartAsync()
    {
        var fake = new FakeTeams();
        fake._server = await LoopbackServer.StartAsync(fake.Map);
        return fake;
    }

    public ValueTask DisposeAsync() => _server is null ? ValueTask.CompletedTask : _server.DisposeAsync();

    private void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/v1/.well-known/openidconfiguration", () =>
        {
            Interlocked.Increment(ref _metadataFetches);
            return Results.Json(new JsonObject
            {
                ["issuer"] = "https://api.botframework.com",
                ["authorization_endpoint"] = "https://invalid.botframework.com",
                ["jwks_uri"] = new Uri(BaseAddress, "v1/.well-known/keys").ToString(),
                ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
                ["token_endpoint_auth_methods_supported"] = new JsonArray("private_key_jwt"),
            });
        });
        routes.MapGet("/v1/.well-known/keys", () =>
        {
            Interlocked.Increment(ref _keySetFetches);
            lock (_keys)
            {
                return Results.Json(new JsonObject { ["keys"] = new JsonArray([.. _keys.Select(Jwk)]) });
            }
        });
        routes.MapPost("/{tenant}/oauth2/v2.0/token", (string tenant, HttpRequest request) => TokenAsync(tenant, request));
        routes.MapPost("/connector/v3/conversations", (HttpRequest request) => AnswerAsync("conversations", null, null, request));
        routes.MapPost("/connector/v3/conversations/{id}/activities", (string id, HttpRequest request) => AnswerAsync("activities", id, null, request));
        routes.MapPost("/connector/v3/conversations/{id}/activities/{replyTo}", (string id, string replyTo, HttpRequest request) =>
            AnswerAsync("activities", id, replyTo, request));
        routes.MapPost("/graph/v1.0/teams/{team}/channels", (string team, HttpRequest request) => AnswerAsync("channels", team, null, request));
    }

    private static JsonObject Jwk(RsaSecurityKey key)
    {
        var parameters = key.Rsa.ExportParameters(false);
        return new JsonObject
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = key.KeyId,
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
            ["endorsements"] = new JsonArray("msteams"),
        };
    }

    private async Task<IResult> TokenAsync(string tenant, HttpRequest request)
    {
        var form = await request.ReadFormAsync();
        var scope = form["scope"].ToString();
        var valid = form["grant_type"] == "client_credentials" && form["client_id"] == AppId && form["client_secret"] == AppPassword
                    && ((tenant == "botframework.com" && scope == "https://api.botframework.com/.default")
                        || (tenant == TenantId && scope == "https://graph.microsoft.com/.default"));
        if (!valid)
        {
            _calls.Enqueue(new TeamsCall("token", tenant, null, null, null, 400));
            return Results.Json(new { error = "invalid_client", error_description = "AADSTS7000215: Invalid client secret provided." }, statusCode: 400);
        }

        var token = $"{(tenant == TenantId ? "graph" : "bf")}-token-{Interlocked.Increment(ref _ids)}";
        _tokens[token] = scope;
        _calls.Enqueue(new TeamsCall("token", tenant, null, null, new JsonObject { ["scope"] = scope }, 200));
        return Results.Json(new { token_type = "Bearer", expires_in = 3599, ext_expires_in = 3599, access_token = token });
    }

    private async Task<IResult> AnswerAsync(string kind, string? id, string? replyTo, HttpRequest request)
    {
        var body = JsonNode.Parse(await new StreamReader(request.Body).ReadToEndAsync())!.AsObject();
        var auth = request.Headers.Authorization.ToString();
        IResult Record(int status, IResult result, string? created = null)
        {
            _calls.Enqueue(new TeamsCall(kind, id, replyTo, auth, body, status, created));
            return result;
        }

        if (_down)
        {
            return Record(500, Results.StatusCode(500));
        }

        if (_rateLimits.TryGetValue(kind, out var left) && left > 0)
        {
            _rateLimits[kind] = left - 1;
            return Record(429, new RetryAfterOneSecond());
        }

        var scope = auth.StartsWith("Bearer ", StringComparison.Ordinal) ? _tokens.GetValueOrDefault(auth[7..]) : null;
        var wanted = kind == "channels" ? "https://graph.microsoft.com/.default" : "https://api.botframework.com/.default";
        if (scope != wanted)
        {
            return Record(401, Results.Json(new { error = new { code = "Unauthorized", message = "Authorization has been denied for this request." } }, statusCode: 401));
        }

        var n = Interlocked.Increment(ref _ids);
        switch (kind)
        {
            case "channels":
                var name = body["displayName"]!.GetValue<string>();
                if (id != TeamId || !TakenChannelNames.TryAdd(name, true))
                {
                    return Record(409, Results.Json(new { error = new { code = "NameAlreadyExists", message = "Channel name already existed." } }, statusCode: 409));
                }

                var channel = $"19:channel{n}@thread.tacv2";
                return Record(201, Results.Json(new { id = channel, displayName = name, membershipType = "standard", webUrl = $"https://teams.microsoft.com/l/channel/{Uri.EscapeDataString(channel)}" }, statusCode: 201), channel);
            case "conversations":
                var where = body["channelData"]?["channel"]?["id"]?.GetValue<string>();
                if (where is null || body["isGroup"]?.GetValue<bool>() != true)
                {
                    return Record(400, Results.Json(new { error = new { code = "BadArgument", message = "Incorrect conversation creation parameters" } }, statusCode: 400));
                }

                var thread = $"{where};messageid={n}";
                return Record(201, Results.Json(new { id = thread, activityId = n.ToString(System.Globalization.CultureInfo.InvariantCulture) }, statusCode: 201), thread);
            default:
                return Record(200, Results.Json(new { id = n.ToString(System.Globalization.CultureInfo.InvariantCulture) }));
        }
    }
}

/// <summary>
/// One call the bot made to the fake; <see cref="ConversationId"/> is the conversation, team or tenant in its path,
/// <see cref="Created"/> the id of the conversation or channel it created.
/// </summary>
public sealed record TeamsCall(string Kind, string? ConversationId, string? ReplyToId, string? Authorization, JsonObject? Body, int Status, string? Created = null)
{
    /// <summary>The text the call shows a person: a message's text, or every text of its card.</summary>
    public string Shown => Body is null ? "" : (Body["text"]?.GetValue<string>() ?? "") + " " + (Body["attachments"]?.ToJsonString() ?? "") +
                                              (Body["activity"]?.ToJsonString() ?? "");
}
