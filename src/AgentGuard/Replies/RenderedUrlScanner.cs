using System.Buffers;

namespace AgentGuard;

/// <summary>
/// Finds what a reply makes a client load, run or go to unclicked: markdown images written inline
/// (<c>![alt](url "title")</c>, <c>![alt](&lt;url&gt;)</c>), reference definitions (<c>[id]: url</c>: every one, since an
/// image may use it from anywhere in the reply), and in HTML the loading attributes, event handlers, inline documents and
/// CSS a browser acts on (<see cref="HtmlSource"/>). Plain links are not among them: the reader sees a link and chooses to
/// follow it. URLs are reported when absolute http(s) or protocol-relative (<c>//host/…</c>) — a relative one stays on the
/// host that serves the reply — and in HTML also when they carry another scheme (<c>javascript:</c>, <c>data:</c>).
/// </summary>
internal static partial class RenderedUrlScanner
{
    /// <summary>The characters a rendered URL's construct starts with.</summary>
    internal static readonly SearchValues<char> Starts = SearchValues.Create("![<");

    /// <summary>The rendered URLs of <paramref name="text"/>, in order.</summary>
    /// <param name="text">The reply, or a part of it.</param>
    /// <param name="firstLineQuoted">Whether the text starts inside a line that a block quote marker began (a streamed part).</param>
    /// <param name="firstLineListIndent">For a streamed part that starts right after a list item's marker, where the item's content starts (-1 otherwise).</param>
    public static List<RenderedUrl> Find(string text, bool firstLineQuoted = false, int firstLineListIndent = -1)
    {
        var found = new List<RenderedUrl>();
        var span = text.AsSpan();
        Reading? reading = null;
        for (var at = span.IndexOfAny(Starts); at >= 0;)
        {
            var after = -1;
            var url = span[at] switch
            {
                // A destination that never closes ("![a]](](https://…)") makes no image at that bracket: a renderer reads
                // on to a later "](", as it does after a bracket that opens none.
                '!' => InlineImage(text, at, out var wellFormed, out after) ?? (wellFormed && after >= 0 ? null : LooseImage(text, at, found)),
                '[' => Definition(text, at),
                _ => HtmlSource(text, at, found, firstLineQuoted, firstLineListIndent, reading ??= new Reading(span.LastIndexOf('>'))),
            };
            if (url is { } u)
            {
                found.Add(u);
            }

            // A reported image is read past as a whole (it is replaced whole). Any other start is read on from the next
            // character: what looks like an image's destination may be no destination at all to the renderer.
            at = NextStart(span, url is not null && span[at] == '!' && after > at ? after : at + 1);
        }

        return found;
    }

    private static int NextStart(ReadOnlySpan<char> text, int from)
    {
        if (from >= text.Length)
        {
            return -1;
        }

        var next = text[from..].IndexOfAny(Starts);
        return next < 0 ? -1 : from + next;
    }

    /// <summary><c>![alt](url "title")</c> at <paramref name="at"/>: the whole image, replaced by its alt text.</summary>
    /// <param name="text">The reply.</param>
    /// <param name="at">Where the <c>!</c> is.</param>
    /// <param name="wellFormed">Whether the alt text's closing bracket is followed by the destination's parenthesis.</param>
    /// <param name="after">Where a well-formed, closed image ends (its alt text and destination start nothing of their own), or -1.</param>
    private static RenderedUrl? InlineImage(string text, int at, out bool wellFormed, out int after)
    {
        wellFormed = false;
        after = -1;
        if (at + 1 >= text.Length || text[at + 1] != '[')
        {
            return null;
        }

        var close = ClosingBracket(text, at + 1);
        if (close < 0 || close + 1 >= text.Length || text[close + 1] != '(')
        {
            return null;
        }

        wellFormed = true;

        var (url, end) = Destination(text, close + 2, ')');
        after = end < 0 ? -1 : end + 1;
        if (url is null || end < 0)
        {
            return null;
        }

        // The alt text stands in its place, without the characters that could join what is around it into markup.
        var alt = string.Concat(text.AsSpan((at + 2)..close).ToString().Where(c => c is not ('[' or ']' or '(' or ')' or '<' or '>' or '!' or '\\'))).Trim();
        return new RenderedUrl(at, end + 1 - at, url, alt.Length == 0 ? "(image removed)" : $"(image removed: {alt})");
    }

