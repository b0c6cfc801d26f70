namespace IncidentBot.Incidents;

/// <summary>How bad an incident is: SEV1 is a critical, customer-facing outage; SEV4 is minor.</summary>
public enum Severity
{
    Sev1 = 1,
    Sev2 = 2,
    Sev3 = 3,
    Sev4 = 4,
}

public static class SeverityText
{
    /// <summary>The label people type and read: <c>SEV1</c> … <c>SEV4</c>.</summary>
    public static string Label(this Severity severity) => "SEV" + (int)severity;

    /// <summary>Accepts <c>1</c>, <c>sev1</c> and <c>SEV1</c>.</summary>
    public static bool TryParse(string? text, out Severity severity)
    {
        severity = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var digits = text.Trim();
        if (digits.StartsWith("sev", StringComparison.OrdinalIgnoreCase))
        {
            digits = digits[3..];
        }

        if (digits.Length == 1 && digits[0] is >= '1' and <= '4')
        {
            severity = (Severity)(digits[0] - '0');
            return true;
        }

        return false;
    }
}
