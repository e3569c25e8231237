namespace AgentGuard.Shell.Execution;

/// <summary>
/// Finds the bash that runs guarded lines. The analyser reads lines with bash's semantics, so only bash may run them:
/// a configured <see cref="AgentGuardShellOptions.ShellPath"/> must be a bash, and without one the usual places and
/// <c>PATH</c> are searched.
/// </summary>
internal static class BashLocator
{
    private static readonly string[] WellKnown = ["/bin/bash", "/usr/bin/bash", "/usr/local/bin/bash", "/opt/homebrew/bin/bash"];

    /// <summary>The full path of the bash to run, or an error that names what is wrong and how to fix it.</summary>
    public static (string? Path, string? Error) Locate(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            if (!string.Equals(Path.GetFileName(configured), "bash", StringComparison.Ordinal))
            {
                return (null, $"AgentGuard:Shell:ShellPath is '{configured}', but the analyser understands bash only: set it to a bash executable (e.g. /bin/bash) or remove it.");
            }

            return File.Exists(configured) ? (configured, null) : (null, $"AgentGuard:Shell:ShellPath '{configured}' does not exist: install bash or point ShellPath at it.");
        }

        foreach (var candidate in WellKnown)
        {
            if (File.Exists(candidate))
            {
                return (candidate, null);
            }
        }

        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(directory, "bash");
            if (Path.IsPathRooted(candidate) && File.Exists(candidate))
            {
                return (candidate, null);
            }
        }

        return (null, "bash was not found (looked in /bin, /usr/bin, /usr/local/bin, /opt/homebrew/bin and PATH): the guarded shell runs lines with bash only; install it or set AgentGuard:Shell:ShellPath.");
    }
}
