using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Configuration;

namespace AgentGuard.Policies;

/// <summary>
/// Reads the top-level <c>Rules</c> list in time linear in its size, binding each entry by hand
/// (<see cref="RuleOptionsBinder"/>) instead of copying it into a snapshot for the key checker and the binder.
/// </summary>
/// <remarks>
/// One scan per provider counts the keys each entry holds there (<see cref="ConfigurationReader.Count"/>). An entry's
/// keys are then looked up by name: first as a <em>layout</em> — the set of keys an earlier entry with as many keys
/// had (a large policy repeats a handful of layouts), so a hit costs one look-up per key — and otherwise by the
/// options' shape (<see cref="ConfigurationReader.Probe"/>), which records a new layout. The keys found are exactly
/// the entry's when their number equals the count: every look-up is of a distinct key below the entry. An entry whose
/// keys are not all found that way, or whose values the binder could not take, is copied the usual way, so the key
/// checker sees and reports exactly what it would in the live section.
/// </remarks>
internal sealed partial class RuleEntryReader
{
    /// <summary>Layouts with the count tried per entry before looking the keys up by the shape.</summary>
    private const int MostTried = 8;

    /// <summary>Layouts kept per key count (the least recently used goes first).</summary>
    private const int MostKept = 32;

    private readonly IConfigurationProvider[] _providers;
    private readonly ConfigurationShape _rule;
    private readonly ConfigurationReader.ProbeOrder _order = new();
    private readonly Dictionary<int, List<RuleKey[]>> _layouts = [];
    private readonly Dictionary<string, RuleKey> _keys = new(StringComparer.Ordinal);
    private readonly Dictionary<RuleKey, int> _layoutsHolding = [];
    private readonly List<(RuleKey Key, string? Value)> _found = [];
    private readonly List<(RuleKey Key, string? Value)> _merged = [];
    private readonly List<(string Path, string? Value)> _probed = [];
    private readonly RuleOptionsBinder.Pending _pending = new();

    private RuleEntryReader(IConfigurationProvider[] providers, ConfigurationShape rule)
    {
        _providers = providers;
        _rule = rule;
    }

    /// <summary>From this many entries, the list is read in parallel (in chunks of <see cref="ChunkEntries"/>).</summary>
    private const int MinParallelEntries = 2_048;

    /// <summary>Entries read by one worker (with layouts of its own); the chunks' entries are joined in list order.</summary>
    private const int ChunkEntries = 512;

    /// <summary>
    /// Reads the list at <paramref name="path"/> into <paramref name="into"/>; false (nothing read) when it has no
    /// entries or a key that is not a list position — the caller then reads it the usual way, which reports the latter.
    /// </summary>
    /// <remarks>
    /// A long list is read in parallel chunks, each by a reader of its own: an entry's outcome depends only on its
    /// keys (a layout only decides how they are looked up), so the entries and what they say are those of one pass.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool Read(IConfigurationRoot root, IConfigurationProvider[] providers, string path, ConfigurationShape rules, RuleEntries into)
    {
        var counts = ConfigurationReader.Count(providers, path);
        var entries = new List<(int Index, string Key)>();
        foreach (var key in ConfigurationReader.Keys(counts))
        {
            if (!int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index.ToString(CultureInfo.InvariantCulture) != key)
            {
                return false;
            }

            entries.Add((index, key));
        }

        if (entries.Count == 0)
        {
            return false;
        }

        entries.Sort(static (a, b) => a.Index.CompareTo(b.Index));
        var read = new (RuleOptions? Bound, ConfigurationSnapshot? Copied, bool Live)[entries.Count];
        if (entries.Count < MinParallelEntries)
        {
            new RuleEntryReader(providers, rules.Items!).ReadRange(root, path, entries, counts, read, 0, entries.Count);
        }
        else
        {
            Infrastructure.InChunks.Run(entries.Count, ChunkEntries, (start, end) =>
                new RuleEntryReader(providers, rules.Items!).ReadRange(root, path, entries, counts, read, start, end));
        }

        for (var i = 0; i < read.Length; i++)
        {
            var (bound, copied, live) = read[i];
            if (bound is not null)
            {
                into.Add(entries[i].Index, bound);
            }
            else
            {
                into.Add(entries[i].Index, copied!, live);
            }
        }

        return true;
    }

