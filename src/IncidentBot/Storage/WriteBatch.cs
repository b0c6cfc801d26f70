using System.Data.Common;

namespace IncidentBot.Storage;

/// <summary>
/// One transaction of the writer: its connection, the statements the writer keeps prepared on it, and whether its
/// commit must ring <see cref="CommitSignal"/> (it stored work that someone waits for).
/// </summary>
internal sealed class WriteBatch(DbConnection connection, DbTransaction transaction, PreparedStatements statements)
{
    public DbConnection Connection { get; } = connection;

    public DbTransaction Transaction { get; } = transaction;

    public PreparedStatements Statements { get; } = statements;

    public bool RingsOnCommit { get; private set; }

    /// <summary>Asks for <see cref="CommitSignal"/> to ring once this transaction is committed (and on disk).</summary>
    public void RingOnCommit() => RingsOnCommit = true;
}