    /// <summary>
    /// An image opener <c>![</c> whose first closing bracket opens no destination: renderers differ on which later
    /// <c>](url)</c> of the paragraph closes it (<c>![a][1]&gt; ](url)</c> is an image of alt <c>a][1]&gt; </c> to Markdig), so each
    /// one's remote URL is reported, replaced in place by a fragment that loads nothing elsewhere. Returns null: they are added to <paramref name="found"/>.
    /// </summary>
    private static RenderedUrl? LooseImage(string text, int at, List<RenderedUrl> found)
    {
        if (at + 1 >= text.Length || text[at + 1] != '[')
        {
            return null;
        }

        var window = text.AsSpan(at, Math.Min(MaxParagraph, text.Length - at));
        var paragraph = window.IndexOf("\n\n", StringComparison.Ordinal) is var blank and >= 0 ? window[..blank] : window;
        for (var p = paragraph.IndexOf("](", StringComparison.Ordinal); p >= 0; p = paragraph[(p + 2)..].IndexOf("](", StringComparison.Ordinal) is var q and >= 0 ? p + 2 + q : -1)
        {
            var (url, _) = Destination(text, at + p + 2, ')', out var urlStart, out var urlEnd);
            if (url is not null && !found.Exists(f => f.Start == urlStart))
            {
                found.Add(new RenderedUrl(urlStart, urlEnd - urlStart, url, "#image-removed"));
            }
        }

        return null;
    }

    /// <summary>Longest paragraph read for the destinations of a loose image opener.</summary>
    private const int MaxParagraph = 4096;

    /// <summary>
    /// <c>[id]: url</c> at the start of a line (up to three spaces in): the URL, replaced by a fragment that loads nothing
    /// elsewhere (the image that uses the definition stays, pointing at the reply's own page).
    /// </summary>
    private static RenderedUrl? Definition(string text, int at)
    {
        // Only spaces, tabs, block quote marks and list item markers may come before it on its line ("> [1]: …" in a
        // quote, "- [1]: …" in a list item: a definition there holds for the whole reply).
        var line = at > 0 ? text.LastIndexOf('\n', at - 1) + 1 : 0;
        if (at - line > MaxIndent || !IsContainerLead(text.AsSpan(line, at - line)))
        {
            return null;
        }

        var close = ClosingBracket(text, at);
        if (close < 0 || close + 1 >= text.Length || text[close + 1] != ':')
        {
            return null;
        }

        var from = close + 2;
        while (from < text.Length && text[from] is ' ' or '\t')
        {
            from++;
        }

        var (url, end) = Destination(text, from, '\n');
        return url is null ? null : new RenderedUrl(from, (end < 0 ? text.Length : end) - from, url, "#image-removed");
    }

    /// <summary>
    /// Whether a line's start up to a construct (<paramref name="lead"/>) holds only what opens containers: spaces, block
    /// quote markers and list item markers ("", "  ", "&gt; ", "- ", "&gt; 1. - ").
    /// </summary>
    internal static bool IsContainerLead(ReadOnlySpan<char> lead)
    {
        while (true)
        {
            lead = AfterQuoteMarkers(lead).TrimStart(" \t");
            if (lead.IsEmpty)
            {
                return true;
            }

            var i = ListMarkerEnd(lead, 0);
            if (i < 0)
            {
                return false;
            }

            lead = lead[i..];
        }
    }

    /// <summary>The ']' that closes the '[' at <paramref name="open"/> (brackets nest, a backslash escapes), on the same paragraph; -1 if none.</summary>
    private static int ClosingBracket(string text, int open)
    {
        var depth = 0;
        for (var i = open; i < text.Length && i - open < 1024; i++)
        {
            switch (text[i])
            {
                case '\\':
                    i++;
                    break;
                case '[':
                    depth++;
                    break;
                case ']' when --depth == 0:
                    return i;
                case '\n' when i + 1 < text.Length && text[i + 1] == '\n':
                    return -1;
            }
        }

        return -1;
    }

