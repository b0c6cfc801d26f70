using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace IncidentBot.Postmortems;

/// <summary>
/// Writes a draft to the export folder as <c>INC-42-title.md</c>, <c>.html</c> and <c>.docx</c>. A file that changed since
/// IncidentBot wrote it (or that IncidentBot never wrote) belongs to people now: it is kept, and the draft goes to
/// <c>INC-42-title.v3.md</c> beside it, numbered by draft version.
/// </summary>
internal sealed class FolderExport(IOptions<PostmortemOptions> options)
{
    public string Folder { get; } = Path.GetFullPath(options.Value.ExportPath);

    /// <summary>Writes one format; <paramref name="lastHashWrittenTo"/> answers what we last wrote to a path, null when nothing.</summary>
    public async Task<ExportedFile> WriteAsync(
        string stem, string format, byte[] content, int version, Func<string, Task<string?>> lastHashWrittenTo, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lastHashWrittenTo);
        Directory.CreateDirectory(Folder);
        var canonical = Path.Combine(Folder, $"{stem}.{format}");
        var target = canonical;
        var kept = false;
        if (File.Exists(canonical))
        {
            var ours = await lastHashWrittenTo(canonical).ConfigureAwait(false);
            if (ours is null || !string.Equals(ours, await HashFileAsync(canonical, cancellationToken).ConfigureAwait(false), StringComparison.Ordinal))
            {
                target = Path.Combine(Folder, $"{stem}.v{version}.{format}");
                kept = true;
            }
        }

        // Write beside, then move: a reader never sees half a file.
        var partial = target + ".partial";
        await File.WriteAllBytesAsync(partial, content, cancellationToken).ConfigureAwait(false);
        File.Move(partial, target, overwrite: true);
        return new ExportedFile(format, target, Hash(content), kept ? canonical : null);
    }

    public static string Hash(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    private static async Task<string> HashFileAsync(string file, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(file);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken).ConfigureAwait(false));
    }
}
