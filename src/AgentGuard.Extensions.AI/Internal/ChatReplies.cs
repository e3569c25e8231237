using Microsoft.Extensions.AI;

namespace AgentGuard.Extensions.AI.Internal;

/// <summary>
/// The assistant's text of a chat response through the <see cref="ReplyGuard"/>, whole or streamed: an image URL the rules
/// refuse is removed before a client renders it. Shared by the layers that guard a pipeline's replies
/// (<see cref="AgentGuardChatClient"/>, <see cref="ReplyGuardedChatClient"/>); each says how a request's session is found.
/// </summary>
/// <param name="replies">The reply guard.</param>
/// <param name="context">The session a request belongs to, from its messages and options; asked once per response, when it holds text.</param>
internal sealed class ChatReplies(ReplyGuard replies, Func<IList<ChatMessage>, ChatOptions?, GuardContext> context)
{
    /// <summary>Passes the assistant's text in <paramref name="response"/> through the reply guard, in place.</summary>
    public async ValueTask GuardAsync(IList<ChatMessage> response, IList<ChatMessage> request, ChatOptions? options, CancellationToken cancellationToken)
    {
        // Indexed loops: a reply without markup costs a scan of its text and allocates nothing.
        GuardContext? resolved = null;
        for (var m = 0; m < response.Count; m++)
        {
            var message = response[m];
            if (message.Role != ChatRole.Assistant)
            {
                continue;
            }

            resolved = await replies.GuardPiecesAsync(
                message.Contents,
                static c => c is TextContent text ? text.Text ?? string.Empty : null,
                static (c, text) => ((TextContent)c).Text = text,
                resolved,
                (Context: context, Request: request, Options: options),
                static s => s.Context(s.Request, s.Options),
                cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>A guard for one streamed response to <paramref name="request"/>.</summary>
    public Streamed Stream(IList<ChatMessage> request, ChatOptions? options) => new(this, request, options);

    private ReplyStreamGuard OpenStream(IList<ChatMessage> request, ChatOptions? options) => replies.Stream(context(request, options));

    /// <summary>One streamed response's text through a <see cref="ReplyStreamGuard"/>: each update's text is replaced by what may be shown now.</summary>
    internal sealed class Streamed(ChatReplies owner, IList<ChatMessage> request, ChatOptions? options)
    {
        private ReplyStreamGuard? _stream;
        private ChatResponseUpdate? _lastText;

        /// <summary>Replaces the assistant's text in <paramref name="update"/> by what may be shown now.</summary>
        public async ValueTask GuardAsync(ChatResponseUpdate update, CancellationToken cancellationToken)
        {
            if (update.Role is { } role && role != ChatRole.Assistant)
            {
                return;
            }

            foreach (var text in update.Contents.OfType<TextContent>())
            {
                if (text.Text is { Length: > 0 } piece)
                {
                    _stream ??= owner.OpenStream(request, options);
                    text.Text = await _stream.PushAsync(piece, cancellationToken).ConfigureAwait(false);
                    _lastText = update;
                }
            }
        }

        /// <summary>What the stream still held when it ended, decided, as one more update of the last text's message; null if nothing.</summary>
        public async ValueTask<ChatResponseUpdate?> CompleteAsync(CancellationToken cancellationToken)
        {
            if (_stream is null || await _stream.CompleteAsync(cancellationToken).ConfigureAwait(false) is not { Length: > 0 } rest)
            {
                return null;
            }

            return new ChatResponseUpdate(ChatRole.Assistant, rest) { MessageId = _lastText?.MessageId, ResponseId = _lastText?.ResponseId, ConversationId = _lastText?.ConversationId };
        }
    }
}
