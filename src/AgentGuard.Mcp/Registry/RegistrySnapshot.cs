using System.Collections.Frozen;

namespace AgentGuard.Mcp;

/// <summary>One compiled, immutable version of the registry.</summary>
internal sealed class RegistrySnapshot(FrozenDictionary<string, McpServerDefinition> servers)
{
    public static RegistrySnapshot Empty { get; } = new(FrozenDictionary<string, McpServerDefinition>.Empty);

    public FrozenDictionary<string, McpServerDefinition> Servers { get; } = servers;
}
