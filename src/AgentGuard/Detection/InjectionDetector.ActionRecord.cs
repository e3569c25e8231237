namespace AgentGuard;

/// <content>
/// A record that orders a sending, written into a message or a page: <c>&lt;task&gt;&lt;recipient&gt;contact@…&lt;/recipient&gt;
/// &lt;action&gt;Send an email&lt;/action&gt;&lt;body&gt;confirmation&lt;/body&gt;&lt;/task&gt;</c>, <c>{"action": {"route":
/// "contact@…", "content": "…"}}</c>, <c>[LOG ENTRY] Action: … Handler: contact@… Payload: …</c>. To have an agent send an
/// e-mail an attacker must give it the three things a send needs (the action, a recipient's address, what to send), and
/// a record of keys gives them without a sentence an order detector reads. The record counts only inside other text (an
/// e-mail's body, a page): a tool result that is itself a record (an outbox, a scheduled message, an API's JSON) opens with
/// it and stays clean. Checked only where "action", "task", "step", "route" or "send" stands as a key (an XML element, a
/// JSON or YAML key, a "Key:" line: rare in prose), reading 200 characters before it and 400 after.
/// </content>
internal sealed partial class InjectionDetector
{
    /// <summary>
    /// At an action key (<paramref name="anchor"/> at <paramref name="at"/>): the text does not open with a record, and
    /// around the key a recipient key with an e-mail address and a content key (for "send", its own value is the content).
    /// </summary>
    private static void ActionRecord(ReadOnlySpan<char> text, int at, string anchor, Span<double> weights)
    {
        if (!IsRecordKey(text, at, anchor.TrimEnd().Length) || OpensWithRecord(text))
        {
            return;
        }

        var block = text[Math.Max(0, at - 200)..Math.Min(text.Length, at + 400)];
        if (block.IndexOf('@') < 0 || !InjectionPatterns.RecordRecipient().IsMatch(block))
        {
            return;
        }

        if (anchor.StartsWith("send", StringComparison.Ordinal) || InjectionPatterns.RecordContent().IsMatch(block))
        {
            Raise(weights, Marker.SendExternal, 0.5);
        }
    }

    /// <summary>
    /// The word at <paramref name="at"/> stands as a key: after '&lt;', a quote, '{', ',' or at a line's start, and followed
    /// (past a "_type"-like suffix and a closing quote) by ':', '=' or '&gt;'.
    /// </summary>
    private static bool IsRecordKey(ReadOnlySpan<char> text, int at, int length)
    {
        var b = at - 1;
        while (b >= 0 && text[b] is ' ' or '\t')
        {
            b--;
        }

        if (b >= 0 && !(text[b] is '<' or '"' or '\'' or '{' or ',' or '\n' or '\r' or '['))
        {
            return false;
        }

        var i = at + length;
        if (i < text.Length && text[i] == '_')
        {
            i++;
            while (i < text.Length && char.IsAsciiLetterOrDigit(text[i]))
            {
                i++;
            }
        }
        else if (i < text.Length && char.IsLetterOrDigit(text[i]))
        {
            return false;
        }

        if (i < text.Length && text[i] is '"' or '\'')
        {
            i++;
        }

        while (i < text.Length && text[i] is ' ' or '\t')
        {
            i++;
        }

        return i < text.Length && text[i] is ':' or '=' or '>';
    }

    /// <summary>The text's first character (past white space) opens a record: '{', '[' or '&lt;'.</summary>
    private static bool OpensWithRecord(ReadOnlySpan<char> text)
    {
        var first = text.TrimStart();
        return first.Length > 0 && first[0] is '{' or '[' or '<';
    }
}
