using System.Text.Json;

namespace IncidentBot.Teams;

/// <summary>The fields we read of a Bot Framework activity (camelCase on the wire).</summary>
internal sealed record TeamsActivity(
    string? Type,
    string? Id,
    string? Name,
    string? ServiceUrl,
    string? ChannelId,
    TeamsActivity.Account? From,
    TeamsActivity.Account? Recipient,
    TeamsActivity.Thread? Conversation,
    string? Text,
    IReadOnlyList<TeamsActivity.Entity>? Entities,
    JsonElement? Value,
    TeamsActivity.Data? ChannelData,
    IReadOnlyList<TeamsActivity.Account>? MembersAdded,
    string? Locale = null)
{
    internal sealed record Account(string? Id, string? Name);

    internal sealed record Thread(string? Id, string? TenantId);

    internal sealed record Entity(string? Type, string? Text, Account? Mentioned);

    internal sealed record Data(Named? Tenant, Named? Team, Named? Channel);

    internal sealed record Named(string? Id);

    public string? TenantId => ChannelData?.Tenant?.Id ?? Conversation?.TenantId;
}
