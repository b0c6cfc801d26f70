using System.Collections.Concurrent;
using System.Net;
using IncidentBot.Hosting;
using IncidentBot.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IncidentBot.Security;

/// <summary>An alert token sent as <c>?token=</c> never reaches a log line, in the message or in its fields.</summary>
public sealed class SecretLoggingTests
{
    private const string Secret = "query-token-9f8e7d6c5b4a";

    [Fact]
    public async Task AQueryTokenIsRedactedInEveryLogLineAndField()
    {
        var folder = Directory.CreateTempSubdirectory("incidentbot-test-").FullName;
        var recorder = new RecordingLoggerProvider();
        var app = BotHost.Build(
        [
            "--urls=http://127.0.0.1:0",
            $"--Storage:ConnectionString=Data Source={Path.Combine(folder, "incidentbot.db")}",
            $"--Postmortems:ExportPath={Path.Combine(folder, "postmortems")}",
            $"--Alerts:generic:Secret={Secret}",
            "--Logging:LogLevel:Default=Information",
            "--Logging:LogLevel:Microsoft.AspNetCore=Information",
        ], builder => builder.Logging.AddProvider(recorder));
        await app.StartAsync();
        try
        {
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            using var client = new HttpClient { BaseAddress = new Uri(address) };
            using var content = new StringContent("""{"title": "Queue backlog", "status": "firing", "fingerprint": "q1"}""", System.Text.Encoding.UTF8, "application/json");

            var response = await client.PostAsync(new Uri($"/webhooks/alerts/generic?source=ci&token={Secret}&api_key={Secret}", UriKind.Relative), content);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            await Wait.Until(() => recorder.Lines.Any(l => l.Message.Contains("Request finished", StringComparison.Ordinal)), "the request's log lines");
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }

        var lines = recorder.Lines.ToList();
        Assert.Contains(lines, l => l.Message.Contains("/webhooks/alerts/generic?source=ci&token=[redacted]&api_key=[redacted]", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Message.Contains(Secret, StringComparison.Ordinal) || l.Fields.Contains(Secret, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("GET http://h/x?token=abc HTTP/1.1", "GET http://h/x?token=[redacted] HTTP/1.1")]
    [InlineData("?a=1&Client_Secret=abc&b=2", "?a=1&Client_Secret=[redacted]&b=2")]
    [InlineData("?signature=v0%3Dabc", "?signature=[redacted]")]
    [InlineData("?service=payments&status=open", "?service=payments&status=open")]
    public void SecretNamedParametersAreMasked(string text, string expected) => Assert.Equal(expected, LogRedaction.Redact(text));

    [Fact]
    public void AppsettingsIsReadFromTheProgramsFolderUnlessAContentRootIsGiven()
    {
        Assert.Equal(AppContext.BaseDirectory, HostingExtensions.ContentRoot([]));
        Assert.Null(HostingExtensions.ContentRoot(["--contentRoot=/srv/bot"]));
    }

    private sealed class RecordingLoggerProvider : ILoggerProvider
    {
        public ConcurrentQueue<(string Message, string Fields)> Lines { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Recorder(Lines);

        public void Dispose()
        {
        }

        private sealed class Recorder(ConcurrentQueue<(string Message, string Fields)> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var fields = state is IEnumerable<KeyValuePair<string, object?>> values ? string.Join('|', values.Select(v => $"{v.Key}={v.Value}")) : "";
                lines.Enqueue((formatter(state, exception), fields));
            }
        }
    }
}
