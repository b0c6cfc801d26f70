using System.Globalization;
using System.Text.Json;
using IncidentBot.Jobs;
using IncidentBot.Storage;
using IncidentBot.Timeline;

namespace IncidentBot.Chat;

/// <summary>
/// Runs <c>chat.deliver</c> jobs: carries one timeline entry to one platform, with the incident as it is now and its
/// room. The platform's steps record themselves on the job, so a retry, or another instance taking the job over,
/// resumes at the first step not done; a step that may have been tried before checks before it posts again.
/// </summary>
internal sealed class ChatDelivery(ChatPlatforms platforms, IncidentQueries queries, RoomStore rooms) : IJobHandler
{
    public const string JobKind = "chat.deliver";

    public string Kind => JobKind;

    public static JobRequest Request(string platform, TimelineEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var id = entry.Id.ToString(CultureInfo.InvariantCulture);
        return new JobRequest(
            JobKind,
            $$"""{"platform":"{{platform}}","entry":{{id}}}""",
            Key: $"chat:{platform}:{id}",
            Lane: $"chat:{platform}:{entry.IncidentNumber.ToString(CultureInfo.InvariantCulture)}");
    }

    public async Task RunAsync(JobContext job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        var payload = JsonSerializer.Deserialize<Payload>(job.Payload, JsonSerializerOptions.Web)
            ?? throw new JsonException("A chat delivery without a payload.");
        var platform = platforms.Find(payload.Platform)
            ?? throw new ChatDeliveryException($"The chat platform {payload.Platform} is off.", refused: true);
        var entry = await queries.EntryAsync(payload.Entry, cancellationToken).ConfigureAwait(false)
            ?? throw new ChatDeliveryException($"Timeline entry {payload.Entry} is not stored.", refused: true);
        var incident = await queries.FindAsync(entry.IncidentNumber, cancellationToken).ConfigureAwait(false)
            ?? throw new ChatDeliveryException($"INC-{entry.IncidentNumber} is not stored.", refused: true);
        var room = await rooms.FindAsync(incident.Number, platform.Name, cancellationToken).ConfigureAwait(false);
        var delivery = new Delivery(job.Job.Id, incident, entry, room, job.Job.Progress, Retried: job.Job.Runs > 1);
        await platform.DeliverAsync(delivery, new Progress(job, rooms), cancellationToken).ConfigureAwait(false);
    }

    private sealed record Payload(string Platform, long Entry);

    private sealed class Progress(JobContext job, RoomStore rooms) : IDeliveryProgress
    {
        public Task StepDoneAsync(int stepsDone, CancellationToken cancellationToken) => job.StepDoneAsync(stepsDone, cancellationToken);

        public Task RoomOpenedAsync(Room room, CancellationToken cancellationToken) => rooms.SaveAsync(room, cancellationToken);
    }
}
