namespace AgentGuard.Policies;

/// <summary>
/// A call's session facts (team, environment, agent, user id, groups) as the numbers <see cref="ContextValueIds"/>
/// gives the values rules ask for (<see cref="ContextValueIds.Unknown"/> for a value no rule names, or none), for
/// <see cref="RuleGate"/> and <see cref="ContextSplit"/>. Worked out once per call, only when its candidates are narrowed.
/// </summary>
internal readonly struct ContextFacts
{
    private const int InlineGroups = 4;
    private readonly int _group0;
    private readonly int _group1;
    private readonly int _group2;
    private readonly int _group3;
    private readonly int[]? _moreGroups;

    private ContextFacts(int team, int environment, int agent, int userId, int groupCount, int group0, int group1, int group2, int group3, int[]? moreGroups)
    {
        Team = team;
        Environment = environment;
        Agent = agent;
        UserId = userId;
        GroupCount = groupCount;
        _group0 = group0;
        _group1 = group1;
        _group2 = group2;
        _group3 = group3;
        _moreGroups = moreGroups;
    }

    public int Team { get; }

    public int Environment { get; }

    public int Agent { get; }

    public int UserId { get; }

    /// <summary>How many of the user's groups some rule names (each counted once).</summary>
    public int GroupCount { get; }

    /// <summary>The <paramref name="i"/>th group some rule names.</summary>
    public int Group(int i) => i switch
    {
        0 => _group0,
        1 => _group1,
        2 => _group2,
        3 => _group3,
        _ => _moreGroups![i - InlineGroups],
    };

    /// <summary>True when the user is in group <paramref name="first"/> or <paramref name="second"/>.</summary>
    public bool HasGroup(int first, int second)
    {
        for (var i = 0; i < GroupCount; i++)
        {
            var group = Group(i);
            if (group == first || group == second)
            {
                return true;
            }
        }

        return false;
    }

    public static ContextFacts Of(GuardContext context, ContextValueIds ids)
    {
        var user = context.User;
        int count = 0, g0 = 0, g1 = 0, g2 = 0, g3 = 0;
        List<int>? more = null;
        if (user is not null && ids.Asks(ContextDimension.Group))
        {
            var groups = user.Groups;
            for (var i = 0; i < groups.Count; i++)
            {
                var id = ids.Of(ContextDimension.Group, groups[i]);
                if (id == ContextValueIds.Unknown || Seen(id))
                {
                    continue;
                }

                switch (count++)
                {
                    case 0:
                        g0 = id;
                        break;
                    case 1:
                        g1 = id;
                        break;
                    case 2:
                        g2 = id;
                        break;
                    case 3:
                        g3 = id;
                        break;
                    default:
                        (more ??= []).Add(id);
                        break;
                }
            }
        }

        return new ContextFacts(
            ids.Of(ContextDimension.Team, context.Team),
            ids.Of(ContextDimension.Environment, context.Environment),
            ids.Of(ContextDimension.Agent, context.Agent?.Id),
            ids.Of(ContextDimension.UserId, user?.Id),
            count,
            g0,
            g1,
            g2,
            g3,
            more?.ToArray());

        bool Seen(int id)
            => (count > 0 && g0 == id) || (count > 1 && g1 == id) || (count > 2 && g2 == id) || (count > 3 && g3 == id) || (more is not null && more.Contains(id));
    }
}
