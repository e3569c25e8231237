namespace AgentGuard.Policies;

/// <summary><c>When.Environments</c>, <c>When.Teams</c>, <c>When.Agents</c>: a session fact must be one of a set.</summary>
internal sealed class ContextValueCondition(ContextValueCondition.Field field, string[] values) : Condition
{
    private string? _evidence;

    public enum Field
    {
        Environment,
        Team,
        Agent,
    }

    /// <summary>Built when first asked for (an operator's trace or a refusal), not for each of a large policy's rules at load.</summary>
    public override string Evidence => _evidence ??= $"{@field switch { Field.Environment => "environment", Field.Team => "team", _ => "agent" }} in [{string.Join(",", values)}]";

    /// <summary>Which session fact the condition reads (for the rule index).</summary>
    public Field Of => @field;

    /// <summary>The values the fact must be one of (for the rule index).</summary>
    public string[] Values => values;

    public override bool IsMet(in EvaluationInput input) => In(
        field switch
        {
            Field.Environment => input.Context.Environment,
            Field.Team => input.Context.Team,
            _ => input.Context.Agent?.Id,
        },
        values);
}
