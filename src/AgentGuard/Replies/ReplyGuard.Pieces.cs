namespace AgentGuard;

/// <summary>A message whose text comes in pieces (an adapter's content items), guarded as the one text a client shows.</summary>
public sealed partial class ReplyGuard
{
    /// <summary>
    /// Guards the text pieces of one message as one text: an image split across two pieces is whole to the client. When
    /// something was removed, the result stands in the first piece and the others are emptied. The session context is
    /// made by <paramref name="contextFor"/> only when the text may render; it is returned for the message after.
    /// A message without markup costs one scan of its text and allocates nothing.
    /// </summary>
    /// <param name="items">The message's content items.</param>
    /// <param name="textOf">An item's text, or null when the item is no text.</param>
    /// <param name="setText">Replaces a text item's text.</param>
    /// <param name="context">The context an earlier message of the same response made, if any.</param>
    /// <param name="state">What <paramref name="contextFor"/> reads.</param>
    /// <param name="contextFor">Makes the session context.</param>
    /// <param name="cancellationToken">Cancels the decisions.</param>
    internal async ValueTask<GuardContext?> GuardPiecesAsync<TItem, TState>(
        IList<TItem> items,
        Func<TItem, string?> textOf,
        Action<TItem, string> setText,
        GuardContext? context,
        TState state,
        Func<TState, GuardContext> contextFor,
        CancellationToken cancellationToken)
    {
        var first = -1;
        string? joined = null;
        for (var i = 0; i < items.Count; i++)
        {
            if (textOf(items[i]) is { Length: > 0 } piece)
            {
                joined = first < 0 ? piece : joined + piece;
                first = first < 0 ? i : first;
            }
        }

        if (joined is null || !MayRender(joined))
        {
            return context;
        }

        context ??= contextFor(state);
        var guarded = await GuardAsync(joined, context, cancellationToken).ConfigureAwait(false);
        if (!ReferenceEquals(guarded, joined))
        {
            for (var i = 0; i < items.Count; i++)
            {
                if (textOf(items[i]) is not null)
                {
                    setText(items[i], i == first ? guarded : string.Empty);
                }
            }
        }

        return context;
    }
}
