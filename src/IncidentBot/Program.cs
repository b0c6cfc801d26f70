using IncidentBot.Hosting;

BotHost.Build(args).Run();

/// <summary>The entry point, public for the tests' WebApplicationFactory.</summary>
public partial class Program;
