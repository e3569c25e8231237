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
/// </summary>
internal sealed partial class McpToolGate
{
    private readonly McpRegistry _registry;
    private readonly ToolGuard _guard;
    private readonly GuardedMcpClientOptions _options;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, VerifiedTool> _tools = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _alerted = new(StringComparer.Ordinal);
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

        if ((server.RequirePins || server.Pins.ContainsKey(name)) && (listed is null || verified!.Round != Volatile.Read(ref _round)))
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

    /// <summary>
    /// Starts a new verification round (the server said its tools changed, or the cached listing expired): until a
    /// listing is verified again, pinned tools are refused as unverified.
    /// </summary>
    public void BeginRound()
    {
        Volatile.Write(ref _expiresAt, 0);
        Interlocked.Increment(ref _round);
    }

    /// <summary>When the verified listing stops being valid (the server's <c>ttlMs</c>), or null when it does not say.</summary>
    public long? ExpiresAt => Volatile.Read(ref _expiresAt) is var at and > 0 ? at : null;

    /// <summary>Remembers how long the server said its listing may be cached (the shortest of its pages).</summary>
    public void SetTimeToLive(long now, TimeSpan? timeToLive)
        => Volatile.Write(ref _expiresAt, timeToLive is { } ttl ? now + (long)(ttl.TotalSeconds * System.Diagnostics.Stopwatch.Frequency) : 0);

    private ToolCallEvent Event(JsonRpcRequest request, string name, ToolArguments arguments, McpServerDefinition? server, ListedTool? listed) => new(name, ToolKind.McpTool)
    {
        Source = ServerId,
        Arguments = arguments,
        Tags = listed is not null ? listed.Tags : server is null ? [] : [.. server.Tags],
        Risk = listed?.Risk ?? RiskLevel.Unknown,
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

    /// <summary>
    /// Verifies every listed tool (pin, poisoning scan), remembers what it learned, and removes the tools the caller's
    /// team and environment may not use or that are hidden. Mutates <paramref name="result"/> in place.
    /// </summary>
    public void FilterList(JsonNode? result, GuardContext context) => Process(result, context, filter: true);

    /// <summary>Verifies and remembers the tools of one page of the guard's own listing, without filtering it.</summary>
    public void Verify(JsonNode? result) => Process(result, GuardContext.Empty, filter: false);

    /// <summary>Marks that a complete listing was seen: from now on a tool the server never listed is not callable.</summary>
    public void MarkListed() => _listedOnce = true;

    private void Process(JsonNode? result, GuardContext context, bool filter)
    {
        if (result is not JsonObject obj || obj["tools"] is not JsonArray tools)
        {
            return;
        }

        if (!_registry.TryGetServer(ServerId, out var server))
        {
            LogServerWithdrawn(ServerId, "tools/list");
            tools.Clear();
            return;
        }

        for (var i = tools.Count - 1; i >= 0; i--)
        {
            if (tools[i] is not JsonObject tool || tool["name"] is not JsonValue nameValue || nameValue.GetValueKind() != JsonValueKind.String)
            {
                tools.RemoveAt(i);
                continue;
            }

            var name = nameValue.GetValue<string>();
            if (!server.IsToolGrantedToAnyone(name))
            {
                // Nobody may use it: it is removed from listings and denied on call, so it is not worth hashing or scanning.
                if (filter)
                {
                    tools.RemoveAt(i);
                }

                continue;
            }

            var listed = Verify(server, tool, name);
            var round = Volatile.Read(ref _round);
            if (!_tools.TryGetValue(listed.Name, out var known) || !ReferenceEquals(known.Tool, listed) || known.Round != round)
            {
                _tools[listed.Name] = new VerifiedTool(listed, round);
            }

            if (filter && (listed.IsHidden || !server.IsToolGranted(listed.Name, context.Team, context.Environment)))
            {
                tools.RemoveAt(i);
            }
        }
    }

    /// <summary>The result hook: labels the session, and replaces the text the model sees when the engine redacted it.</summary>
    public async ValueTask InspectAsync(JsonRpcResponse response, ToolCallEvent call, GuardContext context, CancellationToken cancellationToken)
    {
        if (response.Result is not JsonObject result)
        {
            return;
        }

        var isError = result["isError"] is JsonValue e && e.GetValueKind() == JsonValueKind.True;
        var content = result["content"] as JsonArray;
        var text = content is null ? null : JoinText(content);
        try
        {
            var forModel = await _guard.InspectResultAsync(call, context, text, isError, cancellationToken).ConfigureAwait(false);
            if (content is not null && forModel is not null && !string.Equals(forModel, text, StringComparison.Ordinal))
            {
                ReplaceText(content, forModel);
                result.Remove("structuredContent"); // it would carry the unredacted values
            }
        }
#pragma warning disable CA1031 // The result hook must never break the session; the engine already fails safe on detector errors.
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            LogInspectionFailed(ex, ServerId, call.ToolName);
        }
    }

