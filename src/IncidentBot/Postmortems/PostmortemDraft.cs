namespace IncidentBot.Postmortems;

/// <summary>
/// A rendered postmortem of incident <c>Key</c>: its Markdown, the title documents and pages get, the file name stem
/// (<c>INC-42-payments-api-down</c>), the template it came from, how many sentences the blameless check flagged and
/// the language it is written in (<c>en</c>, <c>ja</c>).
/// </summary>
internal sealed record PostmortemDraft(string Key, string Markdown, string Title, string Stem, string Template, int BlameFlags, string Language = "en");
