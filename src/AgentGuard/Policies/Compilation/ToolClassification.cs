using AgentGuard.Infrastructure;

namespace AgentGuard.Policies;

/// <summary>What configuration says about one tool name: the union of every <c>Tools</c> entry whose glob matches it.</summary>
internal sealed class ToolClassification
{
    public static ToolClassification None { get; } = new([], RiskLevel.Unknown, [], false);

    public ToolClassification(string[] tags, RiskLevel risk, ArgumentPath[] sensitiveArguments, bool untrusted, bool trusted = false, ArgumentPath?[]? untrustedFields = null)
    {
        Trusted = trusted;
        UntrustedFields = untrustedFields ?? [];
        Tags = tags;
        Risk = risk;
        SensitiveArguments = sensitiveArguments;
        Untrusted = untrusted;
    }

    public string[] Tags { get; }

    public RiskLevel Risk { get; }

    public ArgumentPath[] SensitiveArguments { get; }

    public bool Untrusted { get; }

    /// <summary>Configuration says the tool's results are trusted, whatever inference concludes.</summary>
    public bool Trusted { get; }

    /// <summary>Fields of the results third parties wrote (null entry: every free-text string).</summary>
    public ArgumentPath?[] UntrustedFields { get; }
}

/// <summary>Classifies tool names by the configured globs, caching the answer per name.</summary>
internal sealed class ToolClassifier
{
    private const int MaxCachedNames = 10_000;
    private readonly (Glob Glob, string[] Tags, RiskLevel Risk, ArgumentPath[] Sensitive, bool Untrusted, bool Trusted, ArgumentPath?[] Fields, bool ShellCommands)[] _entries;
    private readonly BoundedCache<(string Name, string Source, bool ShellCommand), ToolClassification> _cache = new(MaxCachedNames);

    public ToolClassifier((Glob Glob, string[] Tags, RiskLevel Risk, ArgumentPath[] Sensitive, bool Untrusted, bool Trusted, ArgumentPath?[] Fields, bool ShellCommands)[] entries) => _entries = entries;

    /// <summary>The source AgentGuard.Shell gives the event of each program a guarded shell line runs.</summary>
    internal const string ShellProgramSource = "shell";

    /// <summary>
    /// The classification of a tool, by its name or its name qualified by its source (<c>plugin-function</c>). For a
    /// program of a guarded shell line (<see cref="ToolKind.ShellCommand"/> from <see cref="ShellProgramSource"/>),
    /// entries that describe agent tools only (the default pack's) are left out: its name is a program's, not a tool's.
    /// </summary>
    public ToolClassification Classify(string toolName, string? source = null, ToolKind kind = ToolKind.Function)
    {
        if (_entries.Length == 0)
        {
            return ToolClassification.None;
        }

        var key = (toolName, source ?? string.Empty, kind == ToolKind.ShellCommand && string.Equals(source, ShellProgramSource, StringComparison.Ordinal));
        if (_cache.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var result = Compute(toolName, source, key.Item3);
        _cache.TryAdd(key, result);

        return result;
    }

    private ToolClassification Compute(string toolName, string? source, bool shellProgram)
    {
        List<string>? tags = null;
        List<ArgumentPath>? sensitive = null;
        var risk = RiskLevel.Unknown;
        var untrusted = false;
        var trusted = false;
        List<ArgumentPath?>? fields = null;
        var any = false;
        foreach (var entry in _entries)
        {
            if ((shellProgram && !entry.ShellCommands) || (!entry.Glob.IsMatch(toolName) && (string.IsNullOrEmpty(source) || !QualifiedName.Matches(entry.Glob, source, toolName))))
            {
                continue;
            }

            any = true;
            foreach (var tag in entry.Tags)
            {
                tags ??= [];
                if (!tags.Contains(tag, StringComparer.OrdinalIgnoreCase))
                {
                    tags.Add(tag);
                }
            }

            if (entry.Sensitive.Length > 0)
            {
                (sensitive ??= []).AddRange(entry.Sensitive);
            }

            risk = entry.Risk > risk ? entry.Risk : risk;
            untrusted |= entry.Untrusted;
            trusted |= entry.Trusted;
            if (entry.Fields.Length > 0)
            {
                (fields ??= []).AddRange(entry.Fields);
            }
        }

        return any ? new ToolClassification(tags is null ? [] : [.. tags], risk, sensitive is null ? [] : [.. sensitive], untrusted, trusted && !untrusted, fields is null ? [] : [.. fields]) : ToolClassification.None;
    }
}
