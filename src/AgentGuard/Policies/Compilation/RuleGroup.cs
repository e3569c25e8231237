namespace AgentGuard.Policies;

/// <summary>
/// Rules that may apply to a call, in policy order, with what makes looking at them cheap: each rule's
/// <see cref="RuleGate"/> and, when there are enough of them, a split by the session fact that narrows them most.
/// Immutable; shared by every call that reaches it.
/// </summary>
internal sealed class RuleGroup
{
    /// <summary>Below this many rules reading them costs less than working out the call's facts.</summary>
    private const int MinGatedRules = 8;

    private readonly RuleGate[]? _gates;

    /// <param name="rules">The rules, in policy order.</param>
    /// <param name="orders">Each rule's position in the policy (ascending), to merge groups in policy order.</param>
    public RuleGroup(CompiledRule[] rules, int[] orders)
    {
        Rules = rules;
        Orders = orders;
        if (rules.Length < MinGatedRules)
        {
            return;
        }

        var gates = Array.ConvertAll(rules, RuleGate.For);
        Split = ContextSplit.Choose(rules, gates);
        if (Split is null && Array.Exists(gates, g => g.IsSelective))
        {
            _gates = gates;
        }
    }

    /// <summary>The rules, in policy order.</summary>
    public CompiledRule[] Rules { get; }

    /// <summary>Each rule's position in the policy.</summary>
    public int[] Orders { get; }

    /// <summary>The split of <see cref="Rules"/> by a session fact; null when too few rules to be worth one.</summary>
    public ContextSplit? Split { get; }

    /// <summary>True when the call's session facts narrow which rules are looked at.</summary>
    public bool IsNarrowed => Split is not null || _gates is not null;

    /// <summary>
    /// Writes the positions (in <see cref="Rules"/>) of the rules the call's session can satisfy, ascending, into
    /// <paramref name="positions"/>; returns how many, or the negative of the length needed when they may not fit.
    /// </summary>
    public int Collect(GuardContext context, in ContextFacts facts, Span<int> positions)
    {
        if (Split is { } split)
        {
            return split.Collect(context, in facts, positions);
        }

        if (Rules.Length > positions.Length)
        {
            return -Rules.Length;
        }

        var count = 0;
        for (var i = 0; i < Rules.Length; i++)
        {
            if (_gates is null || _gates[i].Admits(in facts))
            {
                positions[count++] = i;
            }
        }

        return count;
    }
}
