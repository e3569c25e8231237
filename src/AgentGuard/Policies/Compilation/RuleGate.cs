namespace AgentGuard.Policies;

/// <summary>
/// What a rule asks of the session (its <c>When.Teams</c>, <c>When.Environments</c>, <c>When.Agents</c>,
/// <c>When.User.Ids</c> and <c>When.User.Groups</c>) folded into one word per fact, kept next to the rule's position in
/// the candidate lists so a rule that cannot hold is passed over without reading the rule, its conditions or their
/// values. A filter only: it never admits fewer calls than the conditions do (equal values share their bit), may admit
/// more (values sharing a bit), and the conditions still decide every rule it admits.
/// </summary>
internal readonly struct RuleGate
{
    /// <summary>A gate every call passes.</summary>
    public static readonly RuleGate Open = new(ContextFacts.Any, ContextFacts.Any, ContextFacts.Any, ContextFacts.Any, ContextFacts.Any);

    private readonly uint _team;
    private readonly uint _environment;
    private readonly uint _agent;
    private readonly uint _userId;
    private readonly uint _groups;

    private RuleGate(uint team, uint environment, uint agent, uint userId, uint groups)
    {
        _team = team;
        _environment = environment;
        _agent = agent;
        _userId = userId;
        _groups = groups;
    }

    public static RuleGate For(CompiledRule rule) => new(
        Mask(rule.Requires(ContextDimension.Team)),
        Mask(rule.Requires(ContextDimension.Environment)),
        Mask(rule.Requires(ContextDimension.Agent)),
        Mask(rule.Requires(ContextDimension.UserId)),
        Mask(rule.Requires(ContextDimension.Group)));

    /// <summary>True unless a fact the rule constrains has none of the rule's values (then the rule cannot hold).</summary>
    public bool Admits(in ContextFacts facts)
        => (_team & facts.Team) != 0
            && (_environment & facts.Environment) != 0
            && (_agent & facts.Agent) != 0
            && (_userId & facts.UserId) != 0
            && (_groups & facts.Groups) != 0;

    /// <summary>True when the rule constrains any fact (a gate worth checking).</summary>
    public bool IsSelective => (_team & _environment & _agent & _userId & _groups) != ContextFacts.Any;

    private static uint Mask(string[]? values)
    {
        if (values is null)
        {
            return ContextFacts.Any;
        }

        var mask = 0u;
        foreach (var value in values)
        {
            mask |= ContextFacts.Bit(value);
        }

        return mask;
    }
}
