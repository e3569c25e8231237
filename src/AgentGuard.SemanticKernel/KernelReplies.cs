using System.Runtime.CompilerServices;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;

namespace AgentGuard.SemanticKernel;

/// <summary>
/// Semantic Kernel's answers through the <see cref="ReplyGuard"/>: the assistant's text of whole messages, and of a
/// stream of chunks, is replaced by what may be shown. Used where an answer leaves the kernel: the wrapped chat completion
/// service, and prompt functions of a kernel whose services could not be wrapped.
/// </summary>
internal static class KernelReplies
{
    /// <summary>Guards the assistant's text of <paramref name="messages"/> in place; the session is asked for once, when there is text.</summary>
    public static async ValueTask GuardAsync<TState>(ReplyGuard replies, IEnumerable<ChatMessageContent> messages, TState state, Func<TState, GuardContext> context, CancellationToken cancellationToken)
    {
        GuardContext? resolved = null;
        foreach (var message in messages)
        {
            if (message.Role != AuthorRole.Assistant)
            {
                continue;
            }

            resolved = await replies.GuardPiecesAsync(
                message.Items,
                static item => item is TextContent text ? text.Text ?? string.Empty : null,
                static (item, text) => ((TextContent)item).Text = text,
                resolved,
                (State: state, Context: context),
                static s => s.Context(s.State),
                cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// A stream of chunks whose assistant text is replaced by what may be shown now, and a last chunk
    /// (<paramref name="rest"/>) with what the guard still held at the end.
    /// </summary>
    public static async IAsyncEnumerable<T> GuardStream<T>(
        ReplyGuard replies,
        IAsyncEnumerable<T> updates,
        Func<GuardContext> context,
        Func<string, T?, T> rest,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ReplyStreamGuard? stream = null;
        T? lastText = default;
        await foreach (var update in updates.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            switch (update)
            {
                case StreamingChatMessageContent chunk when chunk.Role is not { } role || role == AuthorRole.Assistant:
                    foreach (var item in chunk.Items)
                    {
                        if (item is StreamingTextContent { Text: { Length: > 0 } piece } text)
                        {
                            stream ??= replies.Stream(context());
                            text.Text = await stream.PushAsync(piece, cancellationToken).ConfigureAwait(false);
                            lastText = update;
                        }
                    }

                    break;
                case StreamingTextContent { Text: { Length: > 0 } piece } text:
                    stream ??= replies.Stream(context());
                    text.Text = await stream.PushAsync(piece, cancellationToken).ConfigureAwait(false);
                    lastText = update;
                    break;
                default:
                    break;
            }

            yield return update;
        }

        if (stream is not null && await stream.CompleteAsync(cancellationToken).ConfigureAwait(false) is { Length: > 0 } held)
        {
            yield return rest(held, lastText);
        }
    }

    /// <summary>The last chunk of a guarded stream of chat message chunks.</summary>
    public static StreamingChatMessageContent RestChunk(string text, StreamingChatMessageContent? lastText)
        => new(AuthorRole.Assistant, text, choiceIndex: lastText?.ChoiceIndex ?? 0, modelId: lastText?.ModelId);
}
