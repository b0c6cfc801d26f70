using System.Collections.Concurrent;
using Dapper;
using IncidentBot.Storage;
using Microsoft.Extensions.Options;

namespace IncidentBot.Teams;

/// <summary>
/// The Bot Connector address (<c>serviceUrl</c>) of every Teams conversation, channel and team the bot knows. The writer
/// is looked up when first needed: it depends on the chat platforms (to write outbox rows), and the Teams platform on this.
/// Every activity carries its serviceUrl, which almost never changes: an address already stored is written again only
/// when it changes, or once <see cref="Refresh"/> has passed (which keeps "the latest heard" true to that much).
/// </summary>
internal sealed class TeamsConversations(Database database, IServiceProvider services, IOptions<TeamsOptions> options, TimeProvider time)
{
    /// <summary>How long an address stored unchanged goes without being written again.</summary>
    public static readonly TimeSpan Refresh = TimeSpan.FromMinutes(10);

    private readonly ConcurrentDictionary<string, (string ServiceUrl, string? TenantId, DateTimeOffset At)> _stored = new(StringComparer.Ordinal);

    private DatabaseWriter Writer => services.GetRequiredService<DatabaseWriter>();

    /// <summary>Remembers where the activity's conversation, channel and team are reached.</summary>
    public Task RememberAsync(TeamsActivity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var ids = new[] { activity.Conversation?.Id, activity.ChannelData?.Channel?.Id, activity.ChannelData?.Team?.Id }
            .Where(id => !string.IsNullOrEmpty(id)).Distinct().Select(id => id!).ToList();
        return RememberAsync(ids, activity.ServiceUrl!, activity.TenantId, cancellationToken);
    }

    public async Task RememberAsync(IReadOnlyList<string> conversationIds, string serviceUrl, string? tenantId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversationIds);
        var now = time.GetUtcNow();
        var changed = conversationIds.Where(id => !_stored.TryGetValue(id, out var stored) ||
            stored.ServiceUrl != serviceUrl || stored.TenantId != tenantId || now - stored.At >= Refresh).ToList();
        if (changed.Count == 0)
        {
            return;
        }

        await WriteAsync(changed, serviceUrl, tenantId, cancellationToken).ConfigureAwait(false);
        foreach (var id in changed)
        {
            _stored[id] = (serviceUrl, tenantId, now);
        }
    }

    private Task<int> WriteAsync(List<string> conversationIds, string serviceUrl, string? tenantId, CancellationToken cancellationToken) =>
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
