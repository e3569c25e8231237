using Microsoft.Extensions.AI;

namespace AgentGuard.Extensions.AI.Internal;

/// <summary>
/// A chat pipeline layer whose only job is the reply: the assistant's text passes the <see cref="ReplyGuard"/> on its way
/// out, streamed or not. For pipelines whose function calls are guarded by another adapter (Semantic Kernel's own
/// function loop over an <see cref="IChatClient"/>); <see cref="AgentGuardChatClient"/> guards both.
/// </summary>
internal sealed class ReplyGuardedChatClient : DelegatingChatClient
{
    private readonly ChatReplies _replies;
    private readonly bool _ownsInner;

    /// <param name="innerClient">The client whose replies are guarded.</param>
    /// <param name="replies">The reply guard and how a request's session is found.</param>
    /// <param name="ownsInner">Whether disposing this layer disposes <paramref name="innerClient"/> (the container tracks only the decorator).</param>
    public ReplyGuardedChatClient(IChatClient innerClient, ChatReplies replies, bool ownsInner)
        : base(innerClient)
    {
        _replies = replies;
        _ownsInner = ownsInner;
    }

    /// <inheritdoc />
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var request = messages as IList<ChatMessage> ?? [.. messages];
        var response = await base.GetResponseAsync(request, options, cancellationToken).ConfigureAwait(false);
        await _replies.GuardAsync(response.Messages, request, options, cancellationToken).ConfigureAwait(false);
        return response;
    }

    /// <inheritdoc />
    public override IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var request = messages as IList<ChatMessage> ?? [.. messages];
        return _replies.GuardStreamAsync(base.GetStreamingResponseAsync(request, options, cancellationToken), request, options, cancellationToken);
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing && _ownsInner)
        {
            base.Dispose(disposing);
        }
    }
}