    /// <summary>
    /// A link destination at <paramref name="from"/>: <c>&lt;url&gt;</c>, or a run without white space in which
    /// parentheses balance; then, for an inline image, an optional title and the closing <paramref name="close"/>. Returns
    /// the URL when it is remote, and where the construct ends (the closing character; -1 when it never closes).
    /// </summary>
    private static (string? Url, int End) Destination(string text, int from, char close)
        => Destination(text, from, close, out _, out _);

    /// <summary>As <see cref="Destination(string, int, char)"/>, with where the URL is written (<paramref name="urlStart"/> up to <paramref name="urlEnd"/>).</summary>
    private static (string? Url, int End) Destination(string text, int from, char close, out int urlStart, out int urlEnd)
    {
        // Spaces and at most one line break before it: a blank line ends the paragraph, and the image with it.
        var i = from;
        var breaks = 0;
        while (i < text.Length && (text[i] is ' ' or '\t' || (text[i] == '\n' && ++breaks == 1) || (text[i] == '>' && breaks == 1 && OnlyQuoteMarkersSinceBreak(text, i))))
        {
            i++;
        }

        urlStart = i;
        urlEnd = i;

        var limit = Math.Min(text.Length, i + MaxDestination);
        string url;
        if (i < text.Length && text[i] == '<')
        {
            // "<url>" holds no line break.
            var end = text.AsSpan(i, limit - i).IndexOfAny('>', '\n');
            if (end < 0 || text[i + end] == '\n')
            {
                return (null, -1);
            }

            url = text[(i + 1)..(i + end)];
            urlEnd = i + end + 1;
            i += end + 1;
        }
        else
        {
            var start = i;
            var depth = 0;
            // The run stops at '<' too: a tag that follows is read as a tag, and no replacement swallows its start.
            for (; i < limit && !char.IsWhiteSpace(text[i]) && text[i] != '<'; i++)
            {
                if (text[i] == '\\' && i + 1 < limit && text[i + 1] is > ' ' and < (char)127 && !char.IsAsciiLetterOrDigit(text[i + 1]))
                {
                    i++; // an escaped character is part of the URL, whatever it is
                }
                else if (text[i] == '(')
                {
                    depth++;
                }
                else if (text[i] == ')' && depth-- == 0)
                {
                    break;
                }
            }

            i = Math.Min(i, limit);
            url = text[start..i];
            urlEnd = i;
            if (i >= limit && limit < text.Length)
            {
                // Longer than any URL read: what there is of it is decided, and removed with all that follows it.
                url = Decoded(url, markdown: true);
                return (IsRemote(url) ? url : null, text.Length - 1);
            }
        }

        url = Decoded(url, markdown: true);
        // The closing character comes before a blank line (the paragraph's end) and within a title's length.
        var rest = text.AsSpan(i, Math.Min(text.Length - i, MaxTitle));
        rest = rest.IndexOf("\n\n", StringComparison.Ordinal) is var blank and >= 0 ? rest[..blank] : rest;
        var closing = rest.IndexOf(close);
        return (IsRemote(url) ? url : null, closing < 0 ? (close == '\n' ? i + rest.Length : -1) : i + closing);
    }

    /// <summary>Whether only spaces, tabs and '&gt;' stand between the last line break and <paramref name="at"/> (a block quote's continued line).</summary>
    private static bool OnlyQuoteMarkersSinceBreak(string text, int at)
    {
        var line = text.LastIndexOf('\n', at - 1);
        return line >= 0 && text.AsSpan(line + 1, at - line - 1).IndexOfAnyExcept(" \t>") < 0;
    }

    /// <summary>Longest link destination read (a longer one is decided as far as it is read).</summary>
    private const int MaxDestination = 8192;

    /// <summary>Longest stretch read after a destination for its closing parenthesis (an image's title).</summary>
    private const int MaxTitle = 1024;

    /// <summary>Most spaces, tabs and quote marks before a definition on its line.</summary>
    private const int MaxIndent = 16;

    /// <summary>
    /// The URL a renderer loads for <paramref name="written"/>: character references decoded (<c>&amp;#58;</c>,
    /// <c>&amp;colon;</c>), markdown's backslash escapes removed, and tabs and line breaks dropped, as browsers drop them.
    /// </summary>
    internal static string Decoded(string written, bool markdown) => Resolved(Unescaped(written, markdown));

