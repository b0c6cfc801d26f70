namespace IncidentBot.Summaries;

/// <summary>Which section of a catch-up a sentence belongs to.</summary>
public enum Facet
{
    None,
    Broken,
    Impact,
    Tried,
    Decision,
    Hypothesis,
    Question,
    NextStep,
}
