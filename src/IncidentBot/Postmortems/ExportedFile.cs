namespace IncidentBot.Postmortems;

/// <summary>A file written; <see cref="KeptEdited"/> is the file people edited, left as it was, when there is one.</summary>
internal sealed record ExportedFile(string Format, string Path, string Hash, string? KeptEdited);
