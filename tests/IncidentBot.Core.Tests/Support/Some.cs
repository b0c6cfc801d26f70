using IncidentBot.Incidents;

namespace IncidentBot.Support;

/// <summary>Throwaway values for tests.</summary>
public static class Some
{
    public static readonly DateTimeOffset Noon = new(2025, 3, 4, 12, 0, 0, TimeSpan.Zero);

    public static Incident Incident(IncidentStatus status = IncidentStatus.Investigating, Severity severity = Severity.Sev2)
    {
        var (incident, _) = Incidents.Incident.Declare(7, new Declaration("Payments API down", severity), "alice", Noon);
        switch (status)
        {
            case IncidentStatus.Resolved:
                incident.Resolve(null, "alice", Noon.AddMinutes(30));
                break;
            case IncidentStatus.Investigating:
                break;
            default:
                incident.ChangeStatus(status, "alice", Noon.AddMinutes(5));
                break;
        }

        return incident;
    }
}
