using IncidentBot.Hosting;
using IncidentBot.Storage;

if (args is ["copy-database", ..])
{
    return await DatabaseCopy.RunAsync(args[1..], Console.Out);
}

await BotHost.Build(args).RunAsync();
return 0;

/// <summary>The entry point, public for the tests' WebApplicationFactory.</summary>
public partial class Program;
