using IncidentBot.Incidents;
using IncidentBot.Timeline;

namespace IncidentBot.Chat;

/// <summary>
/// One timeline entry to carry to one chat platform, with the incident as it is now and its room there (null until
/// the platform has opened one). <see cref="StepsDone"/> counts the calls already made for this entry, so a retried
/// delivery resumes where it stopped instead of posting twice.
/// </summary>
public sealed record Delivery(long Id, Incident Incident, TimelineEntry Entry, Room? Room, int StepsDone);
