using System.Collections;
using System.Text.RegularExpressions;

namespace IncidentBot.Hosting;

/// <summary>
/// Keeps secrets sent in query strings (an alert source's <c>?token=</c>, anything named like a key, secret, password
/// or signature) out of every log line. ASP.NET Core logs each request's URL with its query; this wraps the logger
/// factory, so whatever logs it (the host, a library, the bot) and whichever sink writes it (text or JSON), the value
/// is replaced by <c>[redacted]</c> in the message and in the structured fields alike.
/// </summary>
internal static partial class LogRedaction
{
    public const string Mask = "[redacted]";

    /// <summary>Wraps the logger factory the host builds, so that every logger it hands out redacts.</summary>
    public static IServiceCollection AddLogRedaction(this IServiceCollection services)
    {
        services.AddSingleton<ILoggerFactory>(sp => new RedactingLoggerFactory(new LoggerFactory(
            sp.GetServices<ILoggerProvider>(),
            sp.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<LoggerFilterOptions>>(),
            sp.GetService<Microsoft.Extensions.Options.IOptions<LoggerFactoryOptions>>(),
            sp.GetService<IExternalScopeProvider>())));
        return services;
    }

    /// <summary><paramref name="text"/> with the value of every secret-named query parameter masked.</summary>
    public static string Redact(string text) =>
        text.Contains('=', StringComparison.Ordinal) ? SecretParameter().Replace(text, "${name}" + Mask) : text;

    [GeneratedRegex(@"(?<name>[?&;](?:[^=&#\s""']*?)(?:token|secret|password|passwd|pwd|key|signature|sig|auth|credential|code)(?:[^=&#\s""']*)=)[^&#\s""']*",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SecretParameter();

    private sealed class RedactingLoggerFactory(ILoggerFactory inner) : ILoggerFactory
    {
        public ILogger CreateLogger(string categoryName) => new RedactingLogger(inner.CreateLogger(categoryName));

        public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

        public void Dispose() => inner.Dispose();
    }

    private sealed class RedactingLogger(ILogger inner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!inner.IsEnabled(logLevel))
            {
                return;
            }

            if (state is IReadOnlyList<KeyValuePair<string, object?>> values)
            {
                if (!values.Any(v => v.Value is string s && Redact(s) != s))
                {
                    inner.Log(logLevel, eventId, state, exception, formatter);
                    return;
                }

                inner.Log(logLevel, eventId, new Redacted(values, Redact(formatter(state, exception))), exception, static (s, _) => s.ToString());
                return;
            }

            var message = formatter(state, exception);
            var safe = Redact(message);
            if (safe == message)
            {
                inner.Log(logLevel, eventId, state, exception, formatter);
            }
            else
            {
                inner.Log(logLevel, eventId, new Redacted([], safe), exception, static (s, _) => s.ToString());
            }
        }
    }

    /// <summary>A log entry's fields with secrets masked, and its message likewise.</summary>
    private sealed class Redacted(IReadOnlyList<KeyValuePair<string, object?>> values, string message) : IReadOnlyList<KeyValuePair<string, object?>>
    {
        private readonly List<KeyValuePair<string, object?>> _values =
            [.. values.Select(v => v.Value is string s && v.Key != "{OriginalFormat}" ? new KeyValuePair<string, object?>(v.Key, Redact(s)) : v)];

        public KeyValuePair<string, object?> this[int index] => _values[index];

        public int Count => _values.Count;

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => _values.GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString() => message;
    }
}
