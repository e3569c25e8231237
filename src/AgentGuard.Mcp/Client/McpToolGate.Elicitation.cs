using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace AgentGuard.Mcp;

/// <summary>
/// The gate's elicitation job: a server's request for input from the user (<c>elicitation/create</c>, a form or a URL
/// to open) is how a server would phish, so it is decided before the user sees it, as a
/// <see cref="ToolKind.McpElicitation"/> whose arguments are the request (<c>$.message</c>, <c>$.mode</c>, <c>$.url</c>,
/// <c>$.requestedSchema</c>), tagged <see cref="ElicitsSecretTag"/> when the form asks for a secret-named field.
/// Nobody can be asked to approve while the server waits, so a call for approval refuses it.
/// </summary>
internal sealed partial class McpToolGate
{
    /// <summary>The tag of an elicitation whose form asks for a password, key, token, one-time code or card number.</summary>
    public const string ElicitsSecretTag = "elicits-secret";

    private static readonly string[] ElicitedSecretParts = ["passcode", "otp", "onetimecode", "verificationcode", "mfa", "2fa", "cvv", "cardnumber", "ssn"];

    /// <summary>
    /// Decides the requests for input a result asks the client to fulfil before it calls again (the 2026-07-28
    /// protocol's <c>resultType: input_required</c>): when any elicitation among them is refused, the answer the client
    /// gets is an error result with the refusal instead, so it never asks the user and never calls again.
    /// </summary>
    public async ValueTask<JsonRpcResponse?> RefuseInputRequestsAsync(JsonRpcResponse response, CancellationToken cancellationToken)
    {
        if (response.Result is not JsonObject result || result["inputRequests"] is not JsonObject requests)
        {
            return null;
        }

        foreach (var (key, node) in requests)
        {
            if (node is JsonObject request && request["method"] is JsonValue method && method.GetValueKind() == JsonValueKind.String
                && method.GetValue<string>() == RequestMethods.ElicitationCreate
                && await DecideElicitationAsync(request["params"] as JsonObject ?? [], key, cancellationToken).ConfigureAwait(false) is { } refusal)
            {
                return Denied(response.Id, refusal);
            }
        }

        return null;
    }

    /// <summary>Decides a server's elicitation sent as its own request (protocol revisions before 2026-07-28); the error to answer the server with when refused.</summary>
    public async ValueTask<JsonRpcError?> AuthorizeElicitationAsync(JsonRpcRequest request, CancellationToken cancellationToken)
    {
        var refusal = await DecideElicitationAsync(request.Params as JsonObject ?? [], request.Id.ToString(), cancellationToken).ConfigureAwait(false);
        return refusal is null ? null : new JsonRpcError
        {
            Id = request.Id,
            Error = new JsonRpcErrorDetail { Code = (int)McpErrorCode.InvalidRequest, Message = refusal },
        };
    }

    /// <summary>The model-safe refusal message when the elicitation is not allowed; null when it may reach the user.</summary>
    private async ValueTask<string?> DecideElicitationAsync(JsonObject parameters, string callId, CancellationToken cancellationToken)
    {
        var context = ResolveContext();
        _registry.TryGetServer(ServerId, out var server);
        List<string> tags = server is null ? [] : [.. server.Tags];
        if (AsksForASecret(parameters))
        {
            tags.Add(ElicitsSecretTag);
        }

        var attributes = new Dictionary<string, string>(StringComparer.Ordinal) { ["mcp.server"] = ServerId };
        if (parameters["url"] is JsonValue url && url.GetValueKind() == JsonValueKind.String && Uri.TryCreate(url.GetValue<string>(), UriKind.Absolute, out var target))
        {
            attributes["mcp.elicitation.host"] = target.IdnHost;
        }

        var call = new ToolCallEvent(RequestMethods.ElicitationCreate, ToolKind.McpElicitation)
        {
            Source = ServerId,
            Arguments = ReadArguments(parameters),
            Tags = tags,
            CallId = callId,
            ParentCallId = AgentGuardScope.CurrentCallId,
            Attributes = attributes,
        };
        var decision = server is null
            ? _guard.Refuse(call, context, McpSystemRules.ServerWithdrawn, $"server '{ServerId}' is no longer in the registry")
            : await _guard.AuthorizeAsync(call, context, useApprovalHandler: false, cancellationToken).ConfigureAwait(false);
        if (decision.IsAllowed)
        {
            return null;
        }

        LogReadDenied(ServerId, RequestMethods.ElicitationCreate, ServerId, decision.ToString(), decision.Reason ?? string.Empty);
        return "The server asked for input that the client's policy refused: " + (decision.ModelMessage.Length > 0 ? decision.ModelMessage : _guard.Messages.NotPermitted(call.ToolName));
    }

    /// <summary>True when a field of the requested form is named like a secret (password, api_key, OneTimeCode…).</summary>
    private static bool AsksForASecret(JsonObject parameters)
    {
        if (parameters["requestedSchema"] is not JsonObject schema || schema["properties"] is not JsonObject properties)
        {
            return false;
        }

        foreach (var (name, _) in properties)
        {
            if (ArgumentRedactor.IsSecretKey(name))
            {
                return true;
            }

            var normalized = new string([.. name.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant)]);
            foreach (var part in ElicitedSecretParts)
            {
                if (normalized.Contains(part, StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
