using System.Globalization;
using System.Text;
using IncidentBot.Commands;
using IncidentBot.Incidents;
using IncidentBot.Timeline;

namespace IncidentBot.Summaries;

/// <summary>The catch-up as posted: the bot's own heading and state line, who wrote the body, then the body.</summary>
public static class SummaryText
{
    public static string Compose(SummaryRequest request, string source, string body)
    {
        ArgumentNullException.ThrowIfNull(request);
        var incident = request.Incident;
        var text = new StringBuilder();
        text.Append(Conversation.CatchUpPrefix).Append(incident.Number.ToString(CultureInfo.InvariantCulture)).Append(": ")
            .Append(Conversation.Clean(incident.Title)).Append('\n')
            .Append(incident.Severity.Label()).Append(" · ").Append(incident.Status.Name())
            .Append(" · declared ").Append(Instants.Humanize(request.Now - incident.DeclaredAt)).Append(" ago")
            .Append(incident.IsDrill ? " · DRILL" : "").Append('\n')
            .Append(CultureInfo.InvariantCulture, $"{source} · from {request.Timeline.Count} timeline entries and {request.Messages.Count} room messages\n\n")
            .Append(body.Trim()).Append("\n\n")
            .Append(IncidentCommands.DurationLine(incident)).Append('\n');
        return text.ToString();
    }
}
