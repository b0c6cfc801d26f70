namespace IncidentBot.Postmortems;

/// <summary>A postmortem template that does not compile or render, with the template's name and the line when known.</summary>
#pragma warning disable CA1032 // Only built with what makes its message clear.
internal sealed class PostmortemTemplateException(string template, int? line, string problem, Exception inner)
    : Exception(Describe(template, line, problem), inner)
#pragma warning restore CA1032
{
    public string Template { get; } = template;

    public int? Line { get; } = line;

    private static string Describe(string template, int? line, string problem) =>
        $"The postmortem template {template} has an error {(line is { } l ? $"on line {l}" : "(line not known)")}: {problem.TrimEnd('.')}.";
}
