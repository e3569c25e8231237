namespace AgentGuard;

/// <summary>
/// A finding inside the content of an XML element whose name says it holds a secret (<c>&lt;apiKey&gt;</c>,
/// <c>&lt;password type="plain"&gt;</c>) is widened to the element's whole content. The content as a whole may not be
/// reported (a value with spaces is not a credential by itself), but once part of it is, the rest of it is the same
/// secret: redacting the part would leave the rest beside the redaction.
/// </summary>
internal static class RedactorSecretElements
{
    /// <summary>How far either way an element's content is looked for.</summary>
    private const int Window = 4096;

    /// <summary>The span <paramref name="start"/>..<paramref name="end"/> widened to the content of the secret-named element it lies in, if any.</summary>
    public static (int Start, int End) Widened(string text, int start, int end)
    {
        // Inside a CDATA section the content is the section's inside, and the tags stand around the section.
        if (CData(text, start, end) is (int inside, int insideEnd, int outer, int outerEnd))
        {
            return Content(text, outer, outerEnd) is null ? (start, end) : Trimmed(text, start, end, inside, insideEnd);
        }

        return Content(text, start, end) is (int contentStart, int contentEnd) ? Trimmed(text, start, end, contentStart, contentEnd) : (start, end);
    }

    /// <summary>The content of the secret-named element that <paramref name="start"/>..<paramref name="end"/> lies in, or null.</summary>
    private static (int Start, int End)? Content(string text, int start, int end)
    {
        // The content starts after the '>' of an opening tag, with no '<' between it and the span.
        var from = Math.Max(0, start - Window);
        var open = text.AsSpan(from, start - from).LastIndexOfAny('<', '>');
        if (open < 0 || text[from + open] != '>')
        {
            return null;
        }

        var contentStart = from + open + 1;
        var tagStart = text.LastIndexOf('<', contentStart - 1);
        if (tagStart < 0 || tagStart + 1 >= contentStart || !char.IsLetter(text[tagStart + 1]))
        {
            return null;
        }

        var name = ElementName(text.AsSpan(tagStart + 1, contentStart - 1 - (tagStart + 1)));

        // The content ends at the next '<', which must close the same element.
        var to = Math.Min(text.Length, end + Window);
        var close = text.AsSpan(end, to - end).IndexOf('<');
        if (close < 0)
        {
            return null;
        }

        var contentEnd = end + close;
        var closing = text.AsSpan(contentEnd);
        return name.IsEmpty || !closing.StartsWith("</") || !closing[2..].StartsWith(name, StringComparison.Ordinal) || !ArgumentRedactor.IsSecretKey(name.ToString())
            ? null
            : (contentStart, contentEnd);
    }

    /// <summary>The span widened to the content, trimmed of the white space around it.</summary>
    private static (int Start, int End) Trimmed(string text, int start, int end, int contentStart, int contentEnd)
    {
        // White space around the content is layout, not part of the secret.
        while (contentStart < start && char.IsWhiteSpace(text[contentStart]))
        {
            contentStart++;
        }

        while (contentEnd > end && char.IsWhiteSpace(text[contentEnd - 1]))
        {
            contentEnd--;
        }

        return (Math.Min(start, contentStart), Math.Max(end, contentEnd));
    }

    /// <summary>
    /// When <paramref name="start"/>..<paramref name="end"/> lies in a <c>&lt;![CDATA[…]]&gt;</c> section: the section's
    /// inside and the section with its markers; otherwise null.
    /// </summary>
    private static (int Inside, int InsideEnd, int Outer, int OuterEnd)? CData(string text, int start, int end)
    {
        const string Open = "<![CDATA[";
        const string Close = "]]>";
        var from = Math.Max(0, start - Window);
        var open = text.LastIndexOf(Open, start, start - from, StringComparison.Ordinal);
        if (open < 0 || text.IndexOf(Close, open, start - open, StringComparison.Ordinal) >= 0)
        {
            return null;
        }

        var close = text.IndexOf(Close, end, Math.Min(Window, text.Length - end), StringComparison.Ordinal);
        return close < 0 ? null : (open + Open.Length, close, open, close + Close.Length);
    }

    /// <summary>The element name of an opening tag's inside (<c>apiKey env='prod'</c> → <c>apiKey</c>), or empty for a closing or self-closing tag.</summary>
    private static ReadOnlySpan<char> ElementName(ReadOnlySpan<char> tag)
    {
        if (tag.EndsWith("/"))
        {
            return [];
        }

        var length = 0;
        while (length < tag.Length && (char.IsLetterOrDigit(tag[length]) || tag[length] is '_' or '-' or '.' or ':'))
        {
            length++;
        }

        return tag[..length];
    }
}
