using IncidentBot.Alerts;
using IncidentBot.Api;
using IncidentBot.Hosting;
using IncidentBot.Storage;

var builder = WebApplication.CreateBuilder(args);
builder.UseDefaultAddress();

builder.Services.AddStorage();
builder.Services.AddIncidentApi();
builder.Services.AddAlerts();

var app = builder.Build();
app.MapIncidentBot();
app.MapAlerts();
app.Run();

/// <summary>The entry point, public for the tests' WebApplicationFactory.</summary>
public partial class Program;
