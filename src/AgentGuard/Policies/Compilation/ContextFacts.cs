namespace AgentGuard.Policies;

/// <summary>
/// A call's session facts (team, environment, agent, user id, groups) as bits, for <see cref="RuleGate"/>: each value
/// sets the bit its case-insensitive hash picks, and every fact also carries <see cref="Any"/>. Computed once per call,
/// only when its candidates are gated. Values equal ignoring case hash alike, so they always share their bit.
/// </summary>
internal readonly struct ContextFacts
{
    /// <summary>The bit every call has: a rule that does not constrain a fact asks only for it.</summary>
    public const uint Any = 1u << 31;

    private ContextFacts(uint team, uint environment, uint agent, uint userId, uint groups)
    {
        Team = team;
        Environment = environment;
        Agent = agent;
        UserId = userId;
        Groups = groups;
    }

    public uint Team { get; }

    public uint Environment { get; }

    public uint Agent { get; }

    public uint UserId { get; }

    public uint Groups { get; }

    public static ContextFacts Of(GuardContext context)
    {
        var user = context.User;
        var groups = Any;
        if (user is not null)
        {
            var list = user.Groups;
            for (var i = 0; i < list.Count; i++)
            {
                groups |= Bit(list[i]);
            }
        }

        return new ContextFacts(Any | Bit(context.Team), Any | Bit(context.Environment), Any | Bit(context.Agent?.Id), Any | Bit(user?.Id), groups);
    }

    /// <summary>The bit of one value (0 for none: a rule asking for a value never admits a call without one).</summary>
    public static uint Bit(string? value)
        => value is null ? 0 : 1u << (int)((uint)StringComparer.OrdinalIgnoreCase.GetHashCode(value) % 31);
}
