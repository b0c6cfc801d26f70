using Microsoft.Data.Sqlite;

namespace IncidentBot.Support;

/// <summary>Reads a test's database directly, read-only, to check what a request stored.</summary>
public static class DatabaseQuery
{
    public static async Task<long> CountAsync(BotApp app, string sql)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var connection = new SqliteConnection($"Data Source={app.DatabaseFile};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
