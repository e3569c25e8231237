namespace AgentGuard.Infrastructure;

/// <summary>
/// Why one call got its decision: how the call was classified, every configured rule with each part of its match and
/// each condition met or not, and the precedence that produced the final <see cref="Decision"/>.
/// Produced by <see cref="PolicyWorkbench.ExplainAsync"/>, off the decision path.
/// </summary>
public sealed record PolicyExplanation
{
    /// <summary>The tool.</summary>
    public required string ToolName { get; init; }

    /// <summary>The kind of tool use.</summary>
    public required ToolKind Kind { get; init; }

    /// <summary>The tool's source, if any.</summary>
    public string? Source { get; init; }

    /// <summary>The effective tags: configured for the tool, carried by the event, added by classifiers.</summary>
    public required IReadOnlyList<string> Tags { get; init; }

    /// <summary>The effective risk.</summary>
    public required RiskLevel Risk { get; init; }

    /// <summary>Every configured rule, in configuration order.</summary>
    public required IReadOnlyList<RuleTrace> Rules { get; init; }

    /// <summary>The decision the engine made (the same call through the same engine).</summary>
    public required Decision Decision { get; init; }

    /// <summary>How the precedence combined the contributions, in words.</summary>
    public required string Precedence { get; init; }
}