    /// <summary>
    /// Verifies one listed tool. Servers list the same definitions again and again, so the verdict is cached per server
    /// entry by the definition's exact bytes; a changed definition (any byte) is verified afresh.
    /// </summary>
    private ListedTool Verify(McpServerDefinition server, JsonObject tool, string name)
    {
        var raw = _hasher.WriteRaw(tool);
        if (!server.TryRecall(raw, out var key, out var verdict))
        {
            var definition = raw.ToArray();
            verdict = Judge(server, tool, name, definition);
            server.Remember(key, verdict);
        }

        var listed = verdict.Tool;
        if (listed.IsHidden)
        {
            name = listed.Name;
            if (server.Pins.TryGetValue(name, out var expected))
            {
                if (!string.Equals(listed.Pin, expected, StringComparison.Ordinal))
                {
                    Alert(name, listed.Pin, () => LogDefinitionChanged(ServerId, name, expected, listed.Pin));
                }
            }
            else if (server.RequirePins)
            {
                Alert(name, listed.Pin, () => LogUnpinned(ServerId, name, listed.Pin));
            }
        }

        if (verdict.Findings is { } list)
        {
            Alert(listed.Name, "poison:" + list, () => LogPoisoned(ServerId, listed.Name, server.Poisoning == McpPoisoningAction.Hide ? "hidden" : "flagged", list));
        }

        return listed;
    }

    private ToolVerdict Judge(McpServerDefinition server, JsonObject tool, string name, byte[] definition)
    {
        var pin = server.RequirePins || server.Pins.ContainsKey(name) ? _hasher.Compute(tool) : string.Empty;
        var found = server.Poisoning != McpPoisoningAction.Off ? ToolDescriptionScanner.Scan(tool) : null;
        var findings = found is null ? null : string.Join(", ", found);
        string? hidden = null;
        if (server.Pins.TryGetValue(name, out var expected))
        {
            if (!string.Equals(pin, expected, StringComparison.Ordinal))
            {
                hidden = $"its definition changed since approval (pinned {expected}, listed {pin}); approve it again by updating the pin";
            }
        }
        else if (server.RequirePins)
        {
            hidden = $"it has no pin and the server requires pins (listed {pin})";
        }

        if (findings is not null && server.Poisoning == McpPoisoningAction.Hide)
        {
            hidden ??= "its description looks poisoned: " + findings;
        }

        var (tags, risk) = Classify(server, tool);
        return new ToolVerdict(definition, new ListedTool(name, tags, risk, hidden, pin), findings);
    }

    private static (string[] Tags, RiskLevel Risk) Classify(McpServerDefinition server, JsonObject tool)
    {
        var tags = new List<string>(server.Tags.Count + 4);
        var risk = RiskLevel.Unknown;
        if (tool["annotations"] is JsonObject annotations)
        {
            if (IsTrue(annotations, "readOnlyHint"))
            {
                tags.Add("read-only");
                risk = RiskLevel.Low;
            }

            if (IsTrue(annotations, "destructiveHint"))
            {
                tags.Add("destructive");
                risk = RiskLevel.High;
            }

            if (IsTrue(annotations, "idempotentHint"))
            {
                tags.Add("idempotent");
            }

            if (IsTrue(annotations, "openWorldHint"))
            {
                tags.Add("open-world");
            }
        }

        tags.AddRange(server.Tags);
        return ([.. tags], risk);
    }

