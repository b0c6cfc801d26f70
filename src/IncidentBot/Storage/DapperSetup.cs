using System.Data;
using System.Globalization;
using Dapper;
using IncidentBot.Timeline;

namespace IncidentBot.Storage;

/// <summary>Dapper settings, registered once per process.</summary>
internal static class DapperSetup
{
    private static readonly Lock Gate = new();
    private static volatile bool _done;

    /// <summary>Returns once the settings are in place, also to a caller that came while another was registering them.</summary>
    public static void EnsureConfigured()
    {
        if (_done)
        {
            return;
        }

        lock (Gate)
        {
            if (!_done)
            {
                Configure();
                _done = true;
            }
        }
    }

    private static void Configure()
    {
        DefaultTypeMap.MatchNamesWithUnderscores = true;

        // Dapper maps DateTimeOffset parameters itself unless told not to, and each provider would then write its
        // own format (SQLite text with a space and trimmed fractions, PostgreSQL timestamptz). Removing the built-in
        // mapping lets the handler below write one ISO-8601 text everywhere.
        SqlMapper.RemoveTypeMap(typeof(DateTimeOffset));
        SqlMapper.RemoveTypeMap(typeof(DateTimeOffset?));
        SqlMapper.RemoveTypeMap(typeof(DateOnly));
        SqlMapper.RemoveTypeMap(typeof(DateOnly?));
        SqlMapper.AddTypeHandler(new InstantHandler());
        SqlMapper.AddTypeHandler(new DateOnlyHandler());
    }

    /// <summary>Instants travel as ISO-8601 UTC text with milliseconds, so they sort and compare as text.</summary>
    private sealed class InstantHandler : SqlMapper.TypeHandler<DateTimeOffset>
    {
        public override void SetValue(IDbDataParameter parameter, DateTimeOffset value)
        {
            parameter.DbType = DbType.String;
            parameter.Value = Instants.Format(value);
        }

        public override DateTimeOffset Parse(object value) => value switch
        {
            string text => Instants.Parse(text),
            DateTime dateTime => new DateTimeOffset(DateTime.SpecifyKind(dateTime, DateTimeKind.Utc)),
            DateTimeOffset instant => instant.ToUniversalTime(),
            _ => throw new DataException($"Cannot read an instant from {value.GetType().Name}."),
        };
    }

    private sealed class DateOnlyHandler : SqlMapper.TypeHandler<DateOnly>
    {
        public override void SetValue(IDbDataParameter parameter, DateOnly value)
        {
            parameter.DbType = DbType.String;
            parameter.Value = value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        public override DateOnly Parse(object value) => value switch
        {
            string text => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            DateOnly date => date,
            DateTime dateTime => DateOnly.FromDateTime(dateTime),
            _ => throw new DataException($"Cannot read a date from {value.GetType().Name}."),
        };
    }
}