    /// <summary>Reads entries <paramref name="start"/> to <paramref name="end"/> (exclusive) into the same places of <paramref name="read"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ReadRange(IConfigurationRoot root, string path, List<(int Index, string Key)> entries, Dictionary<string, int>[] counts, (RuleOptions? Bound, ConfigurationSnapshot? Copied, bool Live)[] read, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            var key = entries[i].Key;
            var entryPath = string.Concat(path, ":", key);
            if (!Find(entryPath, key, counts))
            {
                var copy = new ConfigurationSnapshot(entryPath, key);
                copy.CopyFrom(root.GetSection(entryPath));
                read[i] = (null, copy, true);
            }
            else
            {
                var (bound, copied) = Bind(entryPath, key);
                read[i] = (bound, copied, false);
            }
        }
    }

    /// <summary>
    /// Binds the keys found (<see cref="_merged"/>): the rule, or — when the key checker or the binder has something to
    /// say — the keys as read, for them.
    /// </summary>
    private (RuleOptions? Bound, ConfigurationSnapshot? Copied) Bind(string entryPath, string key)
    {
        if (RuleOptionsBinder.Bind(_merged, _pending) is { } rule)
        {
            return (rule, null);
        }

        var copy = new ConfigurationSnapshot(entryPath, key);
        foreach (var (found, value) in _merged)
        {
            if (found.Relative.Length == 0)
            {
                copy.Value = value;
            }
            else
            {
                copy.Set(found.Relative, value);
            }
        }

        return (null, copy);
    }

    /// <summary>Finds the entry's keys in every provider into <see cref="_merged"/>, later providers' values winning; false when some are not found by name.</summary>
    private bool Find(string entryPath, string key, Dictionary<string, int>[] counts)
    {
        _merged.Clear();
        for (var p = 0; p < _providers.Length; p++)
        {
            var count = counts[p].GetValueOrDefault(key);
            if (count == 0)
            {
                continue;
            }

            if (!Find(_providers[p], entryPath, count))
            {
                return false;
            }

            Merge();
        }

        return true;
    }

    /// <summary>Finds the <paramref name="count"/> keys one provider holds under the entry into <see cref="_found"/>; false when they are not all found by name.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool Find(IConfigurationProvider provider, string entryPath, int count)
    {
        if (_layouts.TryGetValue(count, out var layouts))
        {
            for (var i = 0; i < layouts.Count && i < MostTried; i++)
            {
                if (TryLayout(provider, entryPath, layouts[i]))
                {
                    if (i > 0)
                    {
                        var hit = layouts[i];
                        layouts.RemoveAt(i);
                        layouts.Insert(0, hit);
                    }

                    return true;
                }
            }
        }

        var remaining = count;
        Probe(provider, entryPath, ref remaining);
        if (remaining != 0)
        {
            return false;
        }

        LearnProbed(entryPath);
        return true;
    }

    /// <summary>Looks up the entry's keys by the shape into <see cref="_probed"/>, at most <paramref name="remaining"/> of them; returns how many it found.</summary>
    private int Probe(IConfigurationProvider provider, string entryPath, ref int remaining)
    {
        _probed.Clear();
        return ConfigurationReader.Probe(provider, entryPath, _rule, _probed, _order, ref remaining);
    }

    /// <summary>The keys just probed as the entry's keys (<see cref="_found"/>), kept as a layout.</summary>
    private void LearnProbed(string entryPath)
    {
        _found.Clear();
        foreach (var (path, value) in _probed)
        {
            _found.Add((Key(path.Length == entryPath.Length ? string.Empty : path[(entryPath.Length + 1)..]), value));
        }

        Remember(_found.Count);
    }

    /// <summary>Looks up each key of <paramref name="layout"/> (the rarest first, so a layout that does not fit fails at once).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool TryLayout(IConfigurationProvider provider, string entryPath, RuleKey[] layout)
    {
        _found.Clear();
        foreach (var key in layout)
        {
            if (!provider.TryGet(key.In(entryPath), out var value))
            {
                return false;
            }

            _found.Add((key, value));
        }

        return true;
    }

    /// <summary>Keeps the keys just found as a layout, ordered so the keys fewest layouts hold are looked up first.</summary>
    private void Remember(int count)
    {
        var layout = new RuleKey[_found.Count];
        for (var i = 0; i < layout.Length; i++)
        {
            layout[i] = _found[i].Key;
        }

        var holding = new int[layout.Length];
        for (var i = 0; i < layout.Length; i++)
        {
            holding[i] = _layoutsHolding.GetValueOrDefault(layout[i]);
            _layoutsHolding[layout[i]] = holding[i] + 1;
        }

        Array.Sort(holding, layout);
        if (!_layouts.TryGetValue(count, out var layouts))
        {
            _layouts[count] = layouts = [];
            var at = _sizes.FindIndex(size => size < count);
            _sizes.Insert(at < 0 ? _sizes.Count : at, count);
        }

        layouts.Insert(0, layout);
        if (layouts.Count > MostKept)
        {
            foreach (var key in layouts[^1])
            {
                _layoutsHolding[key]--;
            }

            layouts.RemoveAt(layouts.Count - 1);
        }
    }

    /// <summary>Adds <see cref="_found"/> to the entry's keys; a key an earlier provider gave takes the later value.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Merge()
    {
        if (_merged.Count == 0)
        {
            _merged.AddRange(_found);
            return;
        }

        foreach (var (key, value) in _found)
        {
            var at = _merged.FindIndex(m => ReferenceEquals(m.Key, key));
            if (at >= 0)
            {
                _merged[at] = (key, value);
            }
            else
            {
                _merged.Add((key, value));
            }
        }
    }

    private RuleKey Key(string relative)
    {
        if (!_keys.TryGetValue(relative, out var key))
        {
            _keys[relative] = key = new RuleKey(relative);
        }

        return key;
    }
}
