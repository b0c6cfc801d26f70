using IncidentBot.Chat;
using IncidentBot.Incidents;
using IncidentBot.Timeline;

namespace IncidentBot.Teams;

/// <summary>
/// Adaptive Cards (schema 1.5, which Teams renders; Action.Execute needs 1.4) for the welcome, state changes, status
/// updates and the postmortem. Buttons carry <c>{"command": "…"}</c>, run like a typed <c>@IncidentBot …</c>.
/// </summary>
internal static class TeamsCards
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";
    public const string Verb = "incidentCommand";

    public static object Welcome(Incident incident, string dashboardLink) => Card(
        [
            Heading($"{(incident.IsDrill ? "DRILL · " : "")}🚨 {incident.Key}: {incident.Title}"),
            Facts(incident, ("Declared by", incident.DeclaredBy)),
            Text($"Commands: `{TeamsMessagesEndpoint.Prefix}help` · take a role with `{TeamsMessagesEndpoint.Prefix}role commander`", subtle: true),
        ],
        [
            Execute("I'm the commander", "role commander"),
            Execute("I'll scribe", "role scribe"),
            Execute("Summarize", "summary"),
            OpenUrl("Dashboard", dashboardLink),
        ]);

    /// <summary>A role, severity or status change, a resolution or a reopening: the line and the incident's state now.</summary>
    public static object StateChange(string line, Incident incident, string dashboardLink) =>
        Card([Text(line, bold: true), Facts(incident)], [OpenUrl("Dashboard", dashboardLink)]);

    public static object StatusUpdate(TimelineEntry entry, Incident incident, string dashboardLink) => Card(
        [
            Heading($"📣 Status update · {incident.Key}"),
            Text(entry.Text),
            Facts(incident, ("From", entry.Actor)),
        ],
        [OpenUrl("Dashboard", dashboardLink)]);

    public static object Postmortem(TimelineEntry entry, Incident incident, string draftLink) => Card(
        [Heading($"📄 Postmortem of {incident.Key}"), Text(entry.Text)],
        [OpenUrl("Read the draft", draftLink), .. ChatText.IsWebLink(entry.Link) && entry.Link != draftLink ? [OpenUrl("Exported copy", entry.Link!)] : Array.Empty<object>()]);

    public static object Attachment(object card) => new { ContentType, Content = card };

    private static Dictionary<string, object> Card(object[] body, object[] actions) => new()
    {
        ["type"] = "AdaptiveCard",
        ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
        ["version"] = "1.5",
        ["body"] = body,
        ["actions"] = actions,
        ["msteams"] = new { Width = "Full" },
    };

    private static object Facts(Incident incident, params (string Title, string Value)[] more) => new
    {
        Type = "FactSet",
        Facts = new (string Title, string Value)[]
            {
                ("Severity", incident.Severity.Label()),
                ("Status", incident.Status.Name()),
                ("Commander", ChatText.Holder(incident.Commander)),
                ("Scribe", ChatText.Holder(incident.Scribe)),
                ("Comms", ChatText.Holder(incident.Comms)),
            }
            .Concat(more)
            .Select(f => new { f.Title, f.Value })
            .ToArray(),
    };

    private static object Heading(string text) => new { Type = "TextBlock", Text = text, Size = "Large", Weight = "Bolder", Wrap = true };

    private static object Text(string text, bool bold = false, bool subtle = false) => new
    {
        Type = "TextBlock",
        Text = text,
        Wrap = true,
        Weight = bold ? "Bolder" : null,
        IsSubtle = subtle ? true : (bool?)null,
    };

    private static object Execute(string title, string command) => new
    {
        Type = "Action.Execute",
        Title = title,
        Verb,
        Data = new Dictionary<string, string> { [TeamsCommandText.DataKey] = command },
    };

    private static object OpenUrl(string title, string url) => new { Type = "Action.OpenUrl", Title = title, Url = url };
}
