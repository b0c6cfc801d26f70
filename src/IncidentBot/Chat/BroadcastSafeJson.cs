using System.Text.Json;
using System.Text.Json.Serialization;

namespace IncidentBot.Chat;

/// <summary>
/// JSON for what the bot sends to a chat platform: every string written goes through
/// <see cref="ChatText.Neutralise"/>, whatever field it lands in (a message, a block, a card, a topic, a channel
/// description), so no path to Slack or Teams can carry a live broadcast mention. Reading is unchanged.
/// </summary>
internal static class BroadcastSafeJson
{
    public static JsonSerializerOptions For(JsonSerializerOptions options) => new(options) { Converters = { new NeutralisingConverter() } };

    private sealed class NeutralisingConverter : JsonConverter<string>
    {
        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetString();

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) =>
            writer.WriteStringValue(ChatText.Neutralise(value));
    }
}
