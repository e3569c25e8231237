using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace AgentGuard.Extensions.AI.Internal;

/// <summary>
/// The assistant's text of a chat response, and its reasoning, through the <see cref="ReplyGuard"/>, whole or streamed: an
/// image URL the rules refuse is removed before a client renders it. Shared by the layers that guard a pipeline's replies
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

            // The reasoning is a text of its own (a UI's "thinking" panel, rendered apart from the answer).
            resolved = await replies.GuardPiecesAsync(
                message.Contents,
                static c => c is TextReasoningContent reasoning ? reasoning.Text ?? string.Empty : null,
                static (c, text) => ((TextReasoningContent)c).Text = text,
                resolved,
                (Context: context, Request: request, Options: options),
                static s => s.Context(s.Request, s.Options),
                cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// <paramref name="updates"/> with the assistant's text and reasoning replaced by what may be shown now, and one more
    /// update at the end with what the guards still held.
    /// </summary>
    public async IAsyncEnumerable<ChatResponseUpdate> GuardStreamAsync(
        IAsyncEnumerable<ChatResponseUpdate> updates,
        IList<ChatMessage> request,
        ChatOptions? options,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var stream = new Streamed(this, request, options);
        await foreach (var update in updates.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            await stream.GuardAsync(update, cancellationToken).ConfigureAwait(false);
            yield return update;
        }

        if (await stream.CompleteAsync(cancellationToken).ConfigureAwait(false) is { } last)
        {
            yield return last;
        }
    }

    private ReplyStreamGuard OpenStream(IList<ChatMessage> request, ChatOptions? options) => replies.Stream(context(request, options));

    /// <summary>
    /// One streamed response's text through <see cref="ReplyStreamGuard"/>s, one for the answer and one for the reasoning
    /// (two texts a client renders apart): each update's text is replaced by what may be shown now.
    /// </summary>
    private sealed class Streamed(ChatReplies owner, IList<ChatMessage> request, ChatOptions? options)
    {
        private ReplyStreamGuard? _answer;
        private ReplyStreamGuard? _reasoning;
        private ChatResponseUpdate? _lastText;

        /// <summary>Replaces the assistant's text and reasoning in <paramref name="update"/> by what may be shown now.</summary>
        public async ValueTask GuardAsync(ChatResponseUpdate update, CancellationToken cancellationToken)
        {
            if (update.Role is { } role && role != ChatRole.Assistant)
            {
                return;
            }

            var contents = update.Contents;
            for (var i = 0; i < contents.Count; i++)
            {
                switch (contents[i])
                {
                    case TextContent { Text: { Length: > 0 } piece } text:
                        _answer ??= owner.OpenStream(request, options);
                        text.Text = await _answer.PushAsync(piece, cancellationToken).ConfigureAwait(false);
                        _lastText = update;
                        break;
                    case TextReasoningContent { Text: { Length: > 0 } piece } reasoning:
                        _reasoning ??= owner.OpenStream(request, options);
                        reasoning.Text = await _reasoning.PushAsync(piece, cancellationToken).ConfigureAwait(false);
                        _lastText = update;
                        break;
                    default:
                        break;
                }
            }
        }

        /// <summary>What the streams still held when they ended, decided, as one more update of the last text's message; null if nothing.</summary>
        public async ValueTask<ChatResponseUpdate?> CompleteAsync(CancellationToken cancellationToken)
        {
            var reasoning = _reasoning is null ? null : await _reasoning.CompleteAsync(cancellationToken).ConfigureAwait(false);
            var answer = _answer is null ? null : await _answer.CompleteAsync(cancellationToken).ConfigureAwait(false);
            List<AIContent>? rest = null;
            if (reasoning is { Length: > 0 })
            {
                (rest ??= []).Add(new TextReasoningContent(reasoning));
            }

            if (answer is { Length: > 0 })
            {
                (rest ??= []).Add(new TextContent(answer));
            }

            return rest is null
                ? null
                : new ChatResponseUpdate(ChatRole.Assistant, rest) { MessageId = _lastText?.MessageId, ResponseId = _lastText?.ResponseId, ConversationId = _lastText?.ConversationId };
        }
    }
}
