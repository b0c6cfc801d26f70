using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace IncidentBot.Support;

/// <summary>Small helpers for driving the JSON API.</summary>
public static class HttpJson
{
    public static async Task<(HttpResponseMessage Response, JsonNode? Body)> PostJsonAsync(this HttpClient client, string url, object body)
    {
        var response = await client.PostAsJsonAsync(url, body);
        return (response, await ReadAsync(response));
    }

    public static async Task<(HttpResponseMessage Response, JsonNode? Body)> GetJsonAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        return (response, await ReadAsync(response));
    }

    public static async Task<int> DeclareAsync(this HttpClient client, string? title = null, string severity = "SEV2")
    {
        var (response, body) = await client.PostJsonAsync("/api/incidents", new { title = title ?? Some.Title(), severity });
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return body!["number"]!.GetValue<int>();
    }

    public static Task<(HttpResponseMessage Response, JsonNode? Body)> CommandAsync(this HttpClient client, int number, string text, string user = "alice") =>
        client.PostJsonAsync($"/api/incidents/{number}/commands", new { user, text });

    private static async Task<JsonNode?> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        try
        {
            return text.Length == 0 ? null : JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return JsonValue.Create(text);
        }
    }
}
