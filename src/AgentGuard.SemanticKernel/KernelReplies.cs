using System.Runtime.CompilerServices;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;

namespace AgentGuard.SemanticKernel;

#pragma warning disable SKEXP0110 // ReasoningContent: experimental in SK 1.82; a reply's reasoning is guarded as the answer is.

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

            resolved = await GuardReasoningAsync(replies, message.Items, resolved, state, context, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The reasoning of a message, a text of its own (a UI's "thinking" panel, rendered apart from the answer), guarded
    /// whole; its items are immutable, so a changed text replaces them (the first holds it, the others are emptied).
    /// </summary>
    private static async ValueTask<GuardContext?> GuardReasoningAsync<TState>(ReplyGuard replies, IList<KernelContent> items, GuardContext? resolved, TState state, Func<TState, GuardContext> context, CancellationToken cancellationToken)
    {
        string? joined = null;
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is ReasoningContent { Text: { Length: > 0 } piece })
            {
                joined += piece;
            }
        }

        if (joined is null || !ReplyGuard.MayRender(joined))
        {
            return resolved;
        }

        resolved ??= context(state);
        var guarded = await replies.GuardAsync(joined, resolved, cancellationToken).ConfigureAwait(false);
        if (!ReferenceEquals(guarded, joined))
        {
            var first = true;
            for (var i = 0; i < items.Count; i++)
            {
                if (items[i] is ReasoningContent reasoning)
                {
                    items[i] = new ReasoningContent(first ? guarded : string.Empty) { ModelId = reasoning.ModelId, Metadata = reasoning.Metadata, InnerContent = reasoning.InnerContent };
                    first = false;
                }
            }
        }

        return resolved;
    }

    /// <summary>
    /// A stream of chunks whose assistant text and reasoning are replaced by what may be shown now (each a text of its own),
    /// and last chunks (<paramref name="rest"/>) with what the guards still held at the end.
    /// </summary>
    public static async IAsyncEnumerable<T> GuardStream<T>(
        ReplyGuard replies,
        IAsyncEnumerable<T> updates,
        Func<GuardContext> context,
        Func<StreamingKernelContent, T?, T> rest,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ReplyStreamGuard? answer = null;
        ReplyStreamGuard? reasoning = null;
        T? lastText = default;
        await foreach (var update in updates.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            switch (update)
            {
                case StreamingChatMessageContent chunk when chunk.Role is not { } role || role == AuthorRole.Assistant:
                    var items = chunk.Items;
                    for (var i = 0; i < items.Count; i++)
                    {
                        switch (items[i])
                        {
                            case StreamingTextContent { Text: { Length: > 0 } piece } text:
                                answer ??= replies.Stream(context());
                                text.Text = await answer.PushAsync(piece, cancellationToken).ConfigureAwait(false);
                                lastText = update;
                                break;
                            case StreamingReasoningContent { Text: { Length: > 0 } piece } thought:
                                // Its text is set once: the chunk gets a new item with what may be shown now.
                                reasoning ??= replies.Stream(context());
                                items[i] = new StreamingReasoningContent(await reasoning.PushAsync(piece, cancellationToken).ConfigureAwait(false)) { ModelId = thought.ModelId, Metadata = thought.Metadata, InnerContent = thought.InnerContent };
                                break;
                            default:
                                break;
                        }
                    }

                    break;
                case StreamingTextContent { Text: { Length: > 0 } piece } text:
                    answer ??= replies.Stream(context());
                    text.Text = await answer.PushAsync(piece, cancellationToken).ConfigureAwait(false);
                    lastText = update;
                    break;
                default:
                    break;
            }

            yield return update;
        }

        if (reasoning is not null && await reasoning.CompleteAsync(cancellationToken).ConfigureAwait(false) is { Length: > 0 } thoughtHeld)
        {
            yield return rest(new StreamingReasoningContent(thoughtHeld), lastText);
        }

        if (answer is not null && await answer.CompleteAsync(cancellationToken).ConfigureAwait(false) is { Length: > 0 } held)
        {
            yield return rest(new StreamingTextContent(held), lastText);
        }
    }

    /// <summary>A last chunk of a guarded stream of chat message chunks, holding <paramref name="held"/>.</summary>
    public static StreamingChatMessageContent RestChunk(StreamingKernelContent held, StreamingChatMessageContent? lastText)
        => new(AuthorRole.Assistant, content: null, choiceIndex: lastText?.ChoiceIndex ?? 0, modelId: lastText?.ModelId) { Items = [held] };
}
