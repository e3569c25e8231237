namespace AgentGuard.Shell;

/// <summary>Per-call settings of <see cref="IGuardedShell.RunAsync"/>.</summary>
public sealed class ShellRunOptions
{
    /// <summary>The working directory; the process's current directory when null.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>Overrides <see cref="AgentGuardShellOptions.Timeout"/> for this call.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Environment variables to set (a null value removes the variable).</summary>
    public IReadOnlyDictionary<string, string?>? Environment { get; init; }

    /// <summary>Text written to the command's standard input.</summary>
    public string? StandardInput { get; init; }

    /// <summary>The tool call id of the line (e.g. the model's id for the shell tool call); generated when null.</summary>
    public string? CallId { get; init; }

    /// <summary>Session facts the caller knows; the ambient <see cref="AgentGuardScope"/>, providers and defaults fill the rest.</summary>
    public GuardContext? Context { get; init; }
}
