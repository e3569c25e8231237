using System.Runtime.CompilerServices;

namespace AgentGuard.Policies;

/// <summary>
/// What a decision made by rules alone depends on, within one <see cref="CandidateSet"/> (which fixes the tool and its
/// tags): the effect, whether an alert was raised, and the deciding rules in order (up to <see cref="MaxRules"/>; more
/// are not cached). No rules: the policy's default decided.
/// </summary>
internal readonly struct DecisionKey : IEquatable<DecisionKey>, IInlineKey<DecisionKey>
{
    /// <summary>Deciding rules a key holds inline (a call allowed by several broad rules at once is decided by a few).</summary>
    public const int MaxRules = InlineRules.Length;

    private readonly InlineRules _rules;

    public DecisionKey(DecisionEffect effect, bool alert, int count, in InlineRules rules)
    {
        Effect = effect;
        Alert = alert;
        Count = count;
        _rules = rules;
    }

    public DecisionEffect Effect { get; }

    public bool Alert { get; }

    public int Count { get; }

    public bool Equals(DecisionKey other) => SameAs(in other);

    public bool SameAs(in DecisionKey other)
    {
        if (Effect != other.Effect || Alert != other.Alert || Count != other.Count)
        {
            return false;
        }

        for (var i = 0; i < Count; i++)
        {
            if (!ReferenceEquals(_rules[i], other._rules[i]))
            {
                return false;
            }
        }

        return true;
    }

    public override bool Equals(object? obj) => obj is DecisionKey other && Equals(other);

    public override int GetHashCode() => Hash();

    /// <summary>The effect, alert, number of rules and the first rule's identity (equal keys share them all).</summary>
    public int Hash() => HashCode.Combine(Effect, Alert, Count, Count == 0 ? 0 : RuntimeHelpers.GetHashCode(_rules[0]!));
}

/// <summary>Up to eight rules held inline, in a struct (no array): the deciding rules of a call and of a cached decision's key.</summary>
[InlineArray(Length)]
internal struct InlineRules
{
    public const int Length = 8;

    private CompiledRule? _rule;
}
