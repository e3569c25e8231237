using System.Diagnostics;

namespace AgentGuard.Shell.Execution;

/// <summary>
/// Builds the process for an allowed line so that what runs is what was analysed: the parsed argv without a shell
/// when the line is one plain command, otherwise <c>bash -c line</c> with the variables that would make bash run other
/// code at start-up removed from its environment.
/// </summary>
internal static class ShellProcessStart
{
    /// <summary>
    /// Variables bash reads at start-up that change what a line does: a file it sources (<c>BASH_ENV</c>, <c>ENV</c>),
    /// options (<c>SHELLOPTS</c>, <c>BASHOPTS</c>, e.g. <c>xpg_echo</c>), where <c>cd</c> goes (<c>CDPATH</c>), which
    /// names globs skip (<c>GLOBIGNORE</c>); exported functions (<c>BASH_FUNC_name%%</c>) are removed by prefix.
    /// </summary>
    internal static readonly string[] StrippedVariables = ["BASH_ENV", "ENV", "SHELLOPTS", "BASHOPTS", "CDPATH", "GLOBIGNORE", "PROMPT_COMMAND", "PS4"];

    private const string ExportedFunctionPrefix = "BASH_FUNC_";

    public static ProcessStartInfo Create(ShellAnalysis analysis, string commandLine, ShellRunOptions? options, string bashPath)
    {
        ProcessStartInfo startInfo;
        if (analysis.DirectArgv is { } argv)
        {
            startInfo = new ProcessStartInfo(ResolveProgram(argv[0], options?.Environment));
            for (var i = 1; i < argv.Count; i++)
            {
                startInfo.ArgumentList.Add(argv[i]);
            }
        }
        else
        {
            startInfo = new ProcessStartInfo(bashPath);
            startInfo.ArgumentList.Add("--noprofile");
            startInfo.ArgumentList.Add("--norc");
            startInfo.ArgumentList.Add("-c");
            startInfo.ArgumentList.Add(commandLine);
        }

        if (options?.WorkingDirectory is { } directory)
        {
            startInfo.WorkingDirectory = directory;
        }

        if (options?.Environment is { } environment)
        {
            foreach (var (name, value) in environment)
            {
                if (value is null)
                {
                    startInfo.Environment.Remove(name);
                }
                else
                {
                    startInfo.Environment[name] = value;
                }
            }
        }

        foreach (var name in StrippedVariables)
        {
            startInfo.Environment.Remove(name);
        }

        foreach (var name in startInfo.Environment.Keys.Where(k => k.StartsWith(ExportedFunctionPrefix, StringComparison.Ordinal)).ToList())
        {
            startInfo.Environment.Remove(name);
        }

        return startInfo;
    }

    /// <summary>Finds a program name in the PATH the process will get (the caller's, when it sets one), as bash would.</summary>
    private static string ResolveProgram(string program, IReadOnlyDictionary<string, string?>? environment)
    {
        if (program.Contains('/', StringComparison.Ordinal))
        {
            return program;
        }

        var path = environment is not null && environment.TryGetValue("PATH", out var configured) ? configured : Environment.GetEnvironmentVariable("PATH");
        foreach (var directory in (path ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(directory, program);
            if (Path.IsPathRooted(candidate) && File.Exists(candidate))
            {
                return candidate;
            }
        }

        return program;
    }
}
