using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Configuration;

namespace AgentGuard.Policies;

/// <summary>
/// Reads the <c>AgentGuard</c> section into a <see cref="ConfigurationSnapshot"/> in time linear in its size. The
/// configuration API lists a node's children by scanning every key a provider holds, so walking (or binding) a section
/// node by node is quadratic: minutes for 10,000 rules. Instead, one scan per provider counts the keys under each
/// top-level setting and under each entry of a list or map of objects (<c>Rules</c>, <c>Tools</c>, <c>Policies</c>);
/// each entry's keys are then read by name, following the shape of its options type. An entry whose keys are not all
/// found that way (a misspelt key, a map such as <c>When.Attributes</c>) is copied the usual way, so the key checker
/// sees exactly what it would in the live section and reports the same problems. The top-level <c>Rules</c> list, the
/// bulk of a big policy, is read without a scan of its own, side by side with the section's scan, whose counts then
/// check it (<see cref="RuleEntryReader.ReadUnlisted"/>).
/// </summary>
internal static class ConfigurationReader
{
    /// <summary>The section as a snapshot, or null when it cannot be read this way (the caller then reads it live).</summary>
    public static ConfigurationSnapshot? Read(IConfigurationRoot root, IConfigurationSection section, ConfigurationShape shape, IReadOnlyDictionary<string, ConfigurationShape> packages)
        => Read(root, section, shape, packages, out _);

    /// <summary>As <see cref="Read(IConfigurationRoot, IConfigurationSection, ConfigurationShape, IReadOnlyDictionary{string, ConfigurationShape})"/>; <paramref name="copiedLive"/> counts the entries that had to be copied the slow way.</summary>
    public static ConfigurationSnapshot? Read(IConfigurationRoot root, IConfigurationSection section, ConfigurationShape shape, IReadOnlyDictionary<string, ConfigurationShape> packages, out int copiedLive)
        => Read(root, section, shape, packages, rules: null, out copiedLive);

    /// <summary>
    /// As <see cref="Read(IConfigurationRoot, IConfigurationSection, ConfigurationShape, IReadOnlyDictionary{string, ConfigurationShape}, out int)"/>;
    /// when <paramref name="rules"/> is given and the section has rules, its top-level <c>Rules</c> list is read into it
    /// by <see cref="RuleEntryReader"/> (bound, not copied) and left out of the snapshot.
    /// </summary>
    public static ConfigurationSnapshot? Read(IConfigurationRoot root, IConfigurationSection section, ConfigurationShape shape, IReadOnlyDictionary<string, ConfigurationShape> packages, RuleEntries? rules, out int copiedLive)
    {
        copiedLive = 0;
        var providers = root.Providers.ToArray();
        var snapshot = new ConfigurationSnapshot(section.Path, section.Key) { Value = section.Value };
        var rulesShape = shape.Property(nameof(AgentGuardOptions.Rules));
        var (counts, unlisted) = CountAndReadRules(providers, section.Path, rules is not null ? rulesShape : null);
        for (var p = 0; p < providers.Length; p++)
        {
            if (counts[p].Count > 0 && providers[p] is not ConfigurationProvider)
            {
                // Only ConfigurationProvider lists one child per key it holds; another provider (AddConfiguration's
                // chained one lists each child once) gives no count to check an entry's keys against: read live.
                return null;
            }
        }

        var order = new ProbeOrder();
        foreach (var key in Keys(counts))
        {
            var path = ConfigurationPath.Combine(section.Path, key);
            var property = shape.Property(key) ?? (packages.TryGetValue(key, out var package) ? package : null);
            if (rules is not null && ReferenceEquals(property, rulesShape))
            {
                // The entries were read at "…:Rules": a list spelt otherwise ("RULES") is read the listed way, so that what its
                // entries report names the list as the configuration spells it.
                if (unlisted is not null && string.Equals(key, nameof(AgentGuardOptions.Rules), StringComparison.Ordinal) && unlisted.Covers(counts, key))
                {
                    unlisted.AddTo(rules);
                    continue;
                }

                if (RuleEntryReader.Read(root, providers, path, property!, rules))
                {
                    copiedLive += rules.CopiedLive;
                    continue;
                }
            }

            if (property is { Kind: ConfigurationShape.ShapeKind.List or ConfigurationShape.ShapeKind.Map, Items.Kind: ConfigurationShape.ShapeKind.Object })
            {
                if (!ReadEntries(root, providers, path, property, snapshot.Child(key), order, ref copiedLive))
                {
                    return null;
                }
            }
            else
            {
                ReadEntry(root, providers, path, property, counts, key, snapshot, key, order, ref copiedLive);
            }
        }

        return snapshot;
    }

