namespace AgentGuard;

/// <summary>
/// One tool use an adapter is about to perform: the framework-neutral input of the policy engine.
/// </summary>
/// <remarks>
/// Adapters fill in what they see; the engine adds the tags and risk that configuration assigns to the tool's name.
/// Tags set here (from MCP annotations, a shell classifier, or code) are merged with the configured ones.
/// </remarks>
public sealed record ToolCallEvent
{
    /// <summary>Creates an event for <paramref name="toolName"/> of the given <paramref name="kind"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="toolName"/> is null, empty or white space.</exception>
    [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
    public ToolCallEvent(string toolName, ToolKind kind = ToolKind.Function)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(toolName);
        ToolName = ToolNames.Normalize(toolName);
        if (!ReferenceEquals(ToolName, toolName))
        {
            RawToolName = toolName;
        }

        Kind = kind;
    }

    /// <summary>
    /// The tool's name as rules match it, e.g. <c>send_email</c>, <c>rm</c>, <c>api.github.com</c>: the name the model or
    /// code used, normalised by <see cref="ToolNames.Normalize"/> (trimmed, no hidden characters, NFKC, no look-alikes).
    /// </summary>
    public string ToolName { get; }

    /// <summary>The name as given when normalisation changed it (the call then carries the tag <c>obfuscated-name</c>); otherwise null.</summary>
    public string? RawToolName { get; }

    /// <summary>What kind of tool use this is.</summary>
    public ToolKind Kind { get; init; }

    /// <summary>What the host declares about the tool (description, parameter schema, MCP annotations), for role inference; null when unknown.</summary>
    public ToolDescriptor? Descriptor { get; init; }

    /// <summary>Where the tool lives: an MCP server id, a plugin name, an HTTP host. <see langword="null"/> when unknown.</summary>
    public string? Source { get; init; }

    /// <summary>The call's arguments. Never null; <see cref="ToolArguments.Empty"/> when there are none.</summary>
    public ToolArguments Arguments { get; init; } = ToolArguments.Empty;

    /// <summary>Tags the adapter or host already knows (e.g. <c>destructive</c> from an MCP annotation).</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>The risk the adapter or host assigns; configuration may raise it.</summary>
    public RiskLevel Risk { get; init; }

    /// <summary>The framework's id for this call (e.g. the model's tool-call id), when it has one.</summary>
    public string? CallId { get; init; }

    /// <summary>The call id of the guarded tool this call was made from (e.g. an HTTP request inside a function).</summary>
    public string? ParentCallId { get; init; }

    /// <summary>Kind-specific facts rules may match by name, e.g. <c>http.method</c>, <c>shell.program</c>.</summary>
    public IReadOnlyDictionary<string, string>? Attributes { get; init; }
}
