using IncidentBot.Incidents;

namespace IncidentBot;

public class CoreBoundaryTests
{
    [Fact]
    public void CoreReferencesNoIoLibrary()
    {
        string[] forbidden = ["System.Net.Http", "Microsoft.Data.Sqlite", "Dapper", "Microsoft.AspNetCore", "OpenAI", "Npgsql", "System.Net.Sockets"];

        var references = typeof(Incident).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.DoesNotContain(references, name => forbidden.Any(f => name.StartsWith(f, StringComparison.Ordinal)));
    }
}
