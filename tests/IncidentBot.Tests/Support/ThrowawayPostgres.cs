using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace IncidentBot.Support;

/// <summary>
/// A PostgreSQL server of a test's own, as ./test.sh starts one: a fresh data directory, trust auth on 127.0.0.1, a
/// free port. The test may stop and start it without disturbing any other test. As root (CI) it runs as the postgres
/// user; without the server binaries the test fails and says so.
/// </summary>
public sealed class ThrowawayPostgres : IDisposable
{
    private readonly string _bin;
    private readonly string _folder;
    private readonly int _port;
    private readonly string[] _asPostgres;

    private ThrowawayPostgres(string bin, string folder, int port, string[] asPostgres)
    {
        _bin = bin;
        _folder = folder;
        _port = port;
        _asPostgres = asPostgres;
    }

    public string ConnectionString => $"Host=127.0.0.1;Port={_port};Username=postgres;Database=postgres;Pooling=true";

    public static ThrowawayPostgres Start()
    {
        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(v => System.IO.Path.Combine(v, "bin"))
                .Where(b => File.Exists(System.IO.Path.Combine(b, "initdb"))).OrderBy(b => b, StringComparer.Ordinal).LastOrDefault()
            : null;
        if (bin is null)
        {
            throw new InvalidOperationException("This test starts a PostgreSQL of its own and needs its server binaries in /usr/lib/postgresql/*/bin: run ./test.sh, which installs them.");
        }

        var folder = Directory.CreateTempSubdirectory("incidentbot-pg-").FullName;
        string[] asPostgres = RootCommand.IsRoot ? ["runuser", "-u", "postgres", "--"] : [];
        if (RootCommand.IsRoot)
        {
            RootCommand.Run("Handing the throwaway PostgreSQL's folder to the postgres user", "chown", "postgres", folder);
        }

        var server = new ThrowawayPostgres(bin, folder, FreePort(), asPostgres);
        server.As("Creating a throwaway PostgreSQL", "initdb", "-D", server.Data, "-U", "postgres", "--auth=trust", "-E", "UTF8");
        server.Resume();
        return server;
    }

    private string Data => System.IO.Path.Combine(_folder, "data");

    /// <summary>Stops the server as an operator would, disconnecting every session.</summary>
    public void Stop() => As("Stopping the throwaway PostgreSQL", "pg_ctl", "-D", Data, "-m", "fast", "-w", "stop");

    /// <summary>Starts it again on the same port and data.</summary>
    public void Resume() => As("Starting the throwaway PostgreSQL", "pg_ctl", "-D", Data, "-l", System.IO.Path.Combine(_folder, "log"), "-w", "-o",
        $"-p {_port} -k {_folder} -c listen_addresses=127.0.0.1 -c max_connections=100 -c fsync=on", "start");

    public async Task<List<string>> TextsAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionString) { Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var texts = new List<string>();
        while (await reader.ReadAsync())
        {
            texts.Add(reader.GetString(0));
        }

        return texts;
    }

    public void Dispose()
    {
        TryAs("pg_ctl", "-D", Data, "-m", "immediate", "stop");
        Directory.Delete(_folder, recursive: true);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void As(string why, string tool, params string[] arguments)
    {
        var (code, error) = TryAs(tool, arguments);
        if (code != 0)
        {
            throw new InvalidOperationException($"{why}: {tool} exited with {code}: {error}");
        }
    }

    private (int ExitCode, string Error) TryAs(string tool, params string[] arguments)
    {
        var path = System.IO.Path.Combine(_bin, tool);
        return _asPostgres.Length == 0
            ? RootCommand.Try(path, arguments)
            : RootCommand.Try(_asPostgres[0], [.. _asPostgres.Skip(1), path, .. arguments]);
    }
}
