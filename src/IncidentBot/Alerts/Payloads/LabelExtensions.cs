namespace IncidentBot.Alerts.Payloads;

internal static class LabelExtensions
{
    /// <summary>Sets a label when the source gave a value.</summary>
    public static Dictionary<string, string> Put(this Dictionary<string, string> labels, string name, string? value)
    {
        if (value is not null)
        {
            labels[name] = value;
        }

        return labels;
    }
}