    private static bool IsTrue(JsonObject annotations, string hint)
        => annotations[hint] is JsonValue value && value.GetValueKind() == JsonValueKind.True;

    private void Alert(string name, string key, Action log)
    {
        if (_alerted.TryAdd(name + "\n" + key, 0))
        {
            log();
        }
    }

    private static string? JoinText(JsonArray content)
    {
        StringBuilder? builder = null;
        string? single = null;
        foreach (var block in content)
        {
            if (block is JsonObject b && b["type"] is JsonValue t && t.GetValueKind() == JsonValueKind.String && t.GetValue<string>() == "text"
                && b["text"] is JsonValue textValue && textValue.GetValueKind() == JsonValueKind.String)
            {
                var text = textValue.GetValue<string>();
                if (single is null && builder is null)
                {
                    single = text;
                }
                else
                {
                    builder ??= new StringBuilder(single);
                    builder.Append('\n').Append(text);
                }
            }
        }

        return builder?.ToString() ?? single;
    }

    private static void ReplaceText(JsonArray content, string text)
    {
        var first = -1;
        for (var i = content.Count - 1; i >= 0; i--)
        {
            if (content[i] is JsonObject b && b["type"] is JsonValue t && t.GetValueKind() == JsonValueKind.String && t.GetValue<string>() == "text")
            {
                content.RemoveAt(i);
                first = i;
            }
        }

        content.Insert(Math.Max(first, 0), new JsonObject { ["type"] = "text", ["text"] = text });
    }

    private static JsonRpcResponse Deny(JsonRpcRequest request, string message)
    {
        var result = new CallToolResult
        {
            IsError = true,
            Content = [new TextContentBlock { Text = message }],
            Meta = new JsonObject { ["agentguard/denied"] = true },
        };
        return new JsonRpcResponse
        {
            Id = request.Id,
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
    private partial void LogToolNotGranted(string serverId, string toolName, string team, string environment);

    [LoggerMessage(3402, LogLevel.Warning, "MCP call {ServerId}/{ToolName} denied: the tool is hidden because {Reason}.")]
    private partial void LogHiddenToolCalled(string serverId, string toolName, string reason);

    [LoggerMessage(3403, LogLevel.Warning, "MCP call {ServerId}/{ToolName} denied: the tool is pinned but its definition was not verified on this connection (it was never listed).")]
    private partial void LogUnverifiedToolCalled(string serverId, string toolName);

    [LoggerMessage(3410, LogLevel.Warning, "MCP call {ServerId}/{ToolName} denied: the server did not list this tool.")]
    private partial void LogUnknownToolCalled(string serverId, string toolName);

    [LoggerMessage(3404, LogLevel.Information, "MCP call {ServerId}/{ToolName} denied by policy: {Decision}. {Reason}")]
    private partial void LogCallDenied(string serverId, string toolName, string decision, string reason);

    [LoggerMessage(3405, LogLevel.Error, "MCP tool definition changed (rug pull?): {ServerId}/{ToolName} was pinned as {Expected} but is now {Actual}. The tool is hidden and its calls are denied until the pin is approved again.")]
    private partial void LogDefinitionChanged(string serverId, string toolName, string expected, string actual);

    [LoggerMessage(3406, LogLevel.Warning, "MCP tool {ServerId}/{ToolName} is hidden: the server requires pins and this tool has none (its pin would be {Pin}).")]
    private partial void LogUnpinned(string serverId, string toolName, string pin);

    [LoggerMessage(3407, LogLevel.Error, "MCP tool description looks poisoned: {ServerId}/{ToolName} ({Action}): {Findings}.")]
    private partial void LogPoisoned(string serverId, string toolName, string action, string findings);

    [LoggerMessage(3408, LogLevel.Warning, "MCP server {ServerId} is no longer in the registry; {What} was refused.")]
    private partial void LogServerWithdrawn(string serverId, string what);

    [LoggerMessage(3409, LogLevel.Error, "The result hook failed for MCP call {ServerId}/{ToolName}; the result was passed on unchanged.")]
    private partial void LogInspectionFailed(Exception exception, string serverId, string toolName);
}
