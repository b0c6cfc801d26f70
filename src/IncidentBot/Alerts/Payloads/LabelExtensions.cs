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

    /// <summary>Adds each <c>key:value</c> tag as a label (the first value of a key wins); tags without a key are skipped.</summary>
    public static Dictionary<string, string> PutTags(this Dictionary<string, string> labels, IEnumerable<string> tags)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(tags);
        foreach (var tag in tags)
        {
            var colon = tag.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                labels.TryAdd(tag[..colon], tag[(colon + 1)..]);
            }
        }

        return labels;
    }
}
