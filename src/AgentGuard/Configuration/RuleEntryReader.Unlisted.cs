using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Configuration;

namespace AgentGuard.Policies;

internal sealed partial class RuleEntryReader
{
    /// <summary>Key counts of the layouts kept (<see cref="_layouts"/>), largest first: the order a reading without counts tries them in.</summary>
    private readonly List<int> _sizes = [];

    /// <summary>The keys of the layout being checked by <see cref="NothingBeyond"/>.</summary>
    private readonly HashSet<RuleKey> _inLayout = [];

    /// <summary>Per key, the key of the next list position (<see cref="NextPosition"/>).</summary>
    private readonly Dictionary<RuleKey, RuleKey?> _next = [];

    /// <summary>
    /// Reads the list at <paramref name="path"/> without listing its keys. A listing scans every key a provider holds
    /// and sorts the ones below the list (for a big policy the costliest step of its load, and at start-up the sort's
    /// comparer runs unoptimised); instead, entries <c>0</c>, <c>1</c>, … are looked up by name (<see cref="FindUnlisted"/>)
    /// until an entry has no key in any provider. Each look-up is of a distinct key, so what was found is exactly the
    /// list when, in every provider, as many keys were found as the section's listing counts below the list
    /// (<see cref="Unlisted.Covers"/>). A map's entries, a key no setting has, a gap in the positions, a position
    /// written otherwise (<c>01</c>) or a setting that an entry adds to the layout of an earlier one and that no earlier
    /// entry had leave keys unfound: the caller then reads the list the listed way (<see cref="Read"/>), as fast as
    /// before this reading was tried beside the section's listing.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Unlisted ReadUnlisted(IConfigurationProvider[] providers, string path, ConfigurationShape rules)
    {
        var reader = new RuleEntryReader(providers, rules.Items!);
        var found = new int[providers.Length];
        for (var p = 0; p < providers.Length; p++)
        {
            // The list's own key (an empty list is a key with no value) is one of the keys the listing counts.
            found[p] = providers[p].TryGet(path, out _) ? 1 : 0;
        }

        var entries = new List<(int Index, RuleOptions? Bound, ConfigurationSnapshot? Copied)>();
        for (var index = 0; ; index++)
        {
            var key = index.ToString(CultureInfo.InvariantCulture);
            var entryPath = string.Concat(path, ":", key);
            if (!reader.FindAll(entryPath, found))
            {
                return new Unlisted(entries, found);
            }

            var (bound, copied) = reader.Bind(entryPath, key);
            entries.Add((index, bound, copied));
        }
    }

    /// <summary>Finds the entry's keys in every provider into <see cref="_merged"/> (<see cref="FindUnlisted"/>); counts them per provider into <paramref name="found"/>; false when there is none.</summary>
    private bool FindAll(string entryPath, int[] found)
    {
        _merged.Clear();
        var any = false;
        for (var p = 0; p < _providers.Length; p++)
        {
            var here = FindUnlisted(_providers[p], entryPath);
            if (here == 0)
            {
                continue;
            }

            any = true;
            found[p] += here;
            Merge();
        }

        return any;
    }

    /// <summary>
    /// Finds one provider's keys under the entry into <see cref="_found"/> and returns how many, without knowing how many
    /// it holds: a layout of the entries before (the largest first) whose keys are all there, when no other key of those
    /// layouts and no next position of its lists is there too; otherwise every setting of the shape, which records a
    /// layout. A key beyond all of them (a setting no entry before had) is not found, and the counts disagree.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int FindUnlisted(IConfigurationProvider provider, string entryPath)
    {
        for (var s = 0; s < _sizes.Count; s++)
        {
            var layouts = _layouts[_sizes[s]];
            for (var i = 0; i < layouts.Count && i < MostTried; i++)
            {
                if (!TryLayout(provider, entryPath, layouts[i]))
                {
                    continue;
                }

                if (!NothingBeyond(provider, entryPath, layouts[i]))
                {
                    return ProbeAll(provider, entryPath);
                }

                if (i > 0)
                {
                    var hit = layouts[i];
                    layouts.RemoveAt(i);
                    layouts.Insert(0, hit);
                }

                return _found.Count;
            }
        }

        return ProbeAll(provider, entryPath);
    }

    /// <summary>Looks up every setting of the shape under the entry into <see cref="_found"/>, and records what it finds as a layout.</summary>
    private int ProbeAll(IConfigurationProvider provider, string entryPath)
    {
        var remaining = int.MaxValue;
        var here = Probe(provider, entryPath, ref remaining);
        if (here > 0)
        {
            LearnProbed(entryPath);
        }

        return here;
    }

    /// <summary>
    /// True when the entry holds no key of the layouts kept that <paramref name="layout"/> lacks, nor the next position
    /// of any list item <paramref name="layout"/> holds (where entries of one layout differ most: a longer list).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool NothingBeyond(IConfigurationProvider provider, string entryPath, RuleKey[] layout)
    {
        _inLayout.Clear();
        foreach (var key in layout)
        {
            _inLayout.Add(key);
        }

        foreach (var (key, holding) in _layoutsHolding)
        {
            if (holding > 0 && !_inLayout.Contains(key) && provider.TryGet(key.In(entryPath), out _))
            {
                return false;
            }
        }

        foreach (var key in layout)
        {
            if (NextPosition(key) is { } next && !_inLayout.Contains(next) && _layoutsHolding.GetValueOrDefault(next) == 0 && provider.TryGet(next.In(entryPath), out _))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The key of the next list position after <paramref name="key"/> (<c>Match:Tools:1</c> after <c>Match:Tools:0</c>), or null when its last segment is no position.</summary>
    private RuleKey? NextPosition(RuleKey key)
    {
        if (!_next.TryGetValue(key, out var next))
        {
            var segments = key.Segments;
            next = segments.Length > 0 && int.TryParse(segments[^1], NumberStyles.None, CultureInfo.InvariantCulture, out var position)
                ? Key(string.Join(ConfigurationPath.KeyDelimiter, segments[..^1].Append((position + 1).ToString(CultureInfo.InvariantCulture))))
                : null;
            _next[key] = next;
        }

        return next;
    }

    /// <summary>The entries <see cref="ReadUnlisted"/> read, and how many keys it found in each provider.</summary>
    internal sealed class Unlisted(List<(int Index, RuleOptions? Bound, ConfigurationSnapshot? Copied)> entries, int[] found)
    {
        /// <summary>The entries read, in list order.</summary>
        public IReadOnlyList<(int Index, RuleOptions? Bound, ConfigurationSnapshot? Copied)> Entries => entries;

        /// <summary>
        /// True when the entries are the whole list: some were read, and in every provider as many keys were found as
        /// <paramref name="counts"/> (the section's listing) holds below <paramref name="key"/>, the list's name there.
        /// </summary>
        public bool Covers(Dictionary<string, int>[] counts, string key)
        {
            if (entries.Count == 0 || counts.Length != found.Length)
            {
                return false;
            }

            for (var p = 0; p < found.Length; p++)
            {
                if (found[p] != counts[p].GetValueOrDefault(key))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Adds the entries to <paramref name="into"/>, in list order.</summary>
        public void AddTo(RuleEntries into)
        {
            foreach (var (index, bound, copied) in entries)
            {
                if (bound is not null)
                {
                    into.Add(index, bound);
                }
                else
                {
                    into.Add(index, copied!, live: false);
                }
            }

            into.ReadUnlisted = true;
        }
    }
}
