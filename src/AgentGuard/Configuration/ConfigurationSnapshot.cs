using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Primitives;

namespace AgentGuard.Policies;

/// <summary>
/// A copy of part of a configuration as a tree: listing a node's children costs only its own children, where the live
/// configuration scans every key of every provider. The key checker and the configuration binder read it like the
/// live section (same keys, paths, values and child order), in time linear in its size. Read only.
/// </summary>
internal sealed class ConfigurationSnapshot : IConfigurationSection
{
    private readonly Dictionary<string, ConfigurationSnapshot> _children = new(StringComparer.OrdinalIgnoreCase);
    private List<ConfigurationSnapshot>? _ordered;

    public ConfigurationSnapshot(string path, string key)
    {
        Path = path;
        Key = key;
    }

    public string Key { get; }

    public string Path { get; }

    public string? Value { get; set; }

    public string? this[string key]
    {
        get => GetSection(key).Value;
        set => throw new NotSupportedException("A configuration snapshot is read only.");
    }

    public IConfigurationSection GetSection(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var node = this;
        foreach (var segment in key.Split(ConfigurationPath.KeyDelimiter))
        {
            if (!node._children.TryGetValue(segment, out var child))
            {
                return new ConfigurationSnapshot(ConfigurationPath.Combine(Path, key), key.Split(ConfigurationPath.KeyDelimiter)[^1]);
            }

            node = child;
        }

        return node;
    }

    public IEnumerable<IConfigurationSection> GetChildren() => _ordered ??= [.. _children.Values.Order(KeyOrder.Instance)];

    public IChangeToken GetReloadToken() => NeverChanges.Instance;

    /// <summary>Records a key (a path below this node) with its value.</summary>
    public void Set(string relativePath, string? value)
    {
        var node = this;
        foreach (var segment in relativePath.Split(ConfigurationPath.KeyDelimiter))
        {
            node = node.Child(segment);
        }

        node.Value = value;
    }

    /// <summary>The child <paramref name="key"/>, added when missing.</summary>
    public ConfigurationSnapshot Child(string key)
    {
        if (!_children.TryGetValue(key, out var child))
        {
            _children[key] = child = new ConfigurationSnapshot(ConfigurationPath.Combine(Path, key), key);
            _ordered = null;
        }

        return child;
    }

    /// <summary>Copies <paramref name="live"/>'s keys below this node (walking the live configuration: slow for big sections).</summary>
    public void CopyFrom(IConfigurationSection live)
    {
        Value = live.Value;
        foreach (var child in live.GetChildren())
        {
            Child(child.Key).CopyFrom(child);
        }
    }

    /// <summary>The order the configuration lists children in: numbers by value first, then names ignoring case.</summary>
    private sealed class KeyOrder : IComparer<ConfigurationSnapshot>
    {
        public static readonly KeyOrder Instance = new();

        public int Compare(ConfigurationSnapshot? x, ConfigurationSnapshot? y)
        {
            var a = x!.Key;
            var b = y!.Key;
            var aIsNumber = int.TryParse(a, out var aValue);
            var bIsNumber = int.TryParse(b, out var bValue);
            if (aIsNumber && bIsNumber)
            {
                return aValue.CompareTo(bValue);
            }

            if (aIsNumber != bIsNumber)
            {
                return aIsNumber ? -1 : 1;
            }

            return string.Compare(a, b, StringComparison.OrdinalIgnoreCase);
        }
    }

    private sealed class NeverChanges : IChangeToken, IDisposable
    {
        public static readonly NeverChanges Instance = new();

        public bool HasChanged => false;

        public bool ActiveChangeCallbacks => false;

        public IDisposable RegisterChangeCallback(Action<object?> callback, object? state) => this;

        public void Dispose()
        {
        }
    }
}
