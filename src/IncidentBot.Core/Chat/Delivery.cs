using IncidentBot.Incidents;
using IncidentBot.Timeline;

namespace IncidentBot.Chat;

/// <summary>
/// One timeline entry to carry to one chat platform, with the incident as it is now and its room there (null until
/// the platform has opened one). <see cref="StepsDone"/> counts the calls already made for this entry, so a retried
/// delivery resumes where it stopped instead of posting twice; inside a step it is that step's own index.
/// <see cref="Retried"/>: an earlier run may have made this step's call without recording it (it failed or died
/// mid-call), so a step that posts first checks whether its message is there already.
/// </summary>
public sealed record Delivery(long Id, Incident Incident, TimelineEntry Entry, Room? Room, int StepsDone, bool Retried = false);
