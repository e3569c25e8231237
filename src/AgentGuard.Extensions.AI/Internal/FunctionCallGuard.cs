using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace AgentGuard.Extensions.AI.Internal;

/// <summary>
/// Guards one function call FICC is about to invoke: decide it, resolve approval, run it inside an
/// <see cref="AgentGuardScope"/>, and pass its result through the result hook. Shared by the chat-client and Agent
/// Framework adapters. A denied call returns the neutral model message as the function's result; nothing here throws
/// into the agent for a decision.
/// </summary>
internal sealed partial class FunctionCallGuard(ToolGuard guard, ApprovalFlow approvals, ILogger logger)
{
    private readonly ConditionalWeakTable<IList<ChatMessage>, RequestState> _requests = new();

    /// <summary>The engine pipeline behind this guard.</summary>
    public ToolGuard ToolGuard => guard;

    /// <summary>The approval flow this guard grants from.</summary>
    public ApprovalFlow Approvals => approvals;

    /// <summary>Guards <paramref name="invocation"/> and, when allowed, runs <paramref name="next"/>.</summary>
    /// <param name="invocation">FICC's context for the call.</param>
    /// <param name="next">The real invocation.</param>
    /// <param name="agent">The agent, when the adapter knows it.</param>
    /// <param name="nativeApproval">True when an approval flow above FICC turns pending calls into approval requests.</param>
    /// <param name="concurrent">True when FICC invokes a batch's calls concurrently.</param>
    /// <param name="cancellationToken">Cancels the decision and the call.</param>
    public async ValueTask<object?> InvokeAsync(
        FunctionInvocationContext invocation,
        Func<FunctionInvocationContext, CancellationToken, ValueTask<object?>> next,
        GuardAgent? agent,
        bool nativeApproval,
        bool concurrent,
        CancellationToken cancellationToken)
    {
        ToolCallEvent call;
        GuardContext context;
        Decision decision;
        try
        {
            call = FunctionCallTranslator.ToEvent(invocation, guard.ArgumentLimits);
            context = guard.ContextResolver.Resolve(
                Seen(invocation, agent),
                invocation.Options?.AdditionalProperties);
            decision = await guard.AuthorizeAsync(call, context, useApprovalHandler: false, cancellationToken).ConfigureAwait(false);
            if (decision.Effect == DecisionEffect.RequireApproval)
            {
                var fingerprint = CallFingerprint.Compute(call.ToolName, call.Arguments);
                if (approvals.TryConsumeGrant(invocation, call.CallId, fingerprint, decision))
                {
                    LogApprovedCallRuns(call.ToolName, call.CallId);
                    decision = decision.Approved("approved through the chat client's approval flow");
                }
                else if (nativeApproval && !guard.HasApprovalHandler && call.CallId is not null)
                {
                    LogApprovalRequested(call.ToolName, call.CallId);
                    var requestId = await approvals.RecordPendingAsync(call.CallId, fingerprint, context, decision, cancellationToken).ConfigureAwait(false);
                    EndBatch(invocation, pending: true, concurrent);
                    return new PendingApproval(decision.ModelMessage, requestId);
                }
                else
                {
                    decision = await guard.ResolveApprovalAsync(call, context, decision, cancellationToken).ConfigureAwait(false);
                }
            }
        }
#pragma warning disable CA1031 // A failure to decide must deny the call, never crash the agent.
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            LogGuardFailed(ex, invocation.Function.Name);
            EndBatch(invocation, pending: false, concurrent);
            return guard.Messages.CheckFailed(invocation.Function.Name);
        }

        if (!decision.IsAllowed)
        {
            if (logger.IsEnabled(LogLevel.Information))
            {
                LogDenied(call.ToolName, call.CallId, decision.ToString());
            }
            if (decision.Terminate)
            {
                invocation.Terminate = true;
            }

            EndBatch(invocation, pending: false, concurrent);
            return decision.ModelMessage;
        }

        // Marked while it runs, so an Agent Framework middleware over the same call does not decide it again.
        using (invocation.CallContent is { } content ? guard.MarkDecided(content) : null)
        {
            var options = invocation.Function.JsonSerializerOptions;
            GuardedRun<object?> run;
            try
            {
                run = await guard.RunDecidedAsync(call, context, ct => next(invocation, ct), result => Describe(result, options), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // FICC shows the model the failure's message (IncludeDetailedErrors): it passes the result hook too.
                EndBatch(invocation, pending: false, concurrent);
                var redacted = await InspectFailureAsync(call, context, ex, cancellationToken).ConfigureAwait(false);
                if (redacted is null)
                {
                    throw;
                }

                throw redacted;
            }

            EndBatch(invocation, pending: false, concurrent);
            return run.TextForModel ?? run.Result;
        }
    }

    /// <summary>
    /// The result hook over a failed call's exception message (what FICC shows the model with
    /// <c>IncludeDetailedErrors</c>): labels the session; returns an exception carrying the redacted message when the
    /// engine redacted it (the original, which holds the secret, is not attached), or null to rethrow the original.
    /// </summary>
    private async ValueTask<Exception?> InspectFailureAsync(ToolCallEvent call, GuardContext context, Exception failure, CancellationToken cancellationToken)
    {
        var text = failure.Message;
        var forModel = await guard.InspectResultAsync(call, context, text, isError: true, cancellationToken).ConfigureAwait(false);
        return forModel is null || string.Equals(forModel, text, StringComparison.Ordinal) ? null : new InvalidOperationException(forModel);
    }

