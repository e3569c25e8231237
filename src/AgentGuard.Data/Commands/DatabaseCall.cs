namespace AgentGuard.Data;

/// <summary>A statement the engine allowed: its event, analysis, the session context and the decision.</summary>
public sealed class DatabaseCall
{
    internal DatabaseCall(SqlStatement statement, GuardContext context, Decision decision)
    {
        Statement = statement;
        Context = context;
        Decision = decision;
    }

    /// <summary>The event the engine decided.</summary>
    public ToolCallEvent Event => Statement.Event;

    /// <summary>What the statement does.</summary>
    public SqlAnalysis Analysis => Statement.Analysis;

    /// <summary>The session context it was decided with.</summary>
    public GuardContext Context { get; }

    /// <summary>The decision (allowed, possibly after approval).</summary>
    public Decision Decision { get; }

    internal SqlStatement Statement { get; }
}
