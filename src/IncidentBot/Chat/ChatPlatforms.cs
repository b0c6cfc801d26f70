using IncidentBot.Chat;

namespace IncidentBot.Chat;

/// <summary>The chat platforms switched on by configuration.</summary>
internal sealed class ChatPlatforms(IEnumerable<IChatPlatform> platforms)
{
    public IReadOnlyList<IChatPlatform> All { get; } = [.. platforms];

    public IChatPlatform? Find(string name) => All.FirstOrDefault(p => p.Name == name);
}