    /// <summary>
    /// Stops FICC's loop after a batch in which a call waits for approval, so the request reaches the caller at once,
    /// as FICC does for its own approvals. Serial batches stop at their last call, so every sibling still gets a result.
    /// </summary>
    private void EndBatch(FunctionInvocationContext invocation, bool pending, bool concurrent)
    {
        if (invocation.FunctionCount <= 1 || concurrent)
        {
            if (pending)
            {
                invocation.Terminate = true;
            }

            return;
        }

        var state = _requests.GetValue(invocation.Messages, static _ => new RequestState());
        lock (state)
        {
            if (invocation.FunctionCallIndex == 0)
            {
                state.Pending = false;
            }

            state.Pending |= pending;
            if (state.Pending && invocation.FunctionCallIndex >= invocation.FunctionCount - 1)
            {
                invocation.Terminate = true;
                state.Pending = false;
            }
        }
    }

    /// <summary>
    /// What the request shows about the session, computed once per state of FICC's message list: the calls of one
    /// batch share it, and a list that changed (a new turn, other options or agent) gets it computed afresh.
    /// Computing it scans every message (and <see cref="ChatMessage.Text"/> may concatenate), so a batch of n calls
    /// over a long history no longer pays that n times.
    /// </summary>
    private GuardContext Seen(FunctionInvocationContext invocation, GuardAgent? agent)
    {
        var messages = invocation.Messages;
        var options = invocation.Options;
        if (messages is null || invocation.FunctionCount <= 1)
        {
            // A lone call has no sibling to share the facts with; caching them would only cost a table entry.
            return FunctionCallTranslator.Seen(messages, options, agent);
        }

        var state = _requests.GetValue(messages, static _ => new RequestState());
        var last = messages.Count > 0 ? messages[^1] : null;
        var cached = state.Seen;
        if (cached is not null && cached.Matches(messages.Count, last, options, agent))
        {
            return cached.Context;
        }

        var context = FunctionCallTranslator.Seen(messages, options, agent);
        state.Seen = new SeenFacts(messages.Count, last, options, options?.Instructions, agent, context);
        return context;
    }

    /// <summary>The text the result hook inspects: what the model would be shown.</summary>
    internal static string? Describe(object? result, JsonSerializerOptions? options)
    {
        switch (result)
        {
            case null:
                return null;
            case string text:
                return text;
            case JsonElement { ValueKind: JsonValueKind.String } element:
                return element.GetString();
            case JsonElement element:
                return element.GetRawText();
            case TextContent content:
                return content.Text;
            case IEnumerable<AIContent> contents:
                return string.Join("\n", contents.OfType<TextContent>().Select(c => c.Text));
            default:
                try
                {
                    return JsonSerializer.Serialize(result, (options ?? AIJsonUtilities.DefaultOptions).GetTypeInfo(result.GetType()));
                }
#pragma warning disable CA1031 // A result that cannot be serialized is inspected as its string form.
                catch (Exception)
#pragma warning restore CA1031
                {
                    return result.ToString();
                }
        }
    }

    [LoggerMessage(3101, LogLevel.Information, "AgentGuard denied '{ToolName}' (call {CallId}): {Decision}.")]
    private partial void LogDenied(LogText toolName, LogText callId, LogText decision);

    [LoggerMessage(3102, LogLevel.Information, "AgentGuard asked for approval of '{ToolName}' (call {CallId}).")]
    private partial void LogApprovalRequested(LogText toolName, LogText callId);

    [LoggerMessage(3103, LogLevel.Information, "AgentGuard runs '{ToolName}' (call {CallId}): a person approved exactly this call.")]
    private partial void LogApprovedCallRuns(LogText toolName, LogText callId);

    [LoggerMessage(3104, LogLevel.Error, "AgentGuard could not decide '{ToolName}'; the call was denied.")]
    private partial void LogGuardFailed(Exception exception, LogText toolName);

    /// <summary>Per message list: the batch's pending flag and the request facts last seen for it.</summary>
    private sealed class RequestState
    {
        private volatile SeenFacts? _seen;

        public bool Pending { get; set; }

        public SeenFacts? Seen
        {
            get => _seen;
            set => _seen = value;
        }
    }

    /// <summary>The request facts for one state of a message list, with what they were computed from.</summary>
    private sealed record SeenFacts(int Count, ChatMessage? Last, ChatOptions? Options, string? Instructions, GuardAgent? Agent, GuardContext Context)
    {
        public bool Matches(int count, ChatMessage? last, ChatOptions? options, GuardAgent? agent)
            => count == Count
            && ReferenceEquals(last, Last)
            && ReferenceEquals(options, Options)
            && ReferenceEquals(options?.Instructions, Instructions)
            && ReferenceEquals(agent, Agent);
    }
}
