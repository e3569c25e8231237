namespace AgentGuard.Policies;

/// <summary>
/// What a rule asks of the session (<c>When.Teams</c>, <c>When.Environments</c>, <c>When.Agents</c>,
/// <c>When.User.Ids</c>, <c>When.User.Groups</c>) as value numbers (<see cref="ContextValueIds"/>), kept next to the
/// rule's position in the candidate lists so a rule that cannot hold is passed over without reading the rule, its
/// conditions or their values. Up to <see cref="MaxValues"/> values per fact are kept and tested exactly, so a condition
/// made only of such tests (<see cref="Covers"/>) is decided by the gate and not evaluated again; a fact with more
/// values is left to its condition.
/// </summary>
internal readonly struct RuleGate
{
    /// <summary>The most values of one fact a gate tests itself.</summary>
    public const int MaxValues = 2;

    private const int Any = int.MinValue;
    private const int NoSecond = -2;

    private readonly int _team;
    private readonly int _team2;
    private readonly int _environment;
    private readonly int _environment2;
    private readonly int _agent;
    private readonly int _agent2;
    private readonly int _userId;
    private readonly int _userId2;
    private readonly int _group;
    private readonly int _group2;

    private RuleGate(CompiledRule rule, ContextValueIds ids)
    {
        (_team, _team2) = Values(rule, ContextDimension.Team, ids);
        (_environment, _environment2) = Values(rule, ContextDimension.Environment, ids);
        (_agent, _agent2) = Values(rule, ContextDimension.Agent, ids);
        (_userId, _userId2) = Values(rule, ContextDimension.UserId, ids);
        (_group, _group2) = Values(rule, ContextDimension.Group, ids);
    }

    public static RuleGate For(CompiledRule rule, ContextValueIds ids) => new(rule, ids);

    /// <summary>
    /// True when the gate decides <paramref name="condition"/> exactly: a team, environment or agent test, or a user
    /// test of ids and groups only, with at most <see cref="MaxValues"/> values each.
    /// </summary>
    public static bool Covers(Condition condition) => condition switch
    {
        ContextValueCondition values => values.Values.Length <= MaxValues,
        UserCondition user => user.TestsOnlyIdsAndGroups && user.Ids.Length <= MaxValues && user.Groups.Length <= MaxValues,
        _ => false,
    };

    /// <summary>True when the rule asks for any fact the gate tests (a gate worth checking).</summary>
    public bool IsSelective => _team != Any || _environment != Any || _agent != Any || _userId != Any || _group != Any;

    /// <summary>
    /// False when a fact the gate tests has none of the rule's values: the rule cannot hold. True otherwise, and then
    /// every condition <see cref="Covers"/> accepts holds.
    /// </summary>
    public bool Admits(in ContextFacts facts)
        => Holds(_team, _team2, facts.Team)
            && Holds(_environment, _environment2, facts.Environment)
            && Holds(_agent, _agent2, facts.Agent)
            && Holds(_userId, _userId2, facts.UserId)
            && (_group == Any || facts.HasGroup(_group, _group2));

    private static bool Holds(int value, int second, int fact) => value == Any || fact == value || fact == second;

    private static (int First, int Second) Values(CompiledRule rule, ContextDimension dimension, ContextValueIds ids)
        => rule.Requires(dimension) is not { } values || values.Length > MaxValues
            ? (Any, Any)
            : (Id(dimension, values[0], ids), values.Length > 1 ? Id(dimension, values[1], ids) : NoSecond);

    /// <summary>A value's number; every value a rule asks for has one (the numbers are made from the same rules).</summary>
    private static int Id(ContextDimension dimension, string value, ContextValueIds ids)
        => ids.Of(dimension, value) is var id and not ContextValueIds.Unknown ? id : throw new InvalidOperationException($"The value '{value}' has no number in this rule index.");
}
