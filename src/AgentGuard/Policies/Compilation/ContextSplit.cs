using System.Collections.Frozen;

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
/// compare ignoring case, as the conditions do.
/// </summary>
internal sealed class ContextSplit
{
    /// <summary>Below this many candidates a plain loop is as fast.</summary>
    private const int MinRules = 8;

    private readonly FrozenDictionary<string, int[]> _buckets;
    private readonly int[] _unconstrained;

    private ContextSplit(ContextDimension dimension, FrozenDictionary<string, int[]> buckets, int[] unconstrained)
    {
        Dimension = dimension;
        _buckets = buckets;
        _unconstrained = unconstrained;
    }

    public ContextDimension Dimension { get; }

    /// <summary>The split that leaves the fewest rules to look at on average; null when none halves the work.</summary>
    public static ContextSplit? Choose(CompiledRule[] rules)
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
            var buckets = new Dictionary<string, List<int>>(StringComparer.OrdinalIgnoreCase);
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
                    if (!buckets.TryGetValue(value, out var bucket))
                    {
                        buckets[value] = bucket = [];
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
                best = new ContextSplit(dimension, buckets.ToFrozenDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.OrdinalIgnoreCase), [.. unconstrained]);
            }
        }

        return best;
    }

    /// <summary>
    /// Writes the positions (in the candidate list) of the rules the call's session can satisfy, in policy order and
    /// without duplicates, into <paramref name="positions"/>; returns how many. When they may not fit, returns the
    /// negative of the length needed and writes nothing usable (call again with that many). Each bucket is looked up once.
    /// </summary>
    public int Collect(GuardContext context, Span<int> positions)
    {
        if (Dimension != ContextDimension.Group)
        {
            var bucket = Bucket(Single(context));
            var needed = _unconstrained.Length + bucket.Length;
            return needed > positions.Length ? -needed : Merge(_unconstrained, bucket, positions);
        }

        var groups = context.User?.Groups;
        int[]? first = null;
        int[]? second = null;
        var matched = 0;
        var upTo = _unconstrained.Length;
        for (var i = 0; i < (groups?.Count ?? 0); i++)
        {
            var bucket = Bucket(groups![i]);
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
            return Merge(_unconstrained, first ?? [], positions);
        }

        // Several groups matched (a rule may sit in more than one): gather, sort, drop repeats.
        _unconstrained.CopyTo(positions);
        var count = _unconstrained.Length;
        if (matched == 2 && first is not null && second is not null)
        {
            first.CopyTo(positions[count..]);
            count += first.Length;
            second.CopyTo(positions[count..]);
            count += second.Length;
        }
        else
        {
            for (var i = 0; i < groups!.Count; i++)
            {
                var bucket = Bucket(groups[i]);
                bucket.CopyTo(positions[count..]);
                count += bucket.Length;
            }
        }

        return SortDistinct(positions[..count]);
    }

    /// <summary>Two ascending lists merged into one, repeats dropped.</summary>
    private static int Merge(int[] first, int[] second, Span<int> into)
    {
        int i = 0, j = 0, count = 0;
        while (i < first.Length || j < second.Length)
        {
            var next = j >= second.Length || (i < first.Length && first[i] <= second[j]) ? first[i++] : second[j++];
            if (count == 0 || into[count - 1] != next)
            {
                into[count++] = next;
            }
        }

        return count;
    }

    private string? Single(GuardContext context) => Dimension switch
    {
        ContextDimension.Team => context.Team,
        ContextDimension.Environment => context.Environment,
        ContextDimension.Agent => context.Agent?.Id,
        _ => context.User?.Id,
    };

    private int[] Bucket(string? value) => value is not null && _buckets.TryGetValue(value, out var bucket) ? bucket : [];

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
}
