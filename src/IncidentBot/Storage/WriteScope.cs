using System.Data.Common;
using IncidentBot.Incidents;

namespace IncidentBot.Storage;

/// <summary>One unit of work inside the writer's transaction: the incident ledger, and the batch's connection for other tables.</summary>
internal sealed record WriteScope(WriteBatch Batch, IIncidentLedger Ledger, DateTimeOffset Now)
{
    public DbConnection Connection => Batch.Connection;

    public DbTransaction Transaction => Batch.Transaction;
}
