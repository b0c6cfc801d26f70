using Microsoft.Extensions.Options;

namespace IncidentBot.Postmortems;

/// <summary>Checks at start what would otherwise fail at the first <c>postmortem</c>: zone, template files, Confluence settings.</summary>
internal sealed class PostmortemOptionsValidation : IValidateOptions<PostmortemOptions>
{
    public ValidateOptionsResult Validate(string? name, PostmortemOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(options.TimeZone, out _))
        {
            failures.Add($"Postmortems:TimeZone '{options.TimeZone}' is not a known IANA time zone.");
        }

        var folder = PostmortemTemplates.ResolvePath(options.TemplatesPath);
        foreach (var (severity, file) in options.Templates)
        {
            if (!Incidents.SeverityText.TryParse(severity, out _))
            {
                failures.Add($"Postmortems:Templates:{severity} is not a severity: use SEV1, SEV2, SEV3 or SEV4.");
            }
            else if (!File.Exists(Path.Combine(folder, file)))
            {
                failures.Add($"Postmortems:Templates:{severity} names {file}, which is not in {folder}.");
            }
        }

        var confluence = options.Confluence;
        if (confluence.Enabled)
        {
            if (string.IsNullOrWhiteSpace(confluence.SpaceKey) || string.IsNullOrWhiteSpace(confluence.User) || string.IsNullOrWhiteSpace(confluence.ApiToken))
            {
                failures.Add("Postmortems:Confluence needs BaseUrl, SpaceKey, User and ApiToken together (or none of them).");
            }

            if (!Uri.TryCreate(confluence.BaseUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
            {
                failures.Add("Postmortems:Confluence:BaseUrl must be an absolute http(s) address, e.g. https://example.atlassian.net/wiki/.");
            }

            if (confluence.MaxAttempts is < 1 or > 10)
            {
                failures.Add("Postmortems:Confluence:MaxAttempts must be between 1 and 10.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
