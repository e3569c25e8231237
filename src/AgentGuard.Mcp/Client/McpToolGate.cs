using System.Buffers;
using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace AgentGuard.Mcp;

/// <summary>
/// The per-connection guard behind <see cref="GuardedTransport"/>: filters and verifies <c>tools/list</c> results,
/// decides each <c>tools/call</c> (registry grant, verified definition, then the engine through <see cref="ToolGuard"/>),
/// and passes results through the result hook. It holds no policy logic of its own beyond the registry's allow-list.
/// One job per file: calls (here: translate, registry refusals, engine), listings (<c>McpToolGate.Listing.cs</c>),
/// results (<c>McpToolGate.Results.cs</c>).
/// </summary>
internal sealed partial class McpToolGate
{
    private readonly McpRegistry _registry;
    private readonly ToolGuard _guard;
    private readonly GuardedMcpClientOptions _options;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, VerifiedTool> _tools = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _alerted = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (string Name, long Round)> _canonicalNames = new(StringComparer.OrdinalIgnoreCase);
    private readonly McpToolPins.PinHasher _hasher = new();
    private readonly GuardContext? _seen;
    private volatile bool _listedOnce;
    private long _round;
    private long _expiresAt;
    private ArgumentScratch? _scratch;
    private ServerAttributes? _attributes;

    public McpToolGate(string serverId, McpRegistry registry, ToolGuard guard, GuardedMcpClientOptions options, ILogger logger)
    {
        ServerId = serverId;
        _registry = registry;
        _guard = guard;
        _options = options;
        _logger = logger;
        _seen = options.Team is null && options.Environment is null
            ? options.Context
            : (options.Context ?? GuardContext.Empty) with { Team = options.Team ?? options.Context?.Team, Environment = options.Environment ?? options.Context?.Environment };
    }

    public string ServerId { get; }

    /// <summary>Resolves the session context on the caller's async flow (the ambient scope is visible here, not in the read loop).</summary>
    public GuardContext ResolveContext()
    {
        var context = _guard.ContextResolver.Resolve(_seen);
        if ((_options.Team is not null && context.Team != _options.Team) || (_options.Environment is not null && context.Environment != _options.Environment))
        {
            context = context with { Team = _options.Team ?? context.Team, Environment = _options.Environment ?? context.Environment };
        }

        return context;
    }

