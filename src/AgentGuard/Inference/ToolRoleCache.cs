using System.Runtime.CompilerServices;
using AgentGuard.Infrastructure;

namespace AgentGuard.Inference;

/// <summary>
/// Remembers <see cref="ToolRoleInference.Infer"/> results for one engine. A described tool is remembered with its
/// descriptor object (weakly: a re-listed MCP tool or a collected function takes its entry with it, so a long-running
/// host neither leaks old schemas nor fills the cache with dead entries); an undescribed tool by name, bounded, since
/// a model can invent names.
/// </summary>
internal sealed class ToolRoleCache
{
    private const int MaxNames = 10_000;
    private readonly ConditionalWeakTable<ToolDescriptor, NamedRoles> _described = [];
    private readonly BoundedCache<string, ToolRoles> _named = new(MaxNames, StringComparer.Ordinal);

    public ToolRoles For(string toolName, ToolDescriptor? descriptor)
    {
        if (descriptor is not null)
        {
            if (_described.TryGetValue(descriptor, out var known) && string.Equals(known.Name, toolName, StringComparison.Ordinal))
            {
                return known.Roles;
            }

            var roles = ToolRoleInference.Infer(toolName, descriptor);
            _described.AddOrUpdate(descriptor, new NamedRoles(toolName, roles));
            return roles;
        }

        if (_named.TryGetValue(toolName, out var cached))
        {
            return cached;
        }

        var inferred = ToolRoleInference.Infer(toolName, null);
        _named.TryAdd(toolName, inferred);

        return inferred;
    }

    private sealed record NamedRoles(string Name, ToolRoles Roles);
}
