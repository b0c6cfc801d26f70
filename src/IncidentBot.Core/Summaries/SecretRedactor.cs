using System.Text.RegularExpressions;

namespace IncidentBot.Summaries;

/// <summary>
/// Replaces secrets in untrusted chat text with <c>[redacted:kind]</c> before the text leaves the process or is shown
/// again: cloud and chat keys, tokens, passwords, private keys and connection strings. It errs towards redacting;
/// a text it cannot check in time is withheld whole.
/// </summary>
public static partial class SecretRedactor
{
    /// <summary>What stands in for a message that could not be checked.</summary>
    public const string Withheld = "[message withheld: it could not be checked for secrets]";

    private const int TimeoutMs = 250;

    // Order matters: whole blocks and URLs first, then vendor shapes, then generic "name = value" assignments.
    private static readonly (Regex Pattern, string Kind, bool KeepsName)[] Rules =
    [
        (PrivateKeyBlock(), "private-key", false),
        (PrivateKeyStart(), "private-key", false),
        (SlackWebhook(), "slack-webhook", false),
        (UrlPassword(), "url-password", true),
        (AzureConnectionKey(), "azure-key", true),
        (SasSignature(), "azure-sas", true),
        (AwsAccessKeyId(), "aws-access-key", false),
        (AwsSecretKey(), "aws-secret-key", true),
        (GcpApiKey(), "gcp-api-key", false),
        (GcpOauthToken(), "gcp-token", false),
        (GcpClientSecret(), "gcp-client-secret", false),
        (AzureClientSecret(), "azure-client-secret", false),
        (SlackToken(), "slack-token", false),
        (GitHubToken(), "github-token", false),
        (OpenAiKey(), "api-key", false),
        (StripeKey(), "stripe-key", false),
        (SendGridKey(), "sendgrid-key", false),
        (NpmToken(), "npm-token", false),
        (Jwt(), "jwt", false),
        (AuthorizationHeader(), "credentials", true),
        (Assignment(), "secret", true),
        (SpokenPassword(), "password", true),
    ];

