using Microsoft.Win32.SafeHandles;

namespace IncidentBot.Support;

/// <summary>
/// A small file system of a test's own (a tmpfs) that the test can fill up, free, and make read-only and writable
/// again. Mounting needs root, as CI runs the tests; without it the test fails and says so, it is never skipped.
/// </summary>
public sealed class Tmpfs : IDisposable
{
    private readonly string _filler;

    private Tmpfs(string path)
    {
        Path = path;
        _filler = System.IO.Path.Combine(path, "filler");
    }

    public string Path { get; }

    public static Tmpfs Mount(int megabytes)
    {
        var path = Directory.CreateTempSubdirectory("incidentbot-tmpfs-").FullName;
        RootCommand.Run(
            $"This test mounts a {megabytes} MB tmpfs to fill it up or make it read-only, which needs root (CI runs the tests as root)",
            "mount", "-t", "tmpfs", "-o", $"size={megabytes}m,mode=0755", "tmpfs", path);
        return new Tmpfs(path);
    }

    /// <summary>Writes a file until the file system has not one byte left.</summary>
    public void Fill()
    {
        using var handle = File.OpenHandle(_filler, FileMode.Create, FileAccess.Write);
        var chunk = new byte[1024 * 1024];
        for (var size = chunk.Length; size > 0; size /= 2)
        {
            while (TryWrite(handle, chunk.AsSpan(0, size)))
            {
            }
        }
    }

    /// <summary>Deletes what <see cref="Fill"/> wrote.</summary>
    public void Free() => File.Delete(_filler);

    public void MakeReadOnly() => RootCommand.Run("Remounting the test's tmpfs read-only", "mount", "-o", "remount,ro", Path);

    public void MakeWritable() => RootCommand.Run("Remounting the test's tmpfs writable", "mount", "-o", "remount,rw", Path);

    public void Dispose()
    {
        if (RootCommand.Try("umount", Path).ExitCode != 0)
        {
            RootCommand.Try("umount", "-l", Path);
        }

        Directory.Delete(Path, recursive: true);
    }

    private static bool TryWrite(SafeFileHandle handle, ReadOnlySpan<byte> bytes)
    {
        try
        {
            RandomAccess.Write(handle, bytes, RandomAccess.GetLength(handle));
            return true;
        }
        catch (IOException)
        {
            return false;
        }
    }
}
