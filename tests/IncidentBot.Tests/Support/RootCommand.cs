using System.Diagnostics;

namespace IncidentBot.Support;

/// <summary>Runs a system command the fault tests need (mount, initdb, pg_ctl), failing the test with what it said.</summary>
public static class RootCommand
{
    /// <summary>Runs <paramref name="file"/> and returns its exit code and what it wrote to stderr.</summary>
    public static (int ExitCode, string Error) Try(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, error.Trim() + output.Result.Trim());
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            return (-1, exception.Message);
        }
    }

    /// <summary>Runs <paramref name="file"/>; a failure fails the test, saying <paramref name="why"/> and what the command said.</summary>
    public static void Run(string why, string file, params string[] arguments)
    {
        var (code, error) = Try(file, arguments);
        if (code != 0)
        {
            throw new InvalidOperationException($"{why}: `{file} {string.Join(' ', arguments)}` exited with {code}: {error}");
        }
    }

    /// <summary>Whether this process runs as root, as CI does.</summary>
    public static bool IsRoot => Environment.UserName == "root" || Try("id", "-u") is (0, "0");
}
