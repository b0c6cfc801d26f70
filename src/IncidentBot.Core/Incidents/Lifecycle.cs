namespace IncidentBot.Incidents;

/// <summary>
/// The status rule in one place: any move among investigating, identified and monitoring;
/// <c>resolved</c> only through <c>resolve</c>; out of <c>resolved</c> only through <c>reopen</c>.
/// </summary>
public static class Lifecycle
{
    /// <summary>The named transitions a status can be the target of.</summary>
    public enum Move
    {
        SetStatus,
        Resolve,
        Reopen,
    }

    /// <summary>Returns null when the move is allowed, else the sentence to show the person who asked.</summary>
    public static string? Refusal(IncidentStatus from, Move move, IncidentStatus to) => (from, move, to) switch
    {
        (IncidentStatus.Resolved, Move.SetStatus, _) =>
            $"The incident is resolved; `reopen` it before moving it to {to.Name()}.",
        (_, Move.SetStatus, IncidentStatus.Resolved) => "Use `resolve` to resolve the incident.",
        (_, Move.SetStatus, _) when from == to => $"The incident is already {to.Name()}.",
        (_, Move.SetStatus, _) => null,
        (IncidentStatus.Resolved, Move.Resolve, _) => "The incident is already resolved.",
        (_, Move.Resolve, IncidentStatus.Resolved) => null,
        (IncidentStatus.Resolved, Move.Reopen, IncidentStatus.Investigating) => null,
        (_, Move.Reopen, _) => $"The incident is {from.Name()}, not resolved: there is nothing to reopen.",
        _ => $"The incident cannot move from {from.Name()} to {to.Name()}.",
    };
}
