using IncidentBot.Api;
using IncidentBot.Hosting;
using IncidentBot.Storage;
using IncidentBot.Summaries;

var builder = WebApplication.CreateBuilder(args);
builder.UseDefaultAddress();

builder.Services.AddStorage();
builder.Services.AddIncidentApi();
builder.Services.AddSummaries();

var app = builder.Build();
app.MapIncidentBot();
app.Run();

/// <summary>The entry point, public for the tests' WebApplicationFactory.</summary>
public partial class Program;
