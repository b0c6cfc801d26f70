using System.Data.Common;
using System.Text;

namespace IncidentBot.Summaries;

/// <summary>
/// The bot's own secrets, as configured (tokens, signing secrets, passwords, API keys, alert secrets, the database
/// password), so that text it is about to post can be checked for them whatever their shape: no pattern of
/// <see cref="SecretRedactor"/> knows a random signing secret or an API token made of words. Each is also looked for
/// URL-encoded and in Base64.
/// </summary>
internal sealed class OwnSecrets
{
    public const string Mask = "[redacted:bot-secret]";

    /// <summary>Shorter values are too likely to be ordinary words to mask everywhere.</summary>
    private const int MinLength = 8;

    private static readonly string[] SecretWords = ["token", "secret", "password", "apikey", "key"];

    private readonly string[] _forms;

    public OwnSecrets(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var values = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, value) in configuration.AsEnumerable())
        {
            if (string.IsNullOrEmpty(value))
            {
                continue;
            }

            var name = key[(key.LastIndexOf(':') + 1)..];
            if (name.Equals("ConnectionString", StringComparison.OrdinalIgnoreCase))
            {
                values.UnionWith(ConnectionPasswords(value));
            }
            else if (SecretWords.Any(word => name.EndsWith(word, StringComparison.OrdinalIgnoreCase)))
            {
                values.Add(value.Trim());
            }
        }

        _forms = [.. values.Where(v => v.Length >= MinLength)
            .SelectMany(v => new[] { v, Uri.EscapeDataString(v), Convert.ToBase64String(Encoding.UTF8.GetBytes(v)) })
            .Distinct(StringComparer.Ordinal)
            .OrderByDescending(v => v.Length)];
    }

    /// <summary><paramref name="text"/> with every configured secret masked.</summary>
    public string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var secret in _forms)
        {
            if (text.Contains(secret, StringComparison.OrdinalIgnoreCase))
            {
                text = text.Replace(secret, Mask, StringComparison.OrdinalIgnoreCase);
            }
        }

        return text;
    }

    private static List<string> ConnectionPasswords(string connectionString)
    {
        var builder = new DbConnectionStringBuilder();
        try
        {
            builder.ConnectionString = connectionString;
        }
        catch (ArgumentException)
        {
            return [];
        }

        return builder.Keys.Cast<string>()
            .Where(k => k.Equals("password", StringComparison.OrdinalIgnoreCase) || k.Equals("pwd", StringComparison.OrdinalIgnoreCase))
            .Select(k => builder[k]?.ToString() ?? "")
            .ToList();
    }
}
