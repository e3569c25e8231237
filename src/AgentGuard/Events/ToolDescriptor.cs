using System.Text.Json;

namespace AgentGuard;

/// <summary>
/// What the host already declares about a tool: its description, the JSON schema of its parameters and, for MCP tools,
/// the annotations. Adapters fill it from the framework's tool object; role inference reads it.
/// </summary>
public sealed record ToolDescriptor
{
    /// <summary>The tool's description as the model sees it.</summary>
    public string? Description { get; init; }

    /// <summary>The JSON schema of the tool's parameters (an object schema with <c>properties</c>).</summary>
    public JsonElement? ParametersSchema { get; init; }

    /// <summary>MCP <c>readOnlyHint</c>: the tool does not change its environment.</summary>
    public bool? ReadOnlyHint { get; init; }

    /// <summary>MCP <c>destructiveHint</c>: the tool may perform destructive updates.</summary>
    public bool? DestructiveHint { get; init; }

    /// <summary>MCP <c>openWorldHint</c>: the tool interacts with an open world of external entities.</summary>
    public bool? OpenWorldHint { get; init; }
}
