using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using IncidentBot.Support;
using Microsoft.Data.Sqlite;

namespace IncidentBot.Security;

/// <summary>
/// A small, seeded fuzz suite over the bot's own routes: commands, declarations and every alert source, a few thousand
/// cases in all. No case may get a 5xx, and a refused case (4xx) must leave every table as it was. A failure names
/// the seed and the case, so it can be replayed.
/// </summary>
public sealed class FuzzTests : IDisposable
{
    private const int Seed = 20261208;

    private static readonly string[] Pieces =
    [
        "declare", "role", "commander", "scribe", "comms", "sev", "status", "investigating", "identified", "monitoring", "resolved",
        "note", "update", "summary", "timeline", "resolve", "reopen", "action", "due", "2030-01-31", "2030-02-30", "help", "list",
        "sev1", "sev5", "private", "drill", "@alice", "@", "<@U123|bob>", "<!channel>", "@here", "<at>All</at>", "0", "-1",
        "99999999999999999999", "[x](javascript:alert(1))", "<javascript:alert(1)>", "![i](data:text/html,x)", "<script>alert(1)</script>",
        "../../etc/passwd", "C:\\Windows\\win.ini", "{{title}}", "%s%n", "'; DROP TABLE incidents; --", "\"", "\\", "\n", "\r\n", "\t",
        "\0", "\u202e", "\ufeff", "\ud800", "\udfff", "障害対応中", "🔥🔥", "ｓｅｖ１", "xoxb-123-456-abcdef", "AKIAABCDEFGHIJKLMNOP",
    ];

    private readonly BotApp _app = new(settings: AlertWebhooks.Settings());
    private readonly HttpClient _client;
    private readonly List<string> _tables = [];

    public FuzzTests() => _client = _app.CreateClient();

    public void Dispose() => _app.Dispose();

    private static string Text(Random random, int maxPieces = 8)
    {
        if (random.Next(40) == 0)
        {
            return new string((char)random.Next(32, 0x3000), random.Next(3_990, 4_100));
        }

        var text = new StringBuilder();
        for (var i = random.Next(1, maxPieces); i > 0; i--)
        {
            text.Append(random.Next(4) == 0 ? ((char)random.Next(0, 0xFFFF)).ToString() : Pieces[random.Next(Pieces.Length)]).Append(random.Next(5) == 0 ? "" : " ");
        }

        return text.ToString();
    }

    private static JsonNode? Value(Random random) => random.Next(9) switch
    {
        0 => null,
        1 => JsonValue.Create(random.Next(-5, 10)),
        2 => JsonValue.Create(random.Next(2) == 0),
        3 => new JsonArray(JsonValue.Create(Text(random, 3))),
        4 => new JsonObject { ["x"] = Text(random, 2) },
        5 => JsonValue.Create(random.NextDouble() * 1e300),
        _ => JsonValue.Create(Text(random)),
    };

    /// <summary>Bytes a client might send instead of clean JSON: invalid UTF-8, cut short, or with a byte changed.</summary>
    private static byte[] Spoil(Random random, byte[] json) => random.Next(10) switch
    {
        0 => json[..random.Next(json.Length)],
        1 => [.. json[..(json.Length / 2)], 0xFF, 0xFE, .. json[(json.Length / 2)..]],
        2 => [.. json.Select((b, i) => i == random.Next(json.Length) ? (byte)random.Next(256) : b)],
        _ => json,
    };

