using Microsoft.Extensions.AI;

namespace AgentGuard.Extensions.AI.Internal;

/// <summary>
/// Resumes calls a person answered. FICC only reads approval responses for <see cref="ApprovalRequiredAIFunction"/>
/// tools, and AgentGuard decides approval per call on plain functions, so AgentGuard's own answers
/// (<see cref="ApprovalFlow.RequestIdPrefix"/>) are resolved here, before FICC: each answered call is replayed as the
/// model's call with its result (run through the guarded invoker, which checks the grant), and the answers are removed.
/// </summary>
internal static class ApprovalResume
{
    /// <summary>The history to send on, and the messages the caller should add to its own history (call and result).</summary>
    public static async Task<(IList<ChatMessage> History, List<ChatMessage>? Added, bool Stop)> ResumeAsync(
        IList<ChatMessage> messages,
        ChatOptions? options,
        FunctionInvokingChatClient client,
        ModelText text,
        ApprovalFlow.GrantLease grants,
        CancellationToken cancellationToken)
    {
        List<ToolApprovalResponseContent>? answers = null;
        HashSet<string>? done = null;
        HashSet<string>? shown = null;
        foreach (var message in messages)
        {
            foreach (var content in message.Contents)
            {
                if (content is ToolApprovalRequestContent request && IsOurs(request.RequestId))
                {
                    (shown ??= new(StringComparer.Ordinal)).Add(request.RequestId);
                }
                else if (content is ToolApprovalResponseContent { ToolCall: FunctionCallContent } response && IsOurs(response.RequestId))
                {
                    (answers ??= []).Add(response);
                }
                else if (content is FunctionResultContent result)
                {
                    (done ??= new(StringComparer.Ordinal)).Add(result.CallId);
                }
            }
        }

        if (answers is null)
        {
            return (messages, null, false);
        }

        var history = new List<ChatMessage>(messages.Count + 2);
        foreach (var message in messages)
        {
            if (!message.Contents.Any(static c => c is ToolApprovalRequestContent r && IsOurs(r.RequestId) || c is ToolApprovalResponseContent a && IsOurs(a.RequestId)))
            {
                history.Add(message);
                continue;
            }

            var kept = message.Contents.Where(static c => !(c is ToolApprovalRequestContent r && IsOurs(r.RequestId) || c is ToolApprovalResponseContent a && IsOurs(a.RequestId))).ToList();
            if (kept.Count > 0)
            {
                var copy = message.Clone();
                copy.Contents = kept;
                history.Add(copy);
            }
        }

        var calls = new List<AIContent>();
        var results = new List<AIContent>();
        var stop = false;
        foreach (var answer in answers)
        {
            var call = (FunctionCallContent)answer.ToolCall;
            if (done?.Contains(call.CallId) == true || calls.OfType<FunctionCallContent>().Any(c => c.CallId == call.CallId)
                || !IsChosen(answer, answers, grants))
            {
                continue;
            }

            calls.Add(call);
            if (answer.Approved && shown?.Contains(answer.RequestId) != true)
            {
                // An approval without the request it answers was not given by a person who saw the request (for
                // example Agent Framework's auto-approval of tools it believes need none): the call is not run.
                results.Add(new FunctionResultContent(call.CallId, text.ApprovalNotGiven(call.Name)));
                continue;
            }

            if (!answer.Approved)
            {
                results.Add(new FunctionResultContent(call.CallId, "Tool call invocation was rejected by the approver and must not be retried." + (answer.Reason is { Length: > 0 } reason ? " " + reason : string.Empty)));
                continue;
            }

            var function = Find(options?.Tools, call.Name) ?? Find(client.AdditionalTools, call.Name);
            if (function is null)
            {
                results.Add(new FunctionResultContent(call.CallId, $"Error: Requested function \"{call.Name}\" not found."));
                continue;
            }

            var context = new FunctionInvocationContext
            {
                Function = function,
                Arguments = new AIFunctionArguments(call.Arguments),
                CallContent = call,
                Messages = history,
                Options = options,
                FunctionCount = 1,
            };
            grants.Attach(context, answer.RequestId);
            try
            {
                var invoke = client.FunctionInvoker ?? ((ctx, ct) => ctx.Function.InvokeAsync(ctx.Arguments, ct));
                var result = await invoke(context, cancellationToken).ConfigureAwait(false);
                results.Add(new FunctionResultContent(call.CallId, result ?? "Success: Function completed."));
                stop |= context.Terminate || result is PendingApproval;
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                results.Add(new FunctionResultContent(call.CallId, client.IncludeDetailedErrors ? "Error: Function failed. Exception: " + ex.Message : "Error: Function failed.") { Exception = ex });
            }
        }

        if (calls.Count == 0)
        {
            return (history, null, false);
        }

        List<ChatMessage> added = [new ChatMessage(ChatRole.Assistant, calls), new ChatMessage(ChatRole.Tool, results)];
        history.AddRange(added);
        return (history, added, stop);
    }

    private static bool IsOurs(string requestId) => ApprovalFlow.IsOurs(requestId);

    /// <summary>
    /// Which of the answers about one call id is resolved: the one that grants (admitted this request), else the newest.
    /// A call put up again (a reason was added after the first answer) has two answers in a caller's history: the first
    /// was claimed already and grants nothing, so the second, about the question with every reason, is the one to use.
    /// </summary>
    private static bool IsChosen(ToolApprovalResponseContent answer, List<ToolApprovalResponseContent> answers, ApprovalFlow.GrantLease grants)
    {
        var callId = ((FunctionCallContent)answer.ToolCall).CallId;
        ToolApprovalResponseContent? newest = null;
        foreach (var other in answers)
        {
            if (string.Equals(((FunctionCallContent)other.ToolCall).CallId, callId, StringComparison.Ordinal))
            {
                if (grants.Admitted.ContainsKey(other.RequestId))
                {
                    return ReferenceEquals(other, answer);
                }

                newest = other;
            }
        }

        return ReferenceEquals(newest, answer);
    }

    private static AIFunction? Find(IList<AITool>? tools, string name)
        => tools?.OfType<AIFunction>().FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.Ordinal));
}