    /// <summary>As <see cref="Decoded"/>, without resolving the result as a URL (a <c>style</c>'s CSS keeps its backslashes).</summary>
    private static string Unescaped(string written, bool markdown)
    {
        if (written.AsSpan().IndexOfAny(Encoded) < 0)
        {
            return written.Trim(ControlsAndSpace);
        }

        var text = written;
        if (markdown && text.Contains('\\', StringComparison.Ordinal))
        {
            var builder = new System.Text.StringBuilder(text.Length);
            for (var i = 0; i < text.Length; i++)
            {
                if (text[i] == '\\' && i + 1 < text.Length && char.IsAsciiLetterOrDigit(text[i + 1]) is false && text[i + 1] < 128)
                {
                    i++;
                }

                builder.Append(text[i]);
            }

            text = builder.ToString();
        }

        if (text.Contains('&', StringComparison.Ordinal))
        {
            text = HtmlDecoded(text);
        }

        return WithoutLineBreaks(text.Replace("\t", string.Empty, StringComparison.Ordinal).Replace("\r", string.Empty, StringComparison.Ordinal)).Trim(ControlsAndSpace);
    }

    /// <summary>
    /// Line breaks dropped, as browsers drop them from URLs, with the spaces that begin the next line: markdown removes a
    /// continued line's indentation before the browser sees it (a backslash, a line break, two spaces and a backslash are
    /// read as two backslashes: a protocol-relative URL).
    /// </summary>
    private static string WithoutLineBreaks(string text)
    {
        if (!text.Contains('\n', StringComparison.Ordinal))
        {
            return text;
        }

        var builder = new System.Text.StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '\n')
            {
                builder.Append(text[i]);
                continue;
            }

            while (i + 1 < text.Length && text[i + 1] == ' ')
            {
                i++;
            }
        }

        return builder.ToString();
    }

    /// <summary>Character references decoded, HTML5's names of URL punctuation among them.</summary>
    private static string HtmlDecoded(string text)
    {
        foreach (var (name, value) in Html5References)
        {
            text = text.Replace(name, value, StringComparison.OrdinalIgnoreCase);
        }

        return System.Net.WebUtility.HtmlDecode(text);
    }

    private static readonly SearchValues<char> Encoded = SearchValues.Create("&\\\t\r\n");

    /// <summary>What a browser strips from both ends of a URL: the C0 controls and the space.</summary>
    private static readonly char[] ControlsAndSpace = [.. Enumerable.Range(0, 0x21).Select(c => (char)c)];

    /// <summary>The HTML5 character references of URL punctuation that <c>WebUtility.HtmlDecode</c> (HTML 4's names) leaves.</summary>
    private static readonly (string Name, string Value)[] Html5References =
        [("&colon;", ":"), ("&sol;", "/"), ("&period;", "."), ("&quest;", "?"), ("&equals;", "="), ("&commat;", "@"), ("&num;", "#"), ("&percnt;", "%"), ("&lpar;", "("), ("&rpar;", ")"), ("&NewLine;", "\n"), ("&Tab;", "\t")];

    /// <summary>An absolute http(s) URL or a protocol-relative one: loaded from another host.</summary>
    private static bool IsRemote(string url)
        => url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("https://", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The URL as a browser resolves it against another host: backslashes read as slashes, a protocol-relative one
    /// (<c>//host</c>) given the scheme, and <c>https:host</c> or <c>https:/host</c> given its two slashes (the URL standard
    /// parses them all as <c>https://host</c>).
    /// </summary>
    private static string Resolved(string url)
    {
        var text = url.Replace('\\', '/');
        if (text.StartsWith("//", StringComparison.Ordinal))
        {
            return "https:" + text;
        }

        foreach (var scheme in Schemes)
        {
            if (text.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) && !text.AsSpan(scheme.Length).StartsWith("//", StringComparison.Ordinal))
            {
                return text[..scheme.Length] + "//" + text[scheme.Length..].TrimStart('/');
            }
        }

        return text;
    }

    private static readonly string[] Schemes = ["http:", "https:"];
}