    /// <summary>Decides a <c>tools/call</c>. Returns the event to inspect the result with, or a denial to answer with instead of sending.</summary>
    /// <remarks>
    /// The registry's refusals (no name, server withdrawn, not granted, hidden, unknown, unverified pin) come first and
    /// are decisions too: <see cref="ToolGuard.Refuse"/> audits each with its <see cref="McpSystemRules"/> id.
    /// </remarks>
    public async ValueTask<(ToolCallEvent? Call, GuardContext Context, JsonRpcResponse? Denial)> AuthorizeAsync(JsonRpcRequest request, CancellationToken cancellationToken)
    {
        var context = ResolveContext();
        var parameters = request.Params as JsonObject;
        var name = parameters?["name"] is JsonValue n && n.GetValueKind() == JsonValueKind.String ? n.GetValue<string>() : null;
        var arguments = parameters?["arguments"] is JsonObject args ? ReadArguments(args) : ToolArguments.Empty;
        if (string.IsNullOrWhiteSpace(name))
        {
            return Refused(request, context, Event(request, ModelText.UnnamedTool, arguments, server: null, listed: null), McpSystemRules.Nameless, "the tools/call request names no tool");
        }

        if (!_registry.TryGetServer(ServerId, out var server))
        {
            LogServerWithdrawn(ServerId, name);
            return Refused(request, context, Event(request, name, arguments, server: null, listed: null), McpSystemRules.ServerWithdrawn, $"server '{ServerId}' is no longer in the registry");
        }

        _tools.TryGetValue(name, out var verified);
        var listed = verified?.Tool;
        var call = Event(request, name, arguments, server, listed);
        if (!server.IsToolGranted(name, context.Team, context.Environment))
        {
            LogToolNotGranted(ServerId, name, context.Team ?? "(none)", context.Environment ?? "(none)");
            return Refused(request, context, call, McpSystemRules.NotGranted, $"'{name}' on server '{ServerId}' is not granted to team '{context.Team ?? "(none)"}' in environment '{context.Environment ?? "(none)"}'");
        }

        if (listed?.CollidesWith is { } other)
        {
            LogHiddenToolCalled(ServerId, name, listed.HiddenReason!);
            return Refused(request, context, call, McpSystemRules.NameConflict, $"'{name}' on server '{ServerId}' collides with '{other}' (one tool under the canonical comparison); both are refused", alert: true);
        }

        if (listed?.HiddenReason is { } hidden)
        {
            LogHiddenToolCalled(ServerId, name, hidden);
            return Refused(request, context, call, McpSystemRules.Hidden, $"'{name}' on server '{ServerId}' is hidden because {hidden}", alert: true);
        }

        if (listed is null && _listedOnce)
        {
            LogUnknownToolCalled(ServerId, name);
            return Refused(request, context, call, McpSystemRules.UnknownTool, $"server '{ServerId}' did not list '{name}'");
        }

        if (server.IsPinned(name) && (listed is null || verified!.Round != Volatile.Read(ref _round)))
        {
            LogUnverifiedToolCalled(ServerId, name);
            var why = listed is null ? "it was never listed on this connection" : "its tools changed (or their cached listing expired) and it was not verified again";
            return Refused(request, context, call, McpSystemRules.UnverifiedPin, $"'{name}' on server '{ServerId}' is pinned but its definition is not verified: {why}", alert: listed is not null);
        }

        var decision = await _guard.AuthorizeAsync(call, context, useApprovalHandler: true, cancellationToken).ConfigureAwait(false);
        if (!decision.IsAllowed)
        {
            LogCallDenied(ServerId, name, decision.ToString(), decision.Reason ?? string.Empty);
            return (call, context, Deny(request, decision.ModelMessage.Length > 0 ? decision.ModelMessage : _guard.Messages.NotPermitted(call.ToolName)));
        }

        return (call, context, null);
    }

    private ToolCallEvent Event(JsonRpcRequest request, string name, ToolArguments arguments, McpServerDefinition? server, ListedTool? listed) => new(name, ToolKind.McpTool)
    {
        Source = ServerId,
        Arguments = arguments,
        Tags = listed is not null ? listed.Tags : server is null ? [] : [.. server.Tags],
        Risk = listed?.Risk ?? RiskLevel.Unknown,
        Descriptor = listed?.Descriptor,
        CallId = request.Id.ToString(),
        ParentCallId = AgentGuardScope.CurrentCallId,
        Attributes = server is null ? new Dictionary<string, string>(1, StringComparer.Ordinal) { ["mcp.server"] = ServerId } : AttributesFor(server),
    };

    private (ToolCallEvent? Call, GuardContext Context, JsonRpcResponse? Denial) Refused(JsonRpcRequest request, GuardContext context, ToolCallEvent call, string ruleId, string reason, bool alert = false)
    {
        var decision = _guard.Refuse(call, context, ruleId, reason, alert);
        return (null, context, Deny(request, decision.ModelMessage));
    }

    /// <summary>
    /// Parses the call's arguments once: the node is written as UTF-8 into a reused buffer and read straight from it
    /// (no intermediate string). The text is what <c>ToJsonString()</c> would produce, so sizes and limits are unchanged.
    /// </summary>
    private ToolArguments ReadArguments(JsonObject args)
    {
        var scratch = Interlocked.Exchange(ref _scratch, null) ?? new ArgumentScratch();
        try
        {
            return ToolArguments.FromUtf8Json(scratch.Write(args), _guard.ArgumentLimits);
        }
        finally
        {
            scratch.Release();
            Volatile.Write(ref _scratch, scratch);
        }
    }

