using System.Runtime.CompilerServices;
using AgentGuard.Extensions.AI.Internal;
using Microsoft.Extensions.AI;

namespace AgentGuard.Extensions.AI;

/// <summary>
/// The AgentGuard layer of a chat pipeline. It sits above the <see cref="FunctionInvokingChatClient"/>, installs the
/// guard on that client's <see cref="FunctionInvokingChatClient.FunctionInvoker"/> (so every function call is decided
/// before it runs), surfaces calls that need approval as <see cref="ToolApprovalRequestContent"/>, and honours a
/// <see cref="ToolApprovalResponseContent"/> only for the exact call that was approved. The reply's text passes the
/// <see cref="ReplyGuard"/> on its way out: an image URL the rules refuse (one an injected page had the model fill with the
/// user's data) is removed before a client renders it, streamed or not.
/// </summary>
/// <remarks>
/// Add it with <c>ChatClientBuilder.UseAgentGuard()</c> before <c>UseFunctionInvocation()</c>, or let
/// <c>AddChatClientGuard()</c> add it to registered clients. Find it in a pipeline with
/// <c>client.GetService&lt;AgentGuardChatClient&gt;()</c>.
/// </remarks>
public sealed class AgentGuardChatClient : DelegatingChatClient
{
    private readonly FunctionCallGuard _guard;

    /// <summary>The reply's guard; null when a layer below already guards the replies (each is decided once).</summary>
    private readonly ChatReplies? _replies;

    internal AgentGuardChatClient(IChatClient innerClient, FunctionCallGuard guard, ReplyGuard replies)
        : base(innerClient)
    {
        _replies = innerClient.GetService<ReplyGuardedChatClient>() is null ? new ChatReplies(replies, ReplyContext) : null;
        var functionInvoker = innerClient.GetService<FunctionInvokingChatClient>()
            ?? throw new InvalidOperationException(
                "AgentGuard cannot guard this chat pipeline: there is no FunctionInvokingChatClient below UseAgentGuard(), so tool calls would run unguarded. "
                + "Call UseAgentGuard() before UseFunctionInvocation() on the ChatClientBuilder, e.g. "
                + "new ChatClientBuilder(model).UseAgentGuard().UseFunctionInvocation().Build(services); "
                + "a layer below the function-invoking client cannot stop a tool.");
        _guard = GuardedFunctionInvoker.Install(functionInvoker, guard);
        FunctionInvokingClient = functionInvoker;
    }

    /// <summary>The function-invoking client this layer guards.</summary>
    public FunctionInvokingChatClient FunctionInvokingClient { get; }

    /// <inheritdoc />
    public override Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var list = messages as IList<ChatMessage> ?? [.. messages];
        return ApprovalFlow.HasAnswers(list)
            ? ResumeAndRespondAsync(list, options, cancellationToken)
            : RespondAsync(list, options, cancellationToken);
    }

    private async Task<ChatResponse> RespondAsync(IList<ChatMessage> messages, ChatOptions? options, CancellationToken cancellationToken)
    {
        var response = await base.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        await GuardRepliesAsync(response.Messages, messages, options, cancellationToken).ConfigureAwait(false);
        if (ApprovalFlow.HasPending(response.Messages))
        {
            response.Messages = _guard.Approvals.Rewrite(response.Messages);
        }

        return response;
    }

    private async Task<ChatResponse> ResumeAndRespondAsync(IList<ChatMessage> messages, ChatOptions? options, CancellationToken cancellationToken)
    {
        using var grants = await AdmitAsync(messages, options, cancellationToken).ConfigureAwait(false);
        var (history, resumed, stop) = await ApprovalResume.ResumeAsync(messages, options, FunctionInvokingClient, _guard.ToolGuard.Messages, grants, cancellationToken).ConfigureAwait(false);
        var response = stop ? new ChatResponse() : await base.GetResponseAsync(history, options, cancellationToken).ConfigureAwait(false);
        if (resumed is not null)
        {
            response.Messages = [.. resumed, .. response.Messages];
        }

        await GuardRepliesAsync(response.Messages, messages, options, cancellationToken).ConfigureAwait(false);
        if (ApprovalFlow.HasPending(response.Messages))
        {
            response.Messages = _guard.Approvals.Rewrite(response.Messages);
        }

        return response;
    }

    /// <summary>Claims the approval answers the request carries, for the session and user the request is made for.</summary>
    private ValueTask<ApprovalFlow.GrantLease> AdmitAsync(IList<ChatMessage> messages, ChatOptions? options, CancellationToken cancellationToken)
    {
        var context = _guard.ToolGuard.ContextResolver.Resolve(seen: null, options?.AdditionalProperties);
        return _guard.Approvals.AdmitAsync(messages, context, _guard.ToolGuard.ArgumentLimits, cancellationToken);
    }

    /// <inheritdoc />
    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages,
        ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var list = messages as IList<ChatMessage> ?? [.. messages];
        var answers = ApprovalFlow.HasAnswers(list);
        using var grants = answers ? await AdmitAsync(list, options, cancellationToken).ConfigureAwait(false) : null;
        var (history, resumed, stop) = grants is not null
            ? await ApprovalResume.ResumeAsync(list, options, FunctionInvokingClient, _guard.ToolGuard.Messages, grants, cancellationToken).ConfigureAwait(false)
            : (list, null, false);
        if (resumed is not null)
        {
            foreach (var message in _guard.Approvals.Rewrite(resumed))
            {
                yield return new ChatResponseUpdate(message.Role, message.Contents) { MessageId = message.MessageId ?? Guid.NewGuid().ToString("N") };
            }
        }

        if (stop)
        {
            yield break;
        }

        var updates = _guard.Approvals.RewriteAsync(
            base.GetStreamingResponseAsync(history, options, cancellationToken),
            static u => u.Contents,
            static (u, c) => u.Contents = c,
            cancellationToken);
        await foreach (var update in (_replies?.GuardStreamAsync(updates, list, options, cancellationToken) ?? updates).ConfigureAwait(false))
        {
            yield return update;
        }
    }

    /// <summary>The session context of a request, for the reply's rendered URLs.</summary>
    private GuardContext ReplyContext(IList<ChatMessage> messages, ChatOptions? options)
        => _guard.ToolGuard.ContextResolver.Resolve(FunctionCallTranslator.Seen(messages, options, agent: null), options?.AdditionalProperties);

    /// <summary>Passes the assistant's text in <paramref name="response"/> through the <see cref="ReplyGuard"/>, in place.</summary>
    private ValueTask GuardRepliesAsync(IList<ChatMessage> response, IList<ChatMessage> request, ChatOptions? options, CancellationToken cancellationToken)
        => _replies?.GuardAsync(response, request, options, cancellationToken) ?? ValueTask.CompletedTask;
}
