using System.Runtime.CompilerServices;
using System.Text.Json;
using AgentGuard.Infrastructure;

namespace AgentGuard.Inference;

/// <summary>
/// Remembers <see cref="ToolRoleInference.Infer"/> results for one engine. A described tool is remembered with its
/// descriptor object (weakly: a re-listed MCP tool or a collected function takes its entry with it, so a long-running
/// host neither leaks old schemas nor fills the cache with dead entries); an undescribed tool by name, bounded, since
/// a model can invent names. A tool without a parameter schema is inferred from each call's argument names (a plain SDK
/// call has nothing else), remembered per tool for a few flat argument shapes; arguments that nest objects are read
/// through on each call.
/// </summary>
internal sealed class ToolRoleCache
{
    private const int MaxNames = 10_000;
    private readonly ConditionalWeakTable<ToolDescriptor, NamedRoles> _described = [];
    private readonly BoundedCache<string, ToolRoles> _named = new(MaxNames, StringComparer.Ordinal);
    private readonly ConditionalWeakTable<ToolDescriptor, ShapeRoles> _describedShapes = [];
    private readonly BoundedCache<string, ShapeRoles> _namedShapes = new(MaxNames, StringComparer.Ordinal);

    /// <summary>Most operations remembered per described tool (a model can invent operations; a tool has a few).</summary>
    private const int MaxOperations = 64;

    /// <summary>Roles of a multiplexed tool's operations, per descriptor (weakly, as described tools), by "operation_tool" name.</summary>
    private readonly ConditionalWeakTable<ToolDescriptor, BoundedCache<string, ToolRoles>> _operations = [];

    /// <summary>
    /// The roles of the call's tool: from its descriptor's schema, or, with no schema, from the call's argument names; and
    /// from the operation its arguments pick (<see cref="OperationArgument"/>), when that operation acts, or when the
    /// tool's name says nothing.
    /// </summary>
    public ToolRoles For(ToolCallEvent call)
    {
        if (call.Kind == ToolKind.RenderedUrl)
        {
            return ToolRoles.Unknown; // a URL in a reply, not a tool: ReplyGuard names and tags it
        }

        var schemaLess = call.Descriptor?.ParametersSchema is null && ArgumentShape.HasNames(call.Arguments);
        var roles = schemaLess ? ForShape(call.ToolName, call.Descriptor, call.Arguments.Root) : For(call.ToolName, call.Descriptor);
        if (roles.IsToolDirectory || OperationArgument.Of(call.Arguments) is not { } operation)
        {
            return roles;
        }

        // The operation's words come first, so its verb is the one inference finds (delete_repository_github). Like an
        // MCP annotation, the operation may add a restriction, never lift one: an operation that acts makes any tool a
        // sink (query_api {"method":"DELETE"}); one that reads is taken only for a tool whose name says nothing, and never
        // from a tool that acts by its parameters ({"method":"GET","url":…} still sends a request).
        var named = operation + "_" + call.ToolName;
        if (schemaLess)
        {
            return WithOperation(roles, ToolRoleInference.InferFromArguments(named, call.Descriptor, call.Arguments.Root));
        }

        var operations = call.Descriptor is { } descriptor ? _operations.GetValue(descriptor, static _ => new BoundedCache<string, ToolRoles>(MaxOperations, StringComparer.Ordinal)) : null;
        if (operations is not null && operations.TryGetValue(named, out var cached))
        {
            return cached;
        }

        var combined = WithOperation(roles, ToolRoleInference.Infer(named, call.Descriptor));
        operations?.TryAdd(named, combined);
        return combined;
    }

    /// <summary>
    /// The tool's roles with its operation's: an acting operation adds its roles to the tool's (a sending tool asked to
    /// delete is both); a reading one replaces them only for a tool whose name says nothing and that does not act.
    /// </summary>
    private static ToolRoles WithOperation(ToolRoles tool, ToolRoles operation)
        => operation.IsSink ? operation.With(tool)
            : tool.IsSink || tool.NameHasVerb ? tool
            : operation;

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

    private ToolRoles ForShape(string toolName, ToolDescriptor? descriptor, JsonElement arguments)
    {
        var shapes = ShapesOf(toolName, descriptor);
        if (shapes?.Find(arguments) is { } known)
        {
            return known;
        }

        var roles = ToolRoleInference.InferFromArguments(toolName, descriptor, arguments);
        if (ArgumentShape.Read(arguments) is { } shape)
        {
            shapes?.Add(shape, roles);
        }

        return roles;
    }

    /// <summary>The shapes remembered for the tool, or null when they cannot be kept (the cache is full, or the descriptor serves another name).</summary>
    private ShapeRoles? ShapesOf(string toolName, ToolDescriptor? descriptor)
    {
        if (descriptor is not null)
        {
            var forDescriptor = _describedShapes.GetValue(descriptor, _ => new ShapeRoles(toolName));
            return string.Equals(forDescriptor.Name, toolName, StringComparison.Ordinal) ? forDescriptor : null;
        }

        if (_namedShapes.TryGetValue(toolName, out var forName))
        {
            return forName;
        }

        _namedShapes.TryAdd(toolName, new ShapeRoles(toolName));
        return _namedShapes.TryGetValue(toolName, out forName) ? forName : null;
    }

    private sealed record NamedRoles(string Name, ToolRoles Roles);

    /// <summary>The roles inferred for one tool's argument shapes; a few are kept (a model can invent argument names), the rest inferred per call.</summary>
    private sealed class ShapeRoles(string name)
    {
        private const int MaxShapes = 16;
        private readonly Lock _gate = new();
        private (ArgumentShape Shape, ToolRoles Roles)[] _shapes = [];

        public string Name { get; } = name;

        public ToolRoles? Find(JsonElement arguments)
        {
            foreach (var (shape, roles) in Volatile.Read(ref _shapes))
            {
                if (shape.Matches(arguments))
                {
                    return roles;
                }
            }

            return null;
        }

        public void Add(ArgumentShape shape, ToolRoles roles)
        {
            lock (_gate)
            {
                if (_shapes.Length < MaxShapes)
                {
                    Volatile.Write(ref _shapes, [.. _shapes, (shape, roles)]);
                }
            }
        }
    }
}