    private async Task<string> CountsAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={_app.DatabaseFile};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        if (_tables.Count == 0)
        {
            await using var list = connection.CreateCommand();
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                _tables.Add(reader.GetString(0));
            }
        }

        var counts = new StringBuilder();
        // The job runners' heartbeats and the queue's own upkeep come and go with the clock, not with requests.
        foreach (var table in _tables.Where(t => t != "job_runners"))
        {
            await using var count = connection.CreateCommand();
            count.CommandText = table == "jobs" ? "SELECT COUNT(*) FROM jobs WHERE kind <> 'jobs.purge'" : $"SELECT COUNT(*) FROM \"{table}\"";
            counts.Append(table).Append('=').Append(await count.ExecuteScalarAsync()).Append(' ');
        }

        return counts.ToString();
    }

    private async Task CheckAsync(string what, int index, Func<Task<HttpResponseMessage>> send)
    {
        var before = await CountsAsync();
        using var response = await send();
        var status = (int)response.StatusCode;
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status < 500, $"{what} case {index} (seed {Seed}) answered {status}: {body}");
        if (status >= 400)
        {
            Assert.True(before == await CountsAsync(), $"{what} case {index} (seed {Seed}) was refused with {status} but changed the database");
            Assert.StartsWith("application/problem+json", response.Content.Headers.ContentType?.ToString() ?? "", StringComparison.Ordinal);
        }
    }

    private Task<HttpResponseMessage> PostAsync(string path, byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        return _client.PostAsync(new Uri(path, UriKind.Relative), content);
    }

    [Fact]
    public async Task FuzzedCommandsNeverFailAndARefusalStoresNothing()
    {
        var random = new Random(Seed);
        var number = await _client.DeclareAsync("Fuzzed incident");
        for (var i = 0; i < 600; i++)
        {
            var text = Text(random);
            var body = new JsonObject { ["user"] = random.Next(4) == 0 ? Value(random) : Text(random, 2), ["text"] = random.Next(10) == 0 ? Value(random) : text };
            var bytes = Spoil(random, Encoding.UTF8.GetBytes(body.ToJsonString()));
            string[] strangers = ["0", "-1", "abc", "99999999999999", "INC-1", "1e3", "%2e%2e", "障害"];
            var target = random.Next(20) == 0 ? strangers[random.Next(strangers.Length)] : number.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await CheckAsync("command", i, () => PostAsync($"/api/incidents/{target}/commands", bytes));
        }
    }

    [Fact]
    public async Task FuzzedDeclarationsNeverFailAndARefusalStoresNothing()
    {
        var random = new Random(Seed + 1);
        for (var i = 0; i < 400; i++)
        {
            var body = new JsonObject();
            foreach (var field in new[] { "title", "severity", "private", "drill", "user", "extra" })
            {
                if (random.Next(4) != 0)
                {
                    body[field] = field == "title" && random.Next(2) == 0 ? Text(random, 4) : Value(random);
                }
            }

            var bytes = Spoil(random, Encoding.UTF8.GetBytes(random.Next(30) == 0 ? "[1,2]" : body.ToJsonString()));
            await CheckAsync("declaration", i, () => PostAsync("/api/incidents", bytes));
        }
    }

    public static TheoryData<string, string> Sources => new()
    {
        { "alertmanager", "alertmanager-firing.json" },
        { "grafana", "grafana-firing.json" },
        { "datadog", "datadog-triggered.json" },
        { "pagerduty", "pagerduty-triggered.json" },
        { "sentry", "sentry-event-alert.json" },
        { "opsgenie", "opsgenie-create.json" },
        { "mackerel", "mackerel-alert.json" },
        { "generic", "generic-firing.json" },
    };

    [Theory]
    [MemberData(nameof(Sources))]
    public async Task FuzzedAlertsNeverFailAndARefusalStoresNothing(string source, string file)
    {
        var random = new Random(Seed + source.Length * 31 + source[0]);
        var original = file == "generic-firing.json"
            ? JsonNode.Parse("""{"title": "Queue backlog", "status": "firing", "severity": "critical", "fingerprint": "q1", "labels": {"service": "orders"}, "startsAt": "2025-03-04T13:05:00.250Z"}""")!
            : AlertWebhooks.PayloadJson(file);
        for (var i = 0; i < 100; i++)
        {
            var payload = original.DeepClone();
            for (var m = random.Next(1, 4); m > 0; m--)
            {
                Mutate(random, payload);
            }

            var bytes = Spoil(random, AlertWebhooks.Bytes(payload));
            await CheckAsync(source, i, async () => (await _client.SendAsync(source, bytes)).Response);
        }
    }

    /// <summary>Replaces, removes or adds one member somewhere in the payload.</summary>
    private static void Mutate(Random random, JsonNode node)
    {
        var containers = new List<JsonNode>();
        void Walk(JsonNode? n)
        {
            switch (n)
            {
                case JsonObject o:
                    containers.Add(o);
                    foreach (var (_, v) in o.ToList())
                    {
                        Walk(v);
                    }

                    break;
                case JsonArray a:
                    containers.Add(a);
                    foreach (var v in a.ToList())
                    {
                        Walk(v);
                    }

                    break;
                default:
                    break;
            }
        }

        Walk(node);
        switch (containers[random.Next(containers.Count)])
        {
            case JsonObject o when o.Count > 0 && random.Next(3) > 0:
                var key = o.ElementAt(random.Next(o.Count)).Key;
                if (random.Next(4) == 0)
                {
                    o.Remove(key);
                }
                else
                {
                    o[key] = Value(random);
                }

                break;
            case JsonObject o:
                o[Text(random, 1)] = Value(random);
                break;
            case JsonArray a when a.Count > 0:
                a[random.Next(a.Count)] = Value(random);
                break;
            case JsonArray a:
                a.Add(Value(random));
                break;
            default:
                break;
        }
    }
}
