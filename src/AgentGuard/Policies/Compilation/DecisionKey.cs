using System.Runtime.CompilerServices;

namespace AgentGuard.Policies;

/// <summary>
/// What a decision made by rules alone depends on, within one <see cref="CandidateSet"/> (which fixes the tool and its
/// tags): the effect, whether an alert was raised, and the deciding rules in order (up to four; more are not cached).
/// No rules: the policy's default decided.
/// </summary>
internal readonly struct DecisionKey(DecisionEffect effect, bool alert, int count, CompiledRule? first, CompiledRule? second, CompiledRule? third, CompiledRule? fourth) : IEquatable<DecisionKey>
{
    public const int MaxRules = 4;

    public DecisionEffect Effect { get; } = effect;

    public bool Alert { get; } = alert;

    public int Count { get; } = count;

    public CompiledRule? First { get; } = first;

    public CompiledRule? Second { get; } = second;

    public CompiledRule? Third { get; } = third;

    public CompiledRule? Fourth { get; } = fourth;

    public bool Equals(DecisionKey other)
        => Effect == other.Effect && Alert == other.Alert && Count == other.Count
            && ReferenceEquals(First, other.First) && ReferenceEquals(Second, other.Second)
            && ReferenceEquals(Third, other.Third) && ReferenceEquals(Fourth, other.Fourth);

    public override bool Equals(object? obj) => obj is DecisionKey other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(
        Effect,
        Alert,
        Count,
        First is null ? 0 : RuntimeHelpers.GetHashCode(First),
        Second is null ? 0 : RuntimeHelpers.GetHashCode(Second),
        Third is null ? 0 : RuntimeHelpers.GetHashCode(Third),
        Fourth is null ? 0 : RuntimeHelpers.GetHashCode(Fourth));
}
