namespace AgentGuard.Cli.Replay;

/// <summary>One line of a JSON-lines audit file: the recorded call, its session facts and the decision it got.</summary>
internal sealed record AuditEntry
{
    public required int Line { get; init; }

    public long Sequence { get; init; }

    public DateTimeOffset Time { get; init; }

    public required ToolCallEvent Call { get; init; }

    public required GuardContext Context { get; init; }

    /// <summary>The policy's effect when it was recorded (the enforced one differs in audit mode).</summary>
    public DecisionEffect Decision { get; init; }

    public IReadOnlyList<string> Rules { get; init; } = [];

    public IReadOnlyList<string> Evidence { get; init; } = [];

    public IReadOnlyList<string> Labels { get; init; } = [];

    /// <summary>True when the recorded arguments are incomplete: values redacted, cut, or unreadable.</summary>
    public bool ArgumentsRedacted { get; init; }

    /// <summary>True when the record has no arguments at all (<c>Audit:IncludeArguments</c> was false).</summary>
    public bool ArgumentsMissing { get; init; }
}