    /// <summary>A list or map of objects: one scan for its entries' key counts, then each entry read by its shape.</summary>
    private static bool ReadEntries(IConfigurationRoot root, IConfigurationProvider[] providers, string path, ConfigurationShape collection, ConfigurationSnapshot into, ProbeOrder order, ref int copiedLive)
    {
        var counts = Count(providers, path);
        foreach (var provider in providers)
        {
            // The collection's own key (an empty list is a key with no value), the later provider's value winning.
            if (provider.TryGet(path, out var value))
            {
                into.Value = value;
            }
        }

        foreach (var entry in Keys(counts))
        {
            if (collection.Kind == ConfigurationShape.ShapeKind.List && (!int.TryParse(entry, NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index.ToString(CultureInfo.InvariantCulture) != entry))
            {
                // Not a list position: the key checker reports it, reading the live section.
                return false;
            }

            ReadEntry(root, providers, ConfigurationPath.Combine(path, entry), collection.Items!, counts, entry, into, entry, order, ref copiedLive);
        }

        return true;
    }

    /// <summary>One entry: its keys read by name per provider; copied live when a provider holds keys its shape does not name.</summary>
    private static void ReadEntry(IConfigurationRoot root, IConfigurationProvider[] providers, string path, ConfigurationShape? shape, Dictionary<string, int>[] counts, string countKey, ConfigurationSnapshot parent, string key, ProbeOrder order, ref int copiedLive)
    {
        var values = new List<(string Path, string? Value)>();
        var complete = shape is not null;
        for (var p = 0; p < providers.Length && complete; p++)
        {
            var expected = counts[p].GetValueOrDefault(countKey);
            if (expected == 0)
            {
                continue;
            }

            var remaining = expected;
            Probe(providers[p], path, shape!, values, order, ref remaining);
            complete = remaining == 0;
        }

        if (!complete)
        {
            copiedLive++;
            parent.Child(key).CopyFrom(root.GetSection(path));
            return;
        }

        // In provider order: a later provider's value wins, as in the live configuration.
        var entry = parent.Child(key);
        foreach (var (valuePath, value) in values)
        {
            if (valuePath.Length == path.Length)
            {
                entry.Value = value;
            }
            else
            {
                entry.Set(valuePath[(path.Length + 1)..], value);
            }
        }
    }

    /// <summary>
    /// Reads the keys of <paramref name="shape"/> at <paramref name="path"/> from one provider, counting each found key
    /// off <paramref name="remaining"/> (the keys the provider holds under the entry); stops as soon as none remain, so
    /// an entry's absent settings are not looked up once its present ones are all found. Returns how many it found.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static int Probe(IConfigurationProvider provider, string path, ConfigurationShape shape, List<(string Path, string? Value)> into, ProbeOrder order, ref int remaining)
    {
        var found = 0;
        if (provider.TryGet(path, out var value))
        {
            into.Add((path, value));
            found++;
            remaining--;
        }

        switch (shape.Kind)
        {
            case ConfigurationShape.ShapeKind.Object:
                var names = order.Names(shape);
                for (var i = 0; i < names.Length && remaining > 0; i++)
                {
                    var name = names[i];
                    var here = Probe(provider, ConfigurationPath.Combine(path, name), shape.Property(name)!, into, order, ref remaining);
                    found += here;
                    if (here > 0 && i > 0)
                    {
                        // Found: one place forward, so the settings a policy's entries use are looked up first.
                        (names[i - 1], names[i]) = (name, names[i - 1]);
                    }
                }

                break;
            case ConfigurationShape.ShapeKind.List:
                for (var i = 0; remaining > 0; i++)
                {
                    var item = Probe(provider, ConfigurationPath.Combine(path, i.ToString(CultureInfo.InvariantCulture)), shape.Items!, into, order, ref remaining);
                    if (item == 0)
                    {
                        break;
                    }

                    found += item;
                }

                break;
            default:
                // A value has no keys below it; a map's entries are not known by name (a count short of them copies the entry live).
                break;
        }

        return found;
    }

    /// <summary>
    /// <see cref="Count"/> of the section and, when <paramref name="rules"/> is given, its <c>Rules</c> list read
    /// without a listing of its own (<see cref="RuleEntryReader.ReadUnlisted"/>), side by side: the section's listing
    /// is one scan and one sort of every key below it, which the list's reading then needs only to check against. Null
    /// for the list when not asked for.
    /// </summary>
    private static (Dictionary<string, int>[] Section, RuleEntryReader.Unlisted? Rules) CountAndReadRules(IConfigurationProvider[] providers, string path, ConfigurationShape? rules)
    {
        if (rules is null)
        {
            return (Count(providers, path), null);
        }

        Dictionary<string, int>[]? section = null;
        RuleEntryReader.Unlisted? read = null;
        Infrastructure.InChunks.Run(2, 1, (task, _) =>
        {
            if (task == 0)
            {
                section = Count(providers, path);
            }
            else
            {
                read = RuleEntryReader.ReadUnlisted(providers, ConfigurationPath.Combine(path, nameof(AgentGuardOptions.Rules)), rules);
            }
        });
        return (section!, read);
    }

    /// <summary>Per provider, how many keys lie under each child of <paramref name="path"/>: one scan of the provider.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static Dictionary<string, int>[] Count(IConfigurationProvider[] providers, string path)
    {
        var counts = new Dictionary<string, int>[providers.Length];
        for (var p = 0; p < providers.Length; p++)
        {
            counts[p] = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            foreach (var child in providers[p].GetChildKeys([], path))
            {
                counts[p][child] = counts[p].GetValueOrDefault(child) + 1;
            }
        }

        return counts;
    }

    internal static IEnumerable<string> Keys(Dictionary<string, int>[] counts) => counts.SelectMany(c => c.Keys).Distinct(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Per object shape, its property names in the order one read looks them up. A name found moves one place forward,
    /// so after a few entries the settings the policy uses come first and an entry's lookups stop once its keys are all
    /// found (order never changes what is read, only how many absent keys are asked for). Local to one read.
    /// </summary>
    internal sealed class ProbeOrder
    {
        private readonly Dictionary<ConfigurationShape, string[]> _names = [];

        public string[] Names(ConfigurationShape shape)
        {
            if (!_names.TryGetValue(shape, out var names))
            {
                _names[shape] = names = [.. shape.PropertyNames];
            }

            return names;
        }
    }
}