    /// <summary>The event attributes naming the server; built once per registry entry, not per call.</summary>
    private IReadOnlyDictionary<string, string> AttributesFor(McpServerDefinition server)
    {
        if (Volatile.Read(ref _attributes) is { } cached && ReferenceEquals(cached.Server, server))
        {
            return cached.Attributes;
        }

        var attributes = new Dictionary<string, string>(2, StringComparer.Ordinal) { ["mcp.server"] = ServerId, ["mcp.server.name"] = server.Name ?? ServerId };
        Volatile.Write(ref _attributes, new ServerAttributes(server, attributes));
        return attributes;
    }

    private static JsonRpcResponse Deny(JsonRpcRequest request, string message) => Denied(request.Id, message);

    /// <summary>The local answer to a refused call: an error result carrying the refusal, marked <c>agentguard/denied</c>.</summary>
    private static JsonRpcResponse Denied(RequestId id, string message)
    {
        var result = new CallToolResult
        {
            IsError = true,
            Content = [new TextContentBlock { Text = message }],
            Meta = new JsonObject { ["agentguard/denied"] = true },
        };
        return new JsonRpcResponse
        {
            Id = id,
            Result = JsonSerializer.SerializeToNode(result, McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(CallToolResult))),
        };
    }

    /// <summary>A tool as verified on this connection, and the verification round it was verified in.</summary>
    private sealed record VerifiedTool(ListedTool Tool, long Round);

    /// <summary>The attributes built for one registry entry (replaced as a whole, so readers never see a torn pair).</summary>
    private sealed record ServerAttributes(McpServerDefinition Server, IReadOnlyDictionary<string, string> Attributes);

    /// <summary>A reusable UTF-8 buffer and writer for one call's arguments (one cached per connection).</summary>
    private sealed class ArgumentScratch
    {
        private const int MaxRetained = 64 * 1024;
        private ArrayBufferWriter<byte> _buffer = new(512);
        private readonly Utf8JsonWriter _writer;

        public ArgumentScratch() => _writer = new Utf8JsonWriter(_buffer);

        public ReadOnlySpan<byte> Write(JsonObject args)
        {
            _writer.Reset(_buffer);
            args.WriteTo(_writer);
            _writer.Flush();
            return _buffer.WrittenSpan;
        }

        public void Release()
        {
            if (_buffer.Capacity > MaxRetained)
            {
                _buffer = new ArrayBufferWriter<byte>(512); // do not hold on to one huge call's buffer
            }
            else
            {
                _buffer.ResetWrittenCount();
            }
        }
    }

    [LoggerMessage(3401, LogLevel.Warning, "MCP call {ServerId}/{ToolName} denied: the tool is not granted to team '{Team}' in environment '{Environment}'.")]
    private partial void LogToolNotGranted(LogText serverId, LogText toolName, LogText team, LogText environment);

    [LoggerMessage(3402, LogLevel.Warning, "MCP call {ServerId}/{ToolName} denied: the tool is hidden because {Reason}.")]
    private partial void LogHiddenToolCalled(LogText serverId, LogText toolName, LogText reason);

    [LoggerMessage(3403, LogLevel.Warning, "MCP call {ServerId}/{ToolName} denied: the tool is pinned but its current definition was not verified on this connection (never listed, changed, or its listing expired).")]
    private partial void LogUnverifiedToolCalled(LogText serverId, LogText toolName);

    [LoggerMessage(3410, LogLevel.Warning, "MCP call {ServerId}/{ToolName} denied: the server did not list this tool.")]
    private partial void LogUnknownToolCalled(LogText serverId, LogText toolName);

    [LoggerMessage(3404, LogLevel.Information, "MCP call {ServerId}/{ToolName} denied by policy: {Decision}. {Reason}")]
    private partial void LogCallDenied(LogText serverId, LogText toolName, LogText decision, LogText reason);

    [LoggerMessage(3408, LogLevel.Warning, "MCP server {ServerId} is no longer in the registry; {What} was refused.")]
    private partial void LogServerWithdrawn(LogText serverId, LogText what);
}
