using Dapper;
using IncidentBot.Storage;
using Microsoft.Extensions.Options;

namespace IncidentBot.Teams;

/// <summary>
/// The Bot Connector address (<c>serviceUrl</c>) of every Teams conversation, channel and team the bot knows. The writer
/// is looked up when first needed: it depends on the chat platforms (to write outbox rows), and the Teams platform on this.
/// </summary>
internal sealed class TeamsConversations(Database database, IServiceProvider services, IOptions<TeamsOptions> options)
{
    private DatabaseWriter Writer => services.GetRequiredService<DatabaseWriter>();

    /// <summary>Remembers where the activity's conversation, channel and team are reached.</summary>
    public Task RememberAsync(TeamsActivity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var ids = new[] { activity.Conversation?.Id, activity.ChannelData?.Channel?.Id, activity.ChannelData?.Team?.Id }
            .Where(id => !string.IsNullOrEmpty(id)).Distinct().Select(id => id!).ToList();
        return RememberAsync(ids, activity.ServiceUrl!, activity.TenantId, cancellationToken);
    }

    public Task RememberAsync(IReadOnlyList<string> conversationIds, string serviceUrl, string? tenantId, CancellationToken cancellationToken) =>
        Writer.WriteAsync(async (scope, ct) =>
        {
            foreach (var id in conversationIds)
            {
                await scope.Connection.ExecuteAsync(new CommandDefinition("""
                    INSERT INTO teams_conversations (conversation_id, service_url, tenant_id, seen_at) VALUES (@id, @serviceUrl, @tenantId, @now)
                    ON CONFLICT (conversation_id) DO UPDATE SET service_url = excluded.service_url,
                        tenant_id = COALESCE(excluded.tenant_id, tenant_id), seen_at = excluded.seen_at
                    """, new { id, serviceUrl, tenantId, now = scope.Now }, scope.Transaction, cancellationToken: ct)).ConfigureAwait(false);
            }

            return conversationIds.Count;
        }, cancellationToken);

    /// <summary>
    /// The serviceUrl for <paramref name="conversationId"/>; else the latest one heard from the configured tenant; else
    /// the latest heard at all. Null when Teams has never spoken to the bot (the app is not installed yet).
    /// </summary>
    public async Task<string?> ServiceUrlAsync(string? conversationId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ExecuteScalarAsync<string?>(new CommandDefinition("""
            SELECT service_url FROM teams_conversations
            ORDER BY conversation_id = @conversationId DESC, tenant_id = @tenantId DESC, seen_at DESC
            LIMIT 1
            """, new { conversationId = conversationId ?? "", tenantId = options.Value.TenantId }, cancellationToken: cancellationToken))
            .ConfigureAwait(false);
    }
}
