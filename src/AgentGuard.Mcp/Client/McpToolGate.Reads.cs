using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace AgentGuard.Mcp;

/// <summary>
/// The gate's reading job: a server's resources (<c>resources/read</c>) and prompts (<c>prompts/get</c>) are text a
/// host puts in front of the model. Each read is decided like a call (<see cref="ToolKind.McpResource"/> named by its
/// URI, <see cref="ToolKind.McpPrompt"/> by its name and carrying its arguments), and each answer passes the result
/// hook, so a server cannot get text past the session's labels, the injection screen or redaction by serving it as a
/// resource or a prompt.
/// </summary>
internal sealed partial class McpToolGate
{
    /// <summary>Decides a <c>resources/read</c> or <c>prompts/get</c>: the event to inspect the answer with, or a JSON-RPC error to answer with instead of sending.</summary>
    public async ValueTask<(ToolCallEvent? Call, GuardContext Context, JsonRpcError? Denial)> AuthorizeReadAsync(JsonRpcRequest request, CancellationToken cancellationToken)
    {
        var context = ResolveContext();
        var parameters = request.Params as JsonObject;
        var isPrompt = request.Method == RequestMethods.PromptsGet;
        var key = isPrompt ? "name" : "uri";
        var name = parameters?[key] is JsonValue n && n.GetValueKind() == JsonValueKind.String ? n.GetValue<string>() : null;
        var arguments = isPrompt
            ? parameters?["arguments"] is JsonObject args ? ReadArguments(args) : ToolArguments.Empty
            : ReadArguments(new JsonObject { ["uri"] = name });
        var kind = isPrompt ? ToolKind.McpPrompt : ToolKind.McpResource;
        var what = isPrompt ? "prompt" : "resource";
        if (string.IsNullOrWhiteSpace(name))
        {
            return RefusedRead(request, context, ReadEvent(request, ModelText.UnnamedTool, kind, arguments, server: null), McpSystemRules.Nameless, $"the {request.Method} request names no {what}");
        }

        if (!_registry.TryGetServer(ServerId, out var server))
        {
            LogServerWithdrawn(ServerId, name);
            return RefusedRead(request, context, ReadEvent(request, name, kind, arguments, server: null), McpSystemRules.ServerWithdrawn, $"server '{ServerId}' is no longer in the registry");
        }

        var call = ReadEvent(request, name, kind, arguments, server);
        if (HiddenRead(name) is { } hidden)
        {
            return RefusedRead(request, context, call, McpSystemRules.Hidden, $"{what} '{name}' on server '{ServerId}' is hidden because {hidden}");
        }

        var decision = await _guard.AuthorizeAsync(call, context, useApprovalHandler: true, cancellationToken).ConfigureAwait(false);
        if (!decision.IsAllowed)
        {
            LogReadDenied(ServerId, request.Method, name, decision.ToString(), decision.Reason ?? string.Empty);
            return (call, context, DenyRead(request, decision.ModelMessage.Length > 0 ? decision.ModelMessage : _guard.Messages.NotPermitted(name)));
        }

        return (call, context, null);
    }

    /// <summary>
    /// The result hook over a resource's contents (their text and URIs) or a prompt's description and messages. When
    /// the engine redacted the text, a resource's text contents become one with the redacted text (binary contents
    /// stay), and a prompt's messages become one user message with it.
    /// </summary>
    public async ValueTask InspectReadAsync(JsonRpcResponse response, ToolCallEvent call, GuardContext context, CancellationToken cancellationToken)
    {
        if (response.Result is not JsonObject result)
        {
            return;
        }

        var isPrompt = call.Kind == ToolKind.McpPrompt;
        var builder = new StringBuilder();
        if (isPrompt)
        {
            PromptText(result, builder);
        }
        else if (result["contents"] is JsonArray contents)
        {
            Strings(contents, builder, names: false);
        }

        var text = builder.ToString();
        try
        {
            var forModel = await _guard.InspectResultAsync(call, context, text, isError: false, cancellationToken).ConfigureAwait(false);
            if (forModel is not null && !string.Equals(forModel, text, StringComparison.Ordinal))
            {
                if (isPrompt)
                {
                    ReplacePrompt(result, forModel);
                }
                else
                {
                    ReplaceContents(result, forModel);
                }
            }
        }
#pragma warning disable CA1031 // The result hook must never break the session; the engine already fails safe on detector errors.
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            LogInspectionFailed(ex, ServerId, call.ToolName);
        }
    }

    private ToolCallEvent ReadEvent(JsonRpcRequest request, string name, ToolKind kind, ToolArguments arguments, McpServerDefinition? server) => new(name, kind)
    {
        Source = ServerId,
        Arguments = arguments,
        Tags = server is null ? [] : [.. server.Tags],
        CallId = request.Id.ToString(),
        ParentCallId = AgentGuardScope.CurrentCallId,
        Attributes = server is null ? new Dictionary<string, string>(1, StringComparer.Ordinal) { ["mcp.server"] = ServerId } : AttributesFor(server),
    };

    private (ToolCallEvent? Call, GuardContext Context, JsonRpcError? Denial) RefusedRead(JsonRpcRequest request, GuardContext context, ToolCallEvent call, string ruleId, string reason)
    {
        var decision = _guard.Refuse(call, context, ruleId, reason, alert: false);
        return (null, context, DenyRead(request, decision.ModelMessage));
    }

    /// <summary>A refused read answers as a JSON-RPC error (there is no error result for reads); the SDK raises it as <see cref="McpProtocolException"/>.</summary>
    private static JsonRpcError DenyRead(JsonRpcRequest request, string message) => new()
    {
        Id = request.Id,
        Error = new JsonRpcErrorDetail { Code = (int)McpErrorCode.InvalidRequest, Message = message },
    };

    /// <summary>A prompt's text, one piece a line: its description, then every string of each message's content (binary data skipped).</summary>
    private static void PromptText(JsonObject result, StringBuilder builder)
    {
        if (result["description"] is JsonValue description && description.GetValueKind() == JsonValueKind.String)
        {
            Line(builder, description.GetValue<string>());
        }

        if (result["messages"] is not JsonArray messages)
        {
            return;
        }

        foreach (var message in messages)
        {
            if (message is JsonObject { } m && m["content"] is { } content && !IsBinary(content))
            {
                Strings(content, builder, names: false);
            }
        }
    }

    private static void ReplaceContents(JsonObject result, string text)
    {
        if (result["contents"] is not JsonArray contents)
        {
            contents = [];
            result["contents"] = contents;
        }

        string? uri = null;
        for (var i = contents.Count - 1; i >= 0; i--)
        {
            if (contents[i] is JsonObject { } entry && entry["blob"] is not null)
            {
                continue;
            }

            if (contents[i] is JsonObject { } read && read["uri"] is JsonValue u && u.GetValueKind() == JsonValueKind.String)
            {
                uri = u.GetValue<string>();
            }

            contents.RemoveAt(i);
        }

        contents.Insert(0, new JsonObject { ["uri"] = uri ?? string.Empty, ["mimeType"] = "text/plain", ["text"] = text });
    }

    private static void ReplacePrompt(JsonObject result, string text)
    {
        result.Remove("description");
        result["messages"] = new JsonArray(new JsonObject { ["role"] = "user", ["content"] = new JsonObject { ["type"] = "text", ["text"] = text } });
    }

    [LoggerMessage(3411, LogLevel.Information, "MCP {Method} {ServerId}/{Name} denied by policy: {Decision}. {Reason}")]
    private partial void LogReadDenied(LogText serverId, LogText method, LogText name, LogText decision, LogText reason);
}
