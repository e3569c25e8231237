using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Protocol;

namespace AgentGuard.Mcp;

/// <summary>
/// The gate's listing job: verifies every listed tool (pin, poisoning scan, annotations), remembers the verdicts per
/// verification round, and filters what the caller's team and environment may see.
/// </summary>
internal sealed partial class McpToolGate
{
    /// <summary>
    /// Starts a new verification round (the server said its tools changed, or the cached listing expired): until a
    /// listing is verified again, pinned tools are refused as unverified.
    /// </summary>
    public void BeginRound()
    {
        Volatile.Write(ref _expiresAt, 0);
        Interlocked.Increment(ref _round);
    }

    /// <summary>True when the server's registry entry pins tools: only then does an expired listing need verifying again before a call.</summary>
    public bool PinsTools => _registry.TryGetServer(ServerId, out var server) && (server.RequirePins || server.Pins.Count > 0);

    /// <summary>When the verified listing stops being valid (the server's <c>ttlMs</c>), or null when it does not say.</summary>
    public long? ExpiresAt => Volatile.Read(ref _expiresAt) is var at and > 0 ? at : null;

    /// <summary>Remembers how long the server said its listing may be cached (the shortest of its pages).</summary>
    public void SetTimeToLive(long now, TimeSpan? timeToLive)
        => Volatile.Write(ref _expiresAt, timeToLive is { } ttl ? now + (long)(ttl.TotalSeconds * System.Diagnostics.Stopwatch.Frequency) : 0);

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

        var round = Volatile.Read(ref _round);
        var collisions = FindCollisions(tools, round);
        for (var i = tools.Count - 1; i >= 0; i--)
        {
            if (tools[i] is not JsonObject tool || tool["name"] is not JsonValue nameValue || nameValue.GetValueKind() != JsonValueKind.String)
            {
                tools.RemoveAt(i);
                continue;
            }

            var name = nameValue.GetValue<string>();
            if (collisions is not null && collisions.TryGetValue(name, out var other))
            {
                Refuse(name, other, round);
                if (filter)
                {
                    tools.RemoveAt(i);
                }

                continue;
            }

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

    /// <summary>
    /// The listed names that collide with another name of this server under the canonical comparison (the core's
    /// normalisation, without regard to case), in this page or earlier in the round, each with the name it collides
    /// with; null when there are none. A server adding <c>Echo</c> beside a pinned <c>echo</c> gets neither run.
    /// </summary>
    private Dictionary<string, string>? FindCollisions(JsonArray tools, long round)
    {
        Dictionary<string, string>? collisions = null;
        foreach (var node in tools)
        {
            if (node is not JsonObject tool || tool["name"] is not JsonValue value || value.GetValueKind() != JsonValueKind.String)
            {
                continue;
            }

            var name = value.GetValue<string>();
            var canonical = ToolNames.Normalize(name);
            var seen = _canonicalNames.AddOrUpdate(
                canonical,
                static (_, arg) => arg,
                static (_, existing, arg) => existing.Round == arg.Round ? existing : arg,
                (Name: name, Round: round));
            if (!string.Equals(seen.Name, name, StringComparison.Ordinal))
            {
                collisions ??= new(StringComparer.Ordinal);
                collisions[name] = seen.Name;
                collisions[seen.Name] = name;
            }
        }

        return collisions;
    }

    /// <summary>Records a colliding tool as refused (its calls are denied), and alerts once per pair.</summary>
    private void Refuse(string name, string other, long round)
    {
        var reason = $"its name collides with '{other}' on the same server (one tool under the canonical comparison)";
        _tools[name] = new VerifiedTool(new ListedTool(name, [], RiskLevel.High, reason, string.Empty, new ToolDescriptor()) { CollidesWith = other }, round);
        Alert(name, "conflict:" + other, () => LogNameConflict(ServerId, name, other));
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
            if (server.TryGetPin(name, out var expected))
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
        var pin = server.IsPinned(name) ? _hasher.Compute(tool) : string.Empty;
        var found = server.Poisoning != McpPoisoningAction.Off ? ToolDescriptionScanner.Scan(tool) : null;
        var findings = found is null ? null : string.Join(", ", found);
        string? hidden = null;
        if (server.TryGetPin(name, out var expected))
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
        return new ToolVerdict(definition, new ListedTool(name, tags, risk, hidden, pin, Describe(tool)), findings);
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

    /// <summary>What the server declares about the tool — description, input schema, annotations — for role inference.</summary>
    private static ToolDescriptor Describe(JsonObject tool)
    {
        var annotations = tool["annotations"] as JsonObject;
        return new ToolDescriptor
        {
            Description = tool["description"] is JsonValue description && description.GetValueKind() == JsonValueKind.String ? description.GetValue<string>() : null,
            ParametersSchema = tool["inputSchema"] is JsonObject schema ? JsonDocument.Parse(schema.ToJsonString()).RootElement.Clone() : null,
            ReadOnlyHint = Hint(annotations, "readOnlyHint"),
            DestructiveHint = Hint(annotations, "destructiveHint"),
            OpenWorldHint = Hint(annotations, "openWorldHint"),
        };

        static bool? Hint(JsonObject? annotations, string hint) => annotations?[hint] is JsonValue value
            ? value.GetValueKind() switch { JsonValueKind.True => true, JsonValueKind.False => false, _ => null }
            : null;
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

    [LoggerMessage(3405, LogLevel.Error, "MCP tool definition changed (rug pull?): {ServerId}/{ToolName} was pinned as {Expected} but is now {Actual}. The tool is hidden and its calls are denied until the pin is approved again.")]
    private partial void LogDefinitionChanged(LogText serverId, LogText toolName, LogText expected, LogText actual);

    [LoggerMessage(3406, LogLevel.Warning, "MCP tool {ServerId}/{ToolName} is hidden: the server requires pins and this tool has none (its pin would be {Pin}).")]
    private partial void LogUnpinned(LogText serverId, LogText toolName, LogText pin);

    [LoggerMessage(3432, LogLevel.Error, "MCP server {ServerId} listed two tools that are one tool under the canonical name comparison: {ToolName} and {OtherName}. Both are refused.")]
    private partial void LogNameConflict(LogText serverId, LogText toolName, LogText otherName);

    [LoggerMessage(3407, LogLevel.Error, "MCP tool description looks poisoned: {ServerId}/{ToolName} ({Action}): {Findings}.")]
    private partial void LogPoisoned(LogText serverId, LogText toolName, LogText action, LogText findings);
}
