namespace IncidentBot.Postmortems;

/// <summary>
/// A sentence the blameless check found: where it is (<c>note by @alice at 13:05 UTC</c>), the sentence, the words
/// that tripped the check and why they blame.
/// </summary>
public sealed record BlameFlag(string Source, string Sentence, string Phrase, string Reason);

/// <summary>A piece of text people wrote during the incident, and where it came from.</summary>
public sealed record Passage(string Source, string Text);
