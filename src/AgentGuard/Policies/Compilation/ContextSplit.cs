using System.Collections.Frozen;
using System.Runtime.CompilerServices;

namespace AgentGuard.Policies;

/// <summary>A session fact rules are indexed by: what <c>When.Teams</c>, <c>When.Environments</c>, <c>When.Agents</c> and <c>When.User</c> test.</summary>
internal enum ContextDimension
{
    Team,
    Environment,
    Agent,
    UserId,
    Group,
}

/// <summary>
/// A candidate list split by the one session fact that narrows it most: per value of the fact, the rules that require
/// it, plus the rules that do not care. A call then looks only at the rules its own value (or, for groups, any of its
/// groups) can satisfy; the rules' conditions still decide, so the split only skips rules that cannot hold. Values
/// compare ignoring case, as the conditions do (by their <see cref="ContextValueIds"/> numbers). Each position is stored
/// with its rule's <see cref="RuleGate"/>, so the rules whose other facts cannot hold are dropped while the lists are
/// merged, without reading the rules.
/// </summary>
internal sealed class ContextSplit
{
    /// <summary>Below this many candidates a plain loop is as fast.</summary>
    private const int MinRules = 8;

    private readonly FrozenDictionary<int, Entry[]> _buckets;
    private readonly Entry[] _unconstrained;

    private ContextSplit(ContextDimension dimension, FrozenDictionary<int, Entry[]> buckets, Entry[] unconstrained)
    {
        Dimension = dimension;
        _buckets = buckets;
        _unconstrained = unconstrained;
    }

    public ContextDimension Dimension { get; }

    /// <summary>The split that leaves the fewest rules to look at on average; null when none halves the work.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static ContextSplit? Choose(CompiledRule[] rules, RuleGate[] gates, ContextValueIds ids)
    {
        if (rules.Length < MinRules)
        {
            return null;
        }

        ContextSplit? best = null;
        var bestCost = rules.Length / 2.0;
        foreach (var dimension in Enum.GetValues<ContextDimension>())
        {
            var unconstrained = new List<int>();
            var buckets = new Dictionary<int, List<int>>();
            var entries = 0;
            for (var i = 0; i < rules.Length; i++)
            {
                if (rules[i].Requires(dimension) is not { } values)
                {
                    unconstrained.Add(i);
                    continue;
                }

                foreach (var value in values)
                {
                    var id = ids.Of(dimension, value);
                    if (!buckets.TryGetValue(id, out var bucket))
                    {
                        buckets[id] = bucket = [];
                    }

                    // A rule naming the same value twice (in any case) is in its bucket once.
                    if (bucket.Count == 0 || bucket[^1] != i)
                    {
                        bucket.Add(i);
                        entries++;
                    }
                }
            }

            if (buckets.Count == 0)
            {
                continue;
            }

            // A user has several groups, so a group split looks at several buckets.
            var cost = unconstrained.Count + (entries / (double)buckets.Count * (dimension == ContextDimension.Group ? 3 : 1));
            if (cost < bestCost)
            {
                bestCost = cost;
                best = new ContextSplit(dimension, buckets.ToFrozenDictionary(p => p.Key, p => Entries(p.Value, gates)), Entries(unconstrained, gates));
            }
        }

        return best;
    }

    /// <summary>
    /// Writes the positions (in the candidate list) of the rules the call's session can satisfy, in policy order and
    /// without duplicates, into <paramref name="positions"/>; returns how many. Rules whose gate does not admit
    /// <paramref name="facts"/> are left out. When they may not fit, returns the negative of the length needed and writes
    /// nothing usable (call again with that many). Each bucket is looked up once.
    /// </summary>
    public int Collect(in ContextFacts facts, Span<int> positions)
    {
        if (Dimension != ContextDimension.Group)
        {
            var bucket = Bucket(Single(in facts));
            var needed = _unconstrained.Length + bucket.Length;
            return needed > positions.Length ? -needed : Merge(_unconstrained, bucket, in facts, positions);
        }

        Entry[]? first = null;
        Entry[]? second = null;
        var matched = 0;
        var upTo = _unconstrained.Length;
        for (var i = 0; i < facts.GroupCount; i++)
        {
            var bucket = Bucket(facts.Group(i));
            if (bucket.Length > 0)
            {
                if (matched == 0)
                {
                    first = bucket;
                }
                else if (matched == 1)
                {
                    second = bucket;
                }

                matched++;
                upTo += bucket.Length;
            }
        }

        if (upTo > positions.Length)
        {
            return -upTo;
        }

        if (matched <= 1)
        {
            return Merge(_unconstrained, first ?? [], in facts, positions);
        }

        // Several groups matched (a rule may sit in more than one): gather, sort, drop repeats.
        var count = Admitted(_unconstrained, in facts, positions);
        if (matched == 2 && first is not null && second is not null)
        {
            count += Admitted(first, in facts, positions[count..]);
            count += Admitted(second, in facts, positions[count..]);
        }
        else
        {
            for (var i = 0; i < facts.GroupCount; i++)
            {
                count += Admitted(Bucket(facts.Group(i)), in facts, positions[count..]);
            }
        }

        return SortDistinct(positions[..count]);
    }

    /// <summary>Two lists ascending by position merged into one, repeats and rules the gate does not admit dropped.</summary>
    private static int Merge(Entry[] first, Entry[] second, in ContextFacts facts, Span<int> into)
    {
        int i = 0, j = 0, count = 0, last = -1;
        while (i < first.Length || j < second.Length)
        {
            ref readonly var next = ref j >= second.Length || (i < first.Length && first[i].Position <= second[j].Position) ? ref first[i++] : ref second[j++];
            if (next.Position != last && next.Gate.Admits(in facts))
            {
                into[count++] = last = next.Position;
            }
        }

        return count;
    }

    /// <summary>The positions of the entries the gate admits, in their order.</summary>
    private static int Admitted(Entry[] entries, in ContextFacts facts, Span<int> into)
    {
        var count = 0;
        foreach (ref readonly var entry in entries.AsSpan())
        {
            if (entry.Gate.Admits(in facts))
            {
                into[count++] = entry.Position;
            }
        }

        return count;
    }

    private static Entry[] Entries(List<int> positions, RuleGate[] gates)
    {
        var entries = new Entry[positions.Count];
        for (var i = 0; i < entries.Length; i++)
        {
            entries[i] = new Entry(positions[i], gates[positions[i]]);
        }

        return entries;
    }

    private int Single(in ContextFacts facts) => Dimension switch
    {
        ContextDimension.Team => facts.Team,
        ContextDimension.Environment => facts.Environment,
        ContextDimension.Agent => facts.Agent,
        _ => facts.UserId,
    };

    private Entry[] Bucket(int value) => value != ContextValueIds.Unknown && _buckets.TryGetValue(value, out var bucket) ? bucket : [];

    private static int SortDistinct(Span<int> positions)
    {
        positions.Sort();
        var count = 0;
        for (var i = 0; i < positions.Length; i++)
        {
            if (count == 0 || positions[count - 1] != positions[i])
            {
                positions[count++] = positions[i];
            }
        }

        return count;
    }

    /// <summary>A rule's position in the candidate list and its gate, side by side so a merge reads one array.</summary>
    private readonly record struct Entry(int Position, RuleGate Gate);
}
