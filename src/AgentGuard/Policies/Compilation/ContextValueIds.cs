using System.Collections.Frozen;
using System.Runtime.CompilerServices;

namespace AgentGuard.Policies;

/// <summary>
/// A number for every session value the rules of one index ask for, per fact (teams, environments, agents, user ids,
/// groups), values equal ignoring case sharing one, as the conditions compare them. A call's facts are looked up once
/// (<see cref="Facts"/>); the gates and splits then compare numbers instead of strings. A fact no rule asks about is
/// not looked up at all.
/// </summary>
internal sealed class ContextValueIds
{
    /// <summary>The number of a value no rule asks for, or of no value: it equals no rule's.</summary>
    public const int Unknown = -1;

    private readonly FrozenDictionary<string, int>?[] _ids;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public ContextValueIds(IEnumerable<CompiledRule> rules)
    {
        var dimensions = Enum.GetValues<ContextDimension>();
        var ids = new Dictionary<string, int>?[dimensions.Length];
        foreach (var rule in rules)
        {
            foreach (var dimension in dimensions)
            {
                foreach (var value in rule.Requires(dimension) ?? [])
                {
                    var map = ids[(int)dimension] ??= new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);

                    // A copy: the values a call is looked up against then sit together in memory, not spread over the rules.
                    if (!map.ContainsKey(value))
                    {
                        map.Add(new string(value), map.Count);
                    }
                }
            }
        }

        _ids = Array.ConvertAll(ids, map => map?.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>The number of <paramref name="value"/> of <paramref name="dimension"/>, or <see cref="Unknown"/>.</summary>
    public int Of(ContextDimension dimension, string? value)
        => value is not null && _ids[(int)dimension] is { } map && map.TryGetValue(value, out var id) ? id : Unknown;

    /// <summary>True when some rule asks about <paramref name="dimension"/>.</summary>
    public bool Asks(ContextDimension dimension) => _ids[(int)dimension] is not null;

    /// <summary>The call's session facts as numbers.</summary>
    public ContextFacts Facts(GuardContext context) => ContextFacts.Of(context, this);
}
