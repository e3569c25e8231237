namespace AgentGuard.Mcp;

/// <content>
/// A hidden or secret tag that names what it holds: "[HIDDEN INSTRUCTION]", "&lt;secret_task&gt;", "[Secret Note: …]",
/// "&lt;hidden-instructions&gt;". The table knows the bare tags ("[hidden]", "&lt;secret&gt;"); a word for an order in the
/// tag, before it closes, makes it the same tag. "[hidden attribute]", "[secret name]" and "&lt;secret-value&gt;" hold no order.
/// </content>
internal static partial class ToolDescriptionScanner
{
    /// <summary>Words for an order inside the tag ("[HIDDEN INSTRUCTION]", "&lt;secret_task&gt;").</summary>
    internal static readonly string[] TagOrderWords =
        ["instruction", "instructions", "note", "notes", "command", "commands", "task", "tasks", "directive", "directives", "step", "steps",
         "order", "orders", "prompt", "prompts", "message", "requirement", "requirements"];

    /// <summary>How many words the tag may hold after its opening.</summary>
    internal const int TagWords = 3;

    private static readonly WordSet TagOrderWordLookup = new(TagOrderWords);

    /// <summary>
    /// After the opening ending at <paramref name="end"/>, the tag holds at most <see cref="TagWords"/> words (joined by
    /// spaces, '_' or '-'), one of them of <see cref="TagOrderWords"/>, and then closes (']', '&gt;') or opens its text (':').
    /// </summary>
    internal static bool HiddenTagNamesAnOrder(ReadOnlySpan<char> text, int end)
    {
        var i = end;
        var order = false;
        for (var words = 0; words < TagWords; words++)
        {
            if (i >= text.Length || text[i] is not (' ' or '_' or '-'))
            {
                break;
            }

            i++;
            var start = i;
            while (i < text.Length && char.IsAsciiLetter(text[i]))
            {
                i++;
            }

            if (i == start)
            {
                return false;
            }

            order |= TagOrderWordLookup.Contains(text[start..i]);
        }

        return order && i < text.Length && text[i] is ']' or '>' or ':';
    }
}
