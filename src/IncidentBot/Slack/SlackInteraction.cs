using System.Text.Json;

namespace IncidentBot.Slack;

/// <summary>The fields we read of Slack's interaction payloads: modal submissions, message shortcuts and buttons.</summary>
internal sealed record SlackInteraction(
    string? Type,
    string? CallbackId,
    string? TriggerId,
    string? ResponseUrl,
    SlackInteraction.Party? User,
    SlackInteraction.Party? Channel,
    SlackInteraction.Posted? Message,
    SlackInteraction.Modal? View,
    IReadOnlyList<SlackInteraction.Pressed>? Actions,
    SlackInteraction.Place? Container)
{
    internal sealed record Party(string? Id, string? Name, string? Username);

    internal sealed record Posted(string? Ts, string? User, string? Text);

    internal sealed record Modal(string? CallbackId, string? PrivateMetadata, ModalState? State);

    internal sealed record ModalState(Dictionary<string, Dictionary<string, JsonElement>>? Values);

    internal sealed record Pressed(string? ActionId, string? Value);

    internal sealed record Place(string? ChannelId);

    /// <summary>The value of input block <paramref name="blockId"/>, element <c>value</c>: text, a selected option, or checked options.</summary>
    public IReadOnlyList<string> Input(string blockId)
    {
        if (View?.State?.Values is not { } values || !values.TryGetValue(blockId, out var block) || !block.TryGetValue("value", out var element))
        {
            return [];
        }

        if (element.TryGetProperty("value", out var text) && text.ValueKind == JsonValueKind.String)
        {
            return [text.GetString()!];
        }

        if (element.TryGetProperty("selected_option", out var option) && option.ValueKind == JsonValueKind.Object)
        {
            return [option.GetProperty("value").GetString()!];
        }

        if (element.TryGetProperty("selected_options", out var options) && options.ValueKind == JsonValueKind.Array)
        {
            return [.. options.EnumerateArray().Select(o => o.GetProperty("value").GetString()!)];
        }

        return [];
    }
}
