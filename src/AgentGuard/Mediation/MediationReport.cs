namespace AgentGuard;

/// <summary>What the host can use tools through, what covers each path, and how many executions went unmediated.</summary>
/// <param name="Paths">Every tool-use path found.</param>
/// <param name="UnmediatedExecutions">Tool executions seen at run time that no AgentGuard decision preceded.</param>
public sealed record MediationReport(IReadOnlyList<MediationPath> Paths, long UnmediatedExecutions)
{
    /// <summary>The paths calls can take around AgentGuard.</summary>
    public IReadOnlyList<MediationPath> Unmediated => [.. Paths.Where(p => p.Covered == false)];

    /// <summary>The paths whose coverage no probe could tell.</summary>
    public IReadOnlyList<MediationPath> Unknown => [.. Paths.Where(p => p.Covered is null)];

    /// <summary>True when every path is covered and no execution went unmediated.</summary>
    public bool IsFullyMediated => Paths.All(p => p.Covered == true) && UnmediatedExecutions == 0;

    /// <inheritdoc />
    public override string ToString()
        => string.Join(Environment.NewLine, Paths.Select(p => $"{p.Kind} '{p.Name}': {(p.Covered switch { true => "covered", false => "NOT COVERED", _ => "unknown" })} ({p.Detail})"))
            + $"{Environment.NewLine}unmediated tool executions: {UnmediatedExecutions}";
}
