using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using System.Xml;
using System.Xml.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IncidentBot.Support;

/// <summary>
/// Confluence Cloud's content API on a loopback socket: pages in one space, basic auth, versions that must go up by
/// one on every PUT, titles unique in the space, and storage bodies that must be well-formed XHTML.
/// </summary>
public sealed class FakeConfluence : IAsyncDisposable
{
    public const string User = "bot@example.com";
    public const string ApiToken = "atl-token-123";
    public const string SpaceKey = "OPS";

    private readonly ConcurrentDictionary<string, Page> _pages = new();
    private readonly ConcurrentQueue<int> _failures = new();
    private LoopbackServer? _server;
    private int _nextId = 1000;

    public sealed record Page(string Id, string Title, int Version, string Body, string? ParentId);

    public IReadOnlyCollection<Page> Pages => _pages.Values.OrderBy(p => p.Id, StringComparer.Ordinal).ToList();

    public ConcurrentQueue<string> Calls { get; } = new();

    /// <summary>The site's base address as <c>Postmortems:Confluence:BaseUrl</c> takes it.</summary>
    public string BaseUrl => new Uri(_server!.BaseAddress, "wiki/").ToString();

    public static async Task<FakeConfluence> StartAsync()
    {
        var fake = new FakeConfluence();
        fake._server = await LoopbackServer.StartAsync(fake.Map);
        return fake;
    }

    /// <summary>Settings that point the bot at this fake.</summary>
    public Dictionary<string, string?> Settings(string? apiToken = null) => new()
    {
        ["Postmortems:Confluence:BaseUrl"] = BaseUrl,
        ["Postmortems:Confluence:SpaceKey"] = SpaceKey,
        ["Postmortems:Confluence:User"] = User,
        ["Postmortems:Confluence:ApiToken"] = apiToken ?? ApiToken,
    };

    /// <summary>Someone edits the page in Confluence: the version goes up.</summary>
    public void EditByHand(string id, string body) => _pages.AddOrUpdate(id, _ => throw new KeyNotFoundException(id), (_, p) => p with { Version = p.Version + 1, Body = body });

    /// <summary>The next calls answer these status codes (with Retry-After: 0) before the fake works again.</summary>
    public void FailNext(params int[] statuses)
    {
        foreach (var status in statuses)
        {
            _failures.Enqueue(status);
        }
    }

    public ValueTask DisposeAsync() => _server!.DisposeAsync();

    private void Map(IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/wiki/rest/api/content").AddEndpointFilter(async (context, next) =>
        {
            var request = context.HttpContext.Request;
            Calls.Enqueue($"{request.Method} {request.Path}{request.QueryString}");
            var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{User}:{ApiToken}"));
            if (request.Headers.Authorization != expected)
            {
                return Results.Json(new { statusCode = 401, message = "Basic authentication with passwords is deprecated." }, statusCode: 401);
            }

            if (_failures.TryDequeue(out var status))
            {
                context.HttpContext.Response.Headers.RetryAfter = "0";
                return Results.Json(new { statusCode = status, message = "Try again later" }, statusCode: status);
            }

            return await next(context);
        });
        api.MapGet("/", (string? spaceKey, string? title) =>
            Results.Json(new { results = _pages.Values.Where(p => spaceKey == SpaceKey && p.Title == title).Select(Json).ToArray(), size = 1 }));
        api.MapGet("/{id}", (string id) => _pages.TryGetValue(id, out var page) ? Results.Json(Json(page)) : Results.Json(new { message = "No content" }, statusCode: 404));
        api.MapPost("/", async (HttpRequest request) =>
        {
            var body = JsonNode.Parse(await new StreamReader(request.Body).ReadToEndAsync())!;
            var title = body["title"]!.GetValue<string>();
            if (body["type"]!.GetValue<string>() != "page" || body["space"]!["key"]!.GetValue<string>() != SpaceKey)
            {
                return Results.Json(new { message = "Bad page" }, statusCode: 400);
            }

            if (_pages.Values.Any(p => p.Title == title))
            {
                return Results.Json(new { message = "A page with this title already exists" }, statusCode: 400);
            }

            if (Storage(body) is not { } storage)
            {
                return Results.Json(new { message = "Error parsing xhtml" }, statusCode: 400);
            }

            var page = new Page(Interlocked.Increment(ref _nextId).ToString(System.Globalization.CultureInfo.InvariantCulture), title, 1, storage, body["ancestors"]?[0]?["id"]?.GetValue<string>());
            _pages[page.Id] = page;
            return Results.Json(Json(page));
        });
        api.MapPut("/{id}", async (string id, HttpRequest request) =>
        {
            var body = JsonNode.Parse(await new StreamReader(request.Body).ReadToEndAsync())!;
            if (!_pages.TryGetValue(id, out var page))
            {
                return Results.Json(new { message = "No content" }, statusCode: 404);
            }

            var version = body["version"]!["number"]!.GetValue<int>();
            if (version != page.Version + 1)
            {
                return Results.Json(new { message = $"Version must be incremented when updating a page. Current Version: [{page.Version}]. Provided version: [{version}]" }, statusCode: 409);
            }

            if (Storage(body) is not { } storage)
            {
                return Results.Json(new { message = "Error parsing xhtml" }, statusCode: 400);
            }

            _pages[id] = page = page with { Version = version, Body = storage, Title = body["title"]!.GetValue<string>() };
            return Results.Json(Json(page));
        });
    }

    private static string? Storage(JsonNode body)
    {
        var storage = body["body"]?["storage"];
        if (storage?["representation"]?.GetValue<string>() != "storage" || storage["value"]?.GetValue<string>() is not { } value)
        {
            return null;
        }

        try
        {
            XElement.Parse($"<root>{value}</root>");
            return value;
        }
        catch (XmlException)
        {
            return null;
        }
    }

    private object Json(Page page) => new
    {
        id = page.Id,
        type = "page",
        title = page.Title,
        version = new { number = page.Version },
        _links = new { @base = BaseUrl.TrimEnd('/'), webui = $"/spaces/{SpaceKey}/pages/{page.Id}" },
    };
}
