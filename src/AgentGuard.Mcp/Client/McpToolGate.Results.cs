using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Protocol;

namespace AgentGuard.Mcp;

/// <summary>The gate's result job: the result hook over a <c>tools/call</c> response's text blocks.</summary>
internal sealed partial class McpToolGate
{
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

    [LoggerMessage(3409, LogLevel.Error, "The result hook failed for MCP call {ServerId}/{ToolName}; the result was passed on unchanged.")]
    private partial void LogInspectionFailed(Exception exception, LogText serverId, LogText toolName);
}
