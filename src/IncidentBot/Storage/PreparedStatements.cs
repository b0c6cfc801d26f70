using System.Data.Common;

namespace IncidentBot.Storage;

/// <summary>
/// Statements kept on one connection across its transactions: the writer's hot statements (find an incident, append
/// an entry, queue it for chat) run in every batch, and a command reused keeps its prepared statement, where a new one
/// per call (as Dapper makes) parses the SQL again.
/// </summary>
internal sealed class PreparedStatements(DbConnection connection) : IAsyncDisposable
{
    private readonly Dictionary<string, DbCommand> _commands = new(StringComparer.Ordinal);

    /// <summary>The command for <paramref name="sql"/>, made on first use with one parameter per name, inside <paramref name="transaction"/>.</summary>
    public DbCommand For(string sql, DbTransaction? transaction, params string[] parameters)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = connection.CreateCommand();
            command.CommandText = sql;
            foreach (var name in parameters)
            {
                // Named as written in the SQL, prefix included: SQLite then finds it in one lookup, where a bare name
                // is looked up under each of its three prefixes on every execution.
                var parameter = command.CreateParameter();
                parameter.ParameterName = "@" + name;
                command.Parameters.Add(parameter);
            }

            _commands[sql] = command;
        }

        command.Transaction = transaction;
        return command;
    }

    /// <summary>Sets the parameters in order; null becomes <see cref="DBNull"/>.</summary>
    public static void Bind(DbCommand command, params object?[] values)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(values);
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
            command.Parameters[i].DbType = values[i] switch
            {
                int => System.Data.DbType.Int32,
                long => System.Data.DbType.Int64,
                _ => System.Data.DbType.String,
            };
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var command in _commands.Values)
        {
            await command.DisposeAsync().ConfigureAwait(false);
        }

        _commands.Clear();
    }
}