    public static string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        try
        {
            foreach (var (pattern, kind, keepsName) in Rules)
            {
                text = keepsName
                    ? pattern.Replace(text, m => m.Groups["name"].Value + $"[redacted:{kind}]")
                    : pattern.Replace(text, $"[redacted:{kind}]");
            }

            return text;
        }
        catch (RegexMatchTimeoutException)
        {
            return Withheld;
        }
    }

    [GeneratedRegex(@"-----BEGIN [A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----.*?-----END [A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----", RegexOptions.Singleline, TimeoutMs)]
    private static partial Regex PrivateKeyBlock();

    // A key pasted without its end line, or cut by the chat: everything after the header goes.
    [GeneratedRegex(@"-----BEGIN [A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----.*", RegexOptions.Singleline, TimeoutMs)]
    private static partial Regex PrivateKeyStart();

    [GeneratedRegex(@"https://hooks\.slack\.com/(services|workflows|triggers)/[A-Za-z0-9/_-]+", RegexOptions.None, TimeoutMs)]
    private static partial Regex SlackWebhook();

    [GeneratedRegex(@"(?<name>\b[a-zA-Z][a-zA-Z0-9+.-]{1,20}://[^\s:/@]{1,100}:)[^\s/@]{1,200}(?=@)", RegexOptions.None, TimeoutMs)]
    private static partial Regex UrlPassword();

    [GeneratedRegex(@"(?<name>\b(AccountKey|SharedAccessKey|SharedAccessSignature|PrimaryKey|SecondaryKey)\s*=\s*)[^;\s""']+", RegexOptions.IgnoreCase, TimeoutMs)]
    private static partial Regex AzureConnectionKey();

    [GeneratedRegex(@"(?<name>[?&]sig=)[A-Za-z0-9%+/=]+", RegexOptions.IgnoreCase, TimeoutMs)]
    private static partial Regex SasSignature();

    [GeneratedRegex(@"\b(AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AIPA|ANPA|ANVA|AROA|APKA)[A-Z0-9]{16}\b", RegexOptions.None, TimeoutMs)]
    private static partial Regex AwsAccessKeyId();

    [GeneratedRegex(@"(?<name>\baws[_.-]?(secret[_.-]?(access[_.-]?)?key|session[_.-]?token)[""']?\s*[:=]\s*[""']?)[A-Za-z0-9/+=]{16,}", RegexOptions.IgnoreCase, TimeoutMs)]
    private static partial Regex AwsSecretKey();

    [GeneratedRegex(@"\bAIza[0-9A-Za-z_-]{35}", RegexOptions.None, TimeoutMs)]
    private static partial Regex GcpApiKey();

    [GeneratedRegex(@"\bya29\.[0-9A-Za-z_-]{20,}", RegexOptions.None, TimeoutMs)]
    private static partial Regex GcpOauthToken();

    [GeneratedRegex(@"\bGOCSPX-[0-9A-Za-z_-]{20,}", RegexOptions.None, TimeoutMs)]
    private static partial Regex GcpClientSecret();

    [GeneratedRegex(@"\b[0-9A-Za-z_~.-]{3}\dQ~[0-9A-Za-z_~.-]{31,34}", RegexOptions.None, TimeoutMs)]
    private static partial Regex AzureClientSecret();

    [GeneratedRegex(@"\b(xox[abposr]|xoxe\.xox[bp]|xoxe)-[0-9A-Za-z-]{10,}|\bxapp-\d-[0-9A-Za-z-]{10,}", RegexOptions.None, TimeoutMs)]
    private static partial Regex SlackToken();

    [GeneratedRegex(@"\b(gh[pousr]_[0-9A-Za-z]{30,}|github_pat_[0-9A-Za-z_]{30,})", RegexOptions.None, TimeoutMs)]
    private static partial Regex GitHubToken();

    [GeneratedRegex(@"\bsk-(proj-|ant-|svcacct-)?[0-9A-Za-z_-]{20,}", RegexOptions.None, TimeoutMs)]
    private static partial Regex OpenAiKey();

    [GeneratedRegex(@"\b(sk|rk)_(live|test)_[0-9A-Za-z]{16,}|\bwhsec_[0-9A-Za-z]{16,}", RegexOptions.None, TimeoutMs)]
    private static partial Regex StripeKey();

    [GeneratedRegex(@"\bSG\.[0-9A-Za-z_-]{16,}\.[0-9A-Za-z_-]{16,}", RegexOptions.None, TimeoutMs)]
    private static partial Regex SendGridKey();

    [GeneratedRegex(@"\bnpm_[0-9A-Za-z]{36}\b", RegexOptions.None, TimeoutMs)]
    private static partial Regex NpmToken();

    [GeneratedRegex(@"\beyJ[0-9A-Za-z_-]{8,}\.eyJ[0-9A-Za-z_-]{8,}\.[0-9A-Za-z_-]*", RegexOptions.None, TimeoutMs)]
    private static partial Regex Jwt();

    [GeneratedRegex(@"(?<name>\b(Bearer|Basic|Token|Digest)\s+)(?!\[redacted:)[0-9A-Za-z._~+/-]{8,}=*", RegexOptions.IgnoreCase, TimeoutMs)]
    private static partial Regex AuthorizationHeader();

    // "DB_PASSWORD=hunter2", "api_key: abc", "\"client_secret\": \"abc\"", "Password=abc;" in a connection string.
    // It starts at the keyword (whatever prefixes the name stays as it is), so the search can skip ahead to one.
    [GeneratedRegex(
        @"(?<name>(password|passwd|passphrase|pwd|secret|token|api[_-]?key|apikey|access[_-]?key|private[_-]?key|credentials?|auth[_-]?key)[\w.-]{0,20}[""']?\s*(:=|=>|[:=])\s*)(?![""']?\[redacted:)(""[^""\r\n]{1,200}""|'[^'\r\n]{1,200}'|[^\s;,""'&<>]{1,200})",
        RegexOptions.IgnoreCase, TimeoutMs)]
    private static partial Regex Assignment();

    // "the password is hunter2", "root pw was Tr0ub4dor".
    [GeneratedRegex(@"(?<name>\b(password|passwd|passphrase|pw|pwd)\s+(is|was|now|for\s+\S+\s+is)\s+)(?!\[redacted:)[""']?[^\s""']{3,200}[""']?", RegexOptions.IgnoreCase, TimeoutMs)]
    private static partial Regex SpokenPassword();
}
