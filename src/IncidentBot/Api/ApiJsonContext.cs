using System.Text.Json;
using System.Text.Json.Serialization;
using IncidentBot.Alerts;

namespace IncidentBot.Api;

/// <summary>
/// The JSON the API reads and writes, generated at build time: requests are read and answers written without
/// reflection (the same names and shapes as the web defaults give). Other types fall back to the reflection-based
/// resolver behind it.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(CommandRequest))]
[JsonSerializable(typeof(DeclareRequest))]
[JsonSerializable(typeof(CommandResultJson))]
[JsonSerializable(typeof(IncidentJson))]
[JsonSerializable(typeof(IReadOnlyList<IncidentJson>))]
[JsonSerializable(typeof(IncidentDetailJson))]
[JsonSerializable(typeof(IReadOnlyList<TimelineEntryJson>))]
[JsonSerializable(typeof(AlertReceiptJson))]
internal sealed partial class ApiJsonContext : JsonSerializerContext;
