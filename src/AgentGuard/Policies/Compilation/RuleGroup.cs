using System.Runtime.CompilerServices;

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
    /// <param name="index">The index the rules come from: their gates and the numbers of the values they ask for.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public RuleGroup(CompiledRule[] rules, int[] orders, RuleIndex index)
    {
        Rules = rules;
        Orders = orders;
        var gates = Array.ConvertAll(orders, index.GateAt);
        if (!Array.Exists(gates, g => g.IsSelective))
        {
            return;
        }

        // Gates are kept even for a few rules: when another group makes the call's facts worth working out, they spare
        // reading these rules and the conditions the gates decide.
        _gates = gates;
        if (rules.Length >= MinGatedRules)
        {
            Split = ContextSplit.Choose(rules, gates, index.Ids);
            IsNarrowed = true;
        }
    }

    /// <summary>The rules, in policy order.</summary>
    public CompiledRule[] Rules { get; }

    /// <summary>Each rule's position in the policy.</summary>
    public int[] Orders { get; }

    /// <summary>The split of <see cref="Rules"/> by a session fact; null when too few rules to be worth one.</summary>
    public ContextSplit? Split { get; }

    /// <summary>True when the rules are enough, and ask enough of the session, that working out the call's facts pays.</summary>
    public bool IsNarrowed { get; }

    /// <summary>
    /// Writes the positions (in <see cref="Rules"/>) of the rules the call's session can satisfy, ascending, into
    /// <paramref name="positions"/>; returns how many, or the negative of the length needed when they may not fit. Every
    /// rule written was admitted by its gate (or asks nothing the gate tests): only its
    /// <see cref="CompiledRule.ConditionsBeyondGate"/> are left to evaluate.
    /// </summary>
    public int Collect(in ContextFacts facts, Span<int> positions)
    {
        if (Split is { } split)
        {
            return split.Collect(in facts, positions);
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
