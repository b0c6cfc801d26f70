using IncidentBot.Chat;
using IncidentBot.Incidents;

namespace IncidentBot.Slack;

/// <summary>Block Kit for the welcome message and the declare modal.</summary>
internal static class SlackBlocks
{
    public const string DeclareCallback = "incident_declare";
    public const string CommandActionPrefix = "incident_command:";

    public static object[] Welcome(Incident incident) =>
    [
        new { Type = "header", Text = Plain(Shorten($"{(incident.IsDrill ? "DRILL · " : "")}{incident.Key}: {incident.Title}", 150)) },
        new { Type = "section", Text = Markdown(SlackText.Safe(ChatText.Topic(incident)) + $"\nDeclared by {incident.DeclaredBy}") },
        new
        {
            Type = "actions",
            Elements = new object[]
            {
                Button("I'm the commander", "role commander"),
                Button("I'll scribe", "role scribe"),
                Button("Summarize", "summary"),
            },
        },
        new
        {
            Type = "context",
            Elements = new object[] { Markdown("Commands: `/incident help` · react with :pushpin: to put a message on the timeline") },
        },
    ];

    /// <summary>The catch-up offer shown to a latecomer.</summary>
    public static object[] Nudge(Incident incident) =>
    [
        new
        {
            Type = "section",
            Text = Markdown($"Welcome to *{incident.Key}*: {SlackText.Safe(incident.Title)}\n{SlackText.Safe(ChatText.Topic(incident))}"),
        },
        new { Type = "actions", Elements = new object[] { Button("Summarize", "summary") } },
    ];

    /// <summary>The modal <c>/incident</c> alone opens.</summary>
    public static object DeclareModal(string channelId) => new
    {
        Type = "modal",
        CallbackId = DeclareCallback,
        PrivateMetadata = channelId,
        Title = Plain("Declare an incident"),
        Submit = Plain("Declare"),
        Close = Plain("Cancel"),
        Blocks = new object[]
        {
            new
            {
                Type = "input",
                BlockId = "title",
                Label = Plain("What is broken?"),
                Element = new { Type = "plain_text_input", ActionId = "value", MaxLength = Incident.MaxTitleLength, Placeholder = Plain("Payments API returns 502") },
            },
            new
            {
                Type = "input",
                BlockId = "severity",
                Label = Plain("Severity"),
                Element = new
                {
                    Type = "static_select",
                    ActionId = "value",
                    InitialOption = Option("SEV3 · minor customer impact", "sev3"),
                    Options = new[]
                    {
                        Option("SEV1 · critical, customer-facing outage", "sev1"),
                        Option("SEV2 · major impact", "sev2"),
                        Option("SEV3 · minor customer impact", "sev3"),
                        Option("SEV4 · no customer impact", "sev4"),
                    },
                },
            },
            new
            {
                Type = "input",
                BlockId = "flags",
                Optional = true,
                Label = Plain("Options"),
                Element = new
                {
                    Type = "checkboxes",
                    ActionId = "value",
                    Options = new[] { Option("Private (not announced)", "private"), Option("Drill (practice)", "drill") },
                },
            },
        },
    };

    private static object Button(string label, string command) =>
        new { Type = "button", Text = Plain(label), ActionId = CommandActionPrefix + command, Value = command };

    private static object Option(string label, string value) => new { Text = Plain(label), Value = value };

    private static object Plain(string text) => new { Type = "plain_text", Text = text };

    private static object Markdown(string text) => new { Type = "mrkdwn", Text = text };

    private static string Shorten(string text, int max) => IncidentBot.Shorten.ToFit(text, max);
}
