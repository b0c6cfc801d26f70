using System.Data.Common;
using IncidentBot.Incidents;

namespace IncidentBot.Storage;

/// <summary>One unit of work inside the writer's transaction: the incident ledger, and the connection for other tables.</summary>
internal sealed record WriteScope(DbConnection Connection, DbTransaction Transaction, IIncidentLedger Ledger, DateTimeOffset Now);
