using System.Collections.Concurrent;
using System.Collections.Frozen;

namespace AgentGuard.Mcp;

/// <summary>One approved MCP server, validated and resolved (imports applied). Immutable; a registry reload replaces it.</summary>
public sealed class McpServerDefinition
{
    private const int MaxVerdicts = 16_384;
    private int _remembered;

    internal McpServerDefinition(string id)
    {
        Id = id;
    }

    /// <summary>The registry id; also the <see cref="ToolCallEvent.Source"/> of the server's calls.</summary>
    public string Id { get; }

    /// <summary>The server's name.</summary>
    public string? Name { get; internal init; }

    /// <summary>Who publishes it.</summary>
    public string? Publisher { get; internal init; }

    /// <summary>The approved version or range as written; null when the version is not checked.</summary>
    public string? Version => VersionRange?.Text;

    internal VersionRange? VersionRange { get; init; }

    /// <summary>The program that starts the stdio server, or null.</summary>
    public string? Command { get; internal init; }

    /// <summary>The program's arguments.</summary>
    public IReadOnlyList<string> Arguments { get; internal init; } = [];

    /// <summary>The working directory, or null for the host's.</summary>
    public string? WorkingDirectory { get; internal init; }

    /// <summary>The remote endpoint, or null.</summary>
    public Uri? Url { get; internal init; }

    /// <summary>Fixed environment values (a <c>${NAME}</c> value is read from the host at start).</summary>
    public IReadOnlyDictionary<string, string> Environment { get; internal init; } = FrozenDictionary<string, string>.Empty;

    /// <summary>Host environment variables the server may receive.</summary>
    public IReadOnlyList<string> PassEnvironment { get; internal init; } = [];

    /// <summary>Values used for <see cref="PassEnvironment"/> variables the host does not set (from a server.json <c>default</c>).</summary>
    public IReadOnlyDictionary<string, string> EnvironmentDefaults { get; internal init; } = FrozenDictionary<string, string>.Empty;

    /// <summary>Whether the minimal process defaults (PATH, HOME, ...) are passed.</summary>
    public bool IncludeDefaultEnvironment { get; internal init; } = true;

    /// <summary>Which tools it offers to whom.</summary>
    public IReadOnlyList<McpToolGrant> Grants { get; internal init; } = [];

    /// <summary>True when its results are untrusted.</summary>
    public bool Untrusted { get; internal init; }

    /// <summary>Tags added to every call, including <c>untrusted-source</c> when <see cref="Untrusted"/>.</summary>
    public IReadOnlyList<string> Tags { get; internal init; } = [];

    /// <summary>Pinned definition hashes (<c>sha256:&lt;hex&gt;</c>) by tool name.</summary>
    public IReadOnlyDictionary<string, string> Pins { get; internal init; } = FrozenDictionary<string, string>.Empty;

    /// <summary>When true only pinned tools exist.</summary>
    public bool RequirePins { get; internal init; }

    /// <summary>What happens to tools whose description looks poisoned.</summary>
    public McpPoisoningAction Poisoning { get; internal init; }

    /// <summary>
    /// Verdicts by a hash of the exact definition bytes (the bytes are compared on lookup). This entry's pins and
    /// poisoning setting are fixed, so verdicts stay valid until a reload replaces the entry.
    /// </summary>
    internal ConcurrentDictionary<int, ToolVerdict> Verdicts { get; } = new();

    internal bool TryRecall(ReadOnlySpan<byte> definition, out int key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ToolVerdict? verdict)
    {
        // A cheap key (length, head, tail); the full bytes are compared, so a collision only costs a re-verification.
        var hash = new HashCode();
        hash.Add(definition.Length);
        hash.AddBytes(definition[..Math.Min(definition.Length, 96)]);
        hash.AddBytes(definition[Math.Max(0, definition.Length - 32)..]);
        key = hash.ToHashCode();
        if (Verdicts.TryGetValue(key, out verdict) && definition.SequenceEqual(verdict.Definition))
        {
            return true;
        }

        verdict = null;
        return false;
    }

    internal void Remember(int key, ToolVerdict verdict)
    {
        if (Interlocked.Increment(ref _remembered) > MaxVerdicts)
        {
            Verdicts.Clear(); // a server churning through definitions must not grow memory without bound
            Interlocked.Exchange(ref _remembered, 0);
        }

        Verdicts[key] = verdict;
    }

    /// <summary>True when a grant covers the tool for this team and environment.</summary>
    public bool IsToolGranted(string toolName, string? team, string? environment)
    {
        ArgumentNullException.ThrowIfNull(toolName);
        foreach (var grant in Grants)
        {
            if (grant.Covers(toolName, team, environment))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when some grant covers the tool, for any team or environment.</summary>
    internal bool IsToolGrantedToAnyone(string toolName)
    {
        foreach (var grant in Grants)
        {
            if (grant.CoversName(toolName))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The pin of <paramref name="toolName"/>, looked up by its canonical name (normalised, without regard to case).</summary>
    internal bool TryGetPin(string toolName, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? pin)
        => Pins.TryGetValue(ToolNames.Normalize(toolName), out pin);

    /// <summary>True when <paramref name="toolName"/>'s definition must be verified: it is pinned, or every tool must be.</summary>
    internal bool IsPinned(string toolName) => RequirePins || Pins.ContainsKey(ToolNames.Normalize(toolName));

    /// <summary>True when <paramref name="version"/> (as the server reports it) is approved.</summary>
    public bool AcceptsVersion(string? version) => VersionRange is null || VersionRange.Matches(version);

    /// <inheritdoc />
    public override string ToString() => Version is null ? Id : $"{Id} ({Version})";
}
