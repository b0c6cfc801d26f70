using IncidentBot.Api;
using IncidentBot.Hosting;
using IncidentBot.Postmortems;
using IncidentBot.Storage;

var builder = WebApplication.CreateBuilder(args);
builder.UseDefaultAddress();

builder.Services.AddStorage();
builder.Services.AddIncidentApi();
builder.Services.AddPostmortems();

var app = builder.Build();
app.MapIncidentBot();
app.MapPostmortems();
app.Run();

/// <summary>The entry point, public for the tests' WebApplicationFactory.</summary>
public partial class Program;
