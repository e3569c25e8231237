namespace AgentGuard.Shell;

/// <summary>The outcome of a guarded command line.</summary>
public sealed class ShellRunResult
{
    /// <summary>True when the line was allowed and a process was started.</summary>
    public required bool Ran { get; init; }

    /// <summary>The exit code; <see cref="AgentGuardShellOptions.DeniedExitCode"/> when the line was not run.</summary>
    public required int ExitCode { get; init; }

    /// <summary>Standard output, as the model should see it (redacted when the result hook says so).</summary>
    public required string StandardOutput { get; init; }

    /// <summary>Standard error (redacted when the result hook says so); the model-safe denial message when not run.</summary>
    public required string StandardError { get; init; }

    /// <summary>True when the timeout killed the command.</summary>
    public bool TimedOut { get; init; }

    /// <summary>True when output was cut at <see cref="AgentGuardShellOptions.MaxOutputChars"/>.</summary>
    public bool Truncated { get; init; }

    /// <summary>The decision for the line: the first denial if any command was denied, otherwise an allow.</summary>
    public required Decision Decision { get; init; }

    /// <summary>What the line was found to contain.</summary>
    public required ShellAnalysis Analysis { get; init; }

    /// <summary>True when policy stopped the line.</summary>
    public bool Denied => !Ran;
}

/// <summary>The decision for a command line, without running it.</summary>
public sealed class ShellCheckResult
{
    /// <summary>The decision for the line: deny beats approval beats allow across its commands.</summary>
    public required Decision Decision { get; init; }

    /// <summary>What the line was found to contain.</summary>
    public required ShellAnalysis Analysis { get; init; }

    /// <summary>The engine's decision for each command of <see cref="ShellAnalysis.Commands"/>, in order.</summary>
    public required IReadOnlyList<Decision> CommandDecisions { get; init; }

    /// <summary>The events the engine saw, one per command.</summary>
    public required IReadOnlyList<ToolCallEvent> Events { get; init; }
}
