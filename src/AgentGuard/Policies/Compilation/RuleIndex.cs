using System.Collections.Concurrent;
using System.Collections.Frozen;

namespace AgentGuard.Policies;

/// <summary>
/// Finds the rules that can apply to a call without scanning them all: by exact tool name, by tag, plus the few
/// rules with name globs or no name at all. The candidates for a (name, kind, source) are computed once and cached,
/// so the cost of a decision does not grow with the number of rules.
/// </summary>
internal sealed class RuleIndex
{
    private const int MaxCachedKeys = 10_000;
    private readonly FrozenDictionary<string, CompiledRule[]> _byExactTool;
    private readonly FrozenDictionary<string, CompiledRule[]> _byTag;
    private readonly CompiledRule[] _scanned;
    private readonly ConcurrentDictionary<(string Tool, ToolKind Kind, string Source), CompiledRule[]> _cache = new();

    public RuleIndex(IReadOnlyList<CompiledRule> rules)
    {
        var byTool = new Dictionary<string, List<CompiledRule>>(StringComparer.OrdinalIgnoreCase);
        var byTag = new Dictionary<string, List<CompiledRule>>(StringComparer.OrdinalIgnoreCase);
        var scanned = new List<CompiledRule>();
        foreach (var rule in rules)
        {
            if (!rule.Tools.IsEmpty && rule.Tools.Globs.All(g => g.IsExact))
            {
                foreach (var glob in rule.Tools.Globs)
                {
                    Add(byTool, glob.Pattern, rule);
                }
            }
            else if (rule.Tools.IsEmpty && rule.Tags.Length > 0)
            {
                foreach (var tag in rule.Tags)
                {
                    Add(byTag, tag, rule);
                }
            }
            else
            {
                scanned.Add(rule);
            }
        }

        _byExactTool = byTool.ToFrozenDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.OrdinalIgnoreCase);
        _byTag = byTag.ToFrozenDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.OrdinalIgnoreCase);
        _scanned = [.. scanned];
    }

    /// <summary>
    /// The rules that may apply given the call's name, kind, source and configured tags. Rules indexed by a tag the
    /// call only carries from its event or a classifier are found with <see cref="ByTag"/>.
    /// </summary>
    public CompiledRule[] Candidates(string toolName, ToolKind kind, string? source, string[] configuredTags)
    {
        var key = (toolName, kind, source ?? string.Empty);
        if (_cache.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var result = Compute(toolName, kind, source, configuredTags);
        if (_cache.Count < MaxCachedKeys)
        {
            _cache.TryAdd(key, result);
        }

        return result;
    }

    /// <summary>Tag-indexed rules for a tag (statically filtered by the caller).</summary>
    public CompiledRule[] ByTag(string tag) => _byTag.TryGetValue(tag, out var rules) ? rules : [];

    private CompiledRule[] Compute(string toolName, ToolKind kind, string? source, string[] configuredTags)
    {
        var result = new List<CompiledRule>();
        if (_byExactTool.TryGetValue(toolName, out var exact))
        {
            result.AddRange(exact.Where(r => r.MatchesStatic(toolName, kind, source)));
        }

        if (!string.IsNullOrEmpty(source))
        {
            foreach (var spelling in QualifiedName.Spellings(source, toolName))
            {
                if (_byExactTool.TryGetValue(spelling, out var qualified))
                {
                    result.AddRange(qualified.Where(r => !result.Contains(r) && r.MatchesStatic(toolName, kind, source)));
                }
            }
        }

        foreach (var tag in configuredTags)
        {
            if (_byTag.TryGetValue(tag, out var tagged))
            {
                foreach (var rule in tagged)
                {
                    if (rule.MatchesStatic(toolName, kind, source) && !result.Contains(rule))
                    {
                        result.Add(rule);
                    }
                }
            }
        }

        result.AddRange(_scanned.Where(r => r.MatchesStatic(toolName, kind, source)));
        result.Sort((a, b) => a.Index.CompareTo(b.Index));
        return [.. result];
    }

    private static void Add(Dictionary<string, List<CompiledRule>> map, string key, CompiledRule rule)
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = [];
        }

        if (!list.Contains(rule))
        {
            list.Add(rule);
        }
    }
}
