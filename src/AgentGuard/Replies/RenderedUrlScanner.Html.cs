namespace AgentGuard;

/// <summary>HTML in a reply: the attributes and elements through which a browser loads, runs or navigates unclicked.</summary>
internal static partial class RenderedUrlScanner
{
    /// <summary>Longest HTML tag read; a longer one is decided whole.</summary>
    private const int MaxTag = 4096;

    /// <summary>Most characters of a tag, a handler or an inline document given to the decision as its value.</summary>
    private const int MaxActive = 512;

    private static readonly System.Buffers.SearchValues<char> TagNameEnds = System.Buffers.SearchValues.Create(" \t\r\n/>");

    /// <summary>
    /// The HTML tag at <paramref name="at"/>: every attribute through which the browser fetches, runs or navigates by
    /// itself — <c>src</c>, <c>srcset</c>, <c>poster</c>, <c>background</c>, <c>data</c>, <c>href</c> of any tag but a
    /// link's (<c>a</c>, <c>area</c>), <c>xlink:href</c>, a <c>style</c>'s CSS, a <c>meta</c> refresh's URL, an SVG
    /// animation's <c>to</c>/<c>values</c> — when its URL is remote or carries a scheme other than http(s)
    /// (<c>javascript:</c>, <c>data:</c>), and every event handler (<c>on…</c>) and inline document (<c>srcdoc</c>),
    /// whatever it holds. Each is decided, and emptied when refused; a <c>srcset</c> or CSS lists several URLs, and any
    /// refused empties the whole value. A <c>style</c> element is made text when a remote URL in the CSS that may follow
    /// it is refused. A tag longer than
    /// <see cref="MaxTag"/> is decided whole, and made text when refused.
    /// </summary>
    /// <param name="text">The reply.</param>
    /// <param name="at">Where the tag's '&lt;' is.</param>
    /// <param name="found">What was found so far; this tag's finds are added (the last is returned).</param>
    /// <param name="firstLineQuoted">Whether the text starts inside a block-quoted line.</param>
    /// <param name="reading">What this reading of the reply knows already: its last '&gt;', how far style elements' CSS was read.</param>
    /// <param name="firstLineListIndent">For a streamed part that starts with this tag right after a list item's marker, where the item's content starts (-1 otherwise).</param>
    private static RenderedUrl? HtmlSource(string text, int at, List<RenderedUrl> found, bool firstLineQuoted, int firstLineListIndent, Reading reading)
    {
        if (at + 1 >= text.Length || !char.IsAsciiLetter(text[at + 1]))
        {
            return null;
        }

        // A tag ends at its '>' (an HTML block may carry it across blank lines, and a browser reads on).
        var window = text.AsSpan(at, Math.Min(MaxTag, text.Length - at));
        var inQuote = InQuote(text, at, firstLineQuoted);
        var end = TagEnd(window, inQuote);
        if (end < 0 && window.Length == MaxTag && reading.LastClose >= at + MaxTag)
        {
            return new RenderedUrl(at, 1, window[..MaxActive].ToString(), "&lt;");
        }

        var tag = end < 0 ? window : window[..end];
        var nameEnd = tag[1..].IndexOfAny(TagNameEnds) is var n and >= 0 ? n + 1 : tag.Length;
        var kind = KindOf(tag[1..nameEnd]);
        var reach = window[..(end < 0 ? window.Length : end + 1)];
        if ((reach.Contains('\n') && MayLoadAcrossLines(window, nameEnd, kind)) || HasBlankLine(tag) || (inQuote ? LeavesQuote(tag) : RunsIntoQuote(reach))
            || LeavesListItem(tag, ListIndent(text, at, firstLineListIndent), inQuote))
        {
            // Markdown ends an HTML block at a blank line and renders what follows as its own text (its quotes become
            // character references); the browser still reads it as this tag. So does a tag begun in a block quote that runs
            // onto a line without the quote's marker, or begun as a list item's content that runs onto a line indented less
            // than that content: the container (and an HTML block in it) ends there, and the next line's '>' is escaped as
            // text, so the tag takes in what follows. The other way round, a tag begun on a line without a quote's marker
            // that runs onto a line starting with one: where its line continues a quoted paragraph (markdown's lazy
            // continuation), the renderer removes that '>' as the quote's marker, and the tag reads on past what looked
            // like its end. What the tag holds there is the renderer's to say, so the tag is decided whole, and made text
            // when refused. Every container's rule was one more case of this; so any tag that runs over a line break
            // with a name that loads or runs anywhere in its paragraph after its name is decided whole too: where its
            // lines' markers make the renderer read it otherwise, what it loads is still decided, whatever the reading.
            return new RenderedUrl(at, 1, tag[..Math.Min(MaxActive, tag.Length)].ToString(), "&lt;");
        }

        var before = found.Count;
        // Twice: as a browser's tokenizer reads the attributes, one after the other, each value skipped whole; and at
        // every name after a separator, inside other values too, for a renderer or a removal that moves a quote.
        for (var i = nameEnd; i < tag.Length;)
        {
            i = SkipSeparators(tag, i, inQuote);
            if (i >= tag.Length || tag[i] == '>')
            {
                break;
            }

            var nameEnds = tag[i..].IndexOfAny(AttributeNameEnds);
            var nameLength = nameEnds > 0 ? nameEnds : nameEnds == 0 ? 1 : tag.Length - i;
            var loads = Attribute(tag[i..], kind);
            var (valueStart, valueEnd, quote) = Value(tag, i + nameLength, inQuote);
            if (loads is var (attribute, _) && valueStart >= 0)
            {
                AddAttribute(found, at, tag, i, attribute, valueStart, valueEnd, quote);
            }

            i = valueStart < 0 ? i + nameLength : Math.Min(tag.Length, quote == '\0' ? valueEnd : valueEnd + 1);
        }

        for (var i = nameEnd; i < tag.Length; i++)
        {
            if (!IsAttributeStart(tag[i - 1]) || Attribute(tag[i..], kind) is not var (attribute, nameLength))
            {
                continue;
            }

            var (valueStart, valueEnd, quote) = Value(tag, i + nameLength, inQuote);
            if (valueStart >= 0 && !Holds(found, before, at + (attribute == Loads.Handler ? i : valueStart)))
            {
                AddAttribute(found, at, tag, i, attribute, valueStart, valueEnd, quote);
            }

            i = valueStart < 0 ? i : valueEnd;
        }

        // A style element: whether its end tag ends it is the renderer's to say (markdown may print it as text, in a code
        // span or escaped; in SVG style elements nest), so its CSS may run to the reply's end. Every remote URL from the
        // tag on is decided, and when one is refused the tag is made text: no CSS of it applies.
        if (kind == TagKind.Style)
        {
            foreach (var url in reading.StyleTailUrls ??= StyleTailUrls(text, at))
            {
                found.Add(new RenderedUrl(at, 1, url, "&lt;"));
            }
        }

        // The last one found is returned, so Find adds it; the others are in already.
        if (found.Count == before)
        {
            return null;
        }

        var last = found[^1];
        found.RemoveAt(found.Count - 1);
        return last;
    }

    /// <summary>
    /// The value of the attribute whose name ends at <paramref name="from"/>: where it starts and ends in the tag and its
    /// quote ('\0': none); a start of -1 when the attribute has no value.
    /// </summary>
    private static (int Start, int End, char Quote) Value(ReadOnlySpan<char> tag, int from, bool inQuote)
    {
        var j = SkipSpace(tag, from, inQuote);
        if (j >= tag.Length || tag[j] != '=')
        {
            return (-1, -1, '\0');
        }

        j = SkipSpace(tag, j + 1, inQuote);
        var quote = j < tag.Length && tag[j] is '"' or '\'' ? tag[j] : '\0';
        var start = quote == '\0' ? j : j + 1;
        var end = quote == '\0' ? IndexOfWhiteSpace(tag, start) : tag[start..].IndexOf(quote) is var q and >= 0 ? start + q : tag.TrimEnd("\r\n").Length;
        return (start, end, quote);
    }

    /// <summary>Adds what a loading attribute's value makes the browser load or run: the whole attribute for a handler, else each URL in the value.</summary>
    private static void AddAttribute(List<RenderedUrl> found, int at, ReadOnlySpan<char> tag, int nameStart, Loads attribute, int valueStart, int valueEnd, char quote)
    {
        var value = tag[valueStart..valueEnd];
        if (attribute != Loads.Handler && attribute != Loads.Active && !MayFetch(value, attribute))
        {
            return; // no remote URL, scheme, character reference or escape in it: nothing to read
        }

        var written = value.ToString();
        if (attribute == Loads.Handler)
        {
            // The whole attribute goes: a handler without a value at the tag's end may be given one by the renderer
            // (the next line's closing tag).
            var handler = Unescaped(written, markdown: false);
            var attributeEnd = Math.Min(tag.Length, quote == '\0' ? valueEnd : valueEnd + 1);
            found.Add(new RenderedUrl(at + nameStart, attributeEnd - nameStart, handler.Length == 0 ? tag[nameStart..valueStart].ToString() : handler.Length > MaxActive ? handler[..MaxActive] : handler, string.Empty));
            return;
        }

        foreach (var candidate in Candidates(attribute, written))
        {
            // An unquoted value is replaced by an empty quoted one, so what follows it cannot become the value.
            found.Add(new RenderedUrl(at + valueStart, valueEnd - valueStart, candidate, quote == '\0' ? "\"\"" : string.Empty));
        }

        if (written.Contains('\n', StringComparison.Ordinal))
        {
            // A value that runs over a block quote's lines reaches the browser without the quote's markers
            // ("url(⏎> https://…" is "url(⏎https://…"); read so too.
            foreach (var candidate in Candidates(attribute, WithoutLineMarkers(written)))
            {
                found.Add(new RenderedUrl(at + valueStart, valueEnd - valueStart, candidate, quote == '\0' ? "\"\"" : string.Empty));
            }
        }
    }

    /// <summary><paramref name="value"/> with the blanks and block quote markers that open each of its continued lines removed.</summary>
    private static string WithoutLineMarkers(string value)
    {
        var builder = new System.Text.StringBuilder(value.Length);
        var lineStart = false;
        foreach (var c in value)
        {
            if (lineStart && c is ' ' or '\t' or '>')
            {
                continue;
            }

            lineStart = c == '\n';
            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>Whether <paramref name="found"/> holds, from <paramref name="from"/> on, a find that starts at <paramref name="start"/>.</summary>
    private static bool Holds(List<RenderedUrl> found, int from, int start)
    {
        for (var k = from; k < found.Count; k++)
        {
            if (found[k].Start == start)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether an attribute's value, as written, may make the browser fetch or run something: a remote URL holds "//" or
    /// a ':' (<c>https:host</c>), a scheme a ':', and one written around them a character reference, a backslash (a CSS or
    /// markdown escape, <c>/\host</c>) or a tab or line break (which browsers drop from URLs). In CSS, whose ':'s are its
    /// own, only remote URLs count: "http", "//", a reference or an escape.
    /// </summary>
    private static bool MayFetch(ReadOnlySpan<char> value, Loads attribute)
        => attribute == Loads.Css
            ? value.IndexOfAny(EncodingMarks) >= 0 || value.Contains("//", StringComparison.Ordinal) || value.Contains("http", StringComparison.OrdinalIgnoreCase)
            : value.IndexOfAny(FetchMarks) >= 0 || value.Contains("//", StringComparison.Ordinal);

    private static readonly System.Buffers.SearchValues<char> FetchMarks = System.Buffers.SearchValues.Create(":\\&\t\r\n");

    private static readonly System.Buffers.SearchValues<char> EncodingMarks = System.Buffers.SearchValues.Create("\\&\t\r\n");

    /// <summary>Past white space and '/' between attributes (and a block quote's markers on a continued line).</summary>
    private static int SkipSeparators(ReadOnlySpan<char> tag, int at, bool inQuote)
    {
        while (at < tag.Length)
        {
            var next = SkipSpace(tag, at, inQuote);
            if (next < tag.Length && tag[next] == '/')
            {
                next++;
            }

            if (next == at)
            {
                return at;
            }

            at = next;
        }

        return at;
    }

    private static readonly System.Buffers.SearchValues<char> AttributeNameEnds = System.Buffers.SearchValues.Create(" \t\r\n\f/>=");

    /// <summary>What an attribute's value makes the browser load or run: each one to decide.</summary>
    private static IEnumerable<string> Candidates(Loads attribute, string written)
    {
        switch (attribute)
        {
            case Loads.Active:
                var active = Unescaped(written, markdown: false);
                return active.Length == 0 ? [] : [active.Length > MaxActive ? active[..MaxActive] : active];
            case Loads.Css:
                return CssUrls(Unescaped(written, markdown: false));
            case Loads.SourceSet:
                return SourceSetUrls(Decoded(written, markdown: false)).Select(Resolved).Where(Fetches);
            case Loads.Refresh:
                return RefreshUrl(Decoded(written, markdown: false)) is { } refresh && Fetches(refresh) ? [refresh] : [];
            case Loads.ValueList:
                return Decoded(written, markdown: false).Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(Resolved).Where(Fetches);
            default:
                var url = Decoded(written, markdown: false);
                return Fetches(url) ? [url] : [];
        }
    }

    /// <summary>A URL the browser fetches from another host, or runs or renders itself (<c>javascript:</c>, <c>data:</c>: any scheme but http(s)).</summary>
    private static bool Fetches(string url) => IsRemote(url) || HasScheme(url);

    private static bool HasScheme(string url)
    {
        if (url.Length == 0 || !char.IsAsciiLetter(url[0]))
        {
            return false;
        }

        for (var i = 1; i < url.Length; i++)
        {
            var c = url[i];
            if (c == ':')
            {
                return true;
            }

            if (!(char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.'))
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>The URL of a <c>meta</c> refresh's <c>content</c> (<c>0;url=https://…</c>, <c>5, 'https://…'</c>); null when it names none.</summary>
    private static string? RefreshUrl(string content)
    {
        var rest = content.AsSpan().TrimStart(" \t\n\f\r");
        var delay = rest.IndexOfAnyExcept("0123456789.");
        if (delay == 0)
        {
            return null;
        }

        rest = (delay < 0 ? [] : rest[delay..]).TrimStart(" \t\n\f\r");
        if (rest.Length > 0 && rest[0] is ';' or ',')
        {
            rest = rest[1..].TrimStart(" \t\n\f\r");
        }

        if (rest.StartsWith("url", StringComparison.OrdinalIgnoreCase) && rest[3..].TrimStart(" \t\n\f\r") is var named && named.StartsWith('='))
        {
            rest = named[1..].TrimStart(" \t\n\f\r");
        }

        if (rest.Length > 0 && rest[0] is '"' or '\'')
        {
            var quote = rest[0];
            rest = rest[1..];
            rest = rest.IndexOf(quote) is var close and >= 0 ? rest[..close] : rest;
        }

        return rest.IsEmpty ? null : Resolved(rest.ToString());
    }

    /// <summary>
    /// The remote URLs CSS from <paramref name="start"/> to the reply's end may fetch, read as written and with character
    /// references decoded, and, where markup follows the style tag, as that markup leaves it.
    /// </summary>
    private static List<string> StyleTailUrls(string text, int start)
    {
        var css = text[start..];
        var urls = CssUrls(css);
        if (css.Contains('&', StringComparison.Ordinal))
        {
            urls.AddRange(CssUrls(HtmlDecoded(css)));
        }

        // Markup inside it may split the CSS a browser reads (an SVG style element's stylesheet is its own text).
        if (css.AsSpan(1).IndexOf('<') >= 0)
        {
            AddStyleTextUrls(urls, css);
        }

        // A line break ends a string or a URL for CSS, where a URL's own parsing drops it ("\⏎/host"): read both ways.
        if (css.AsSpan().IndexOfAny('\n', '\r') >= 0)
        {
            urls.AddRange(CssUrls(css.Replace("\r", string.Empty, StringComparison.Ordinal).Replace("\n", string.Empty, StringComparison.Ordinal)));
        }

        return urls;
    }

    /// <summary>
    /// Where the tag ends: its first '&gt;' outside a quoted attribute value (<c>alt="&gt;"</c> does not end it, as a
    /// browser reads it) that is not a block quote's marker at the start of a continued line (a quote's "&gt; " prefixes
    /// are markdown's, and the renderer removes them from the tag); -1 if none.
    /// </summary>
    private static int TagEnd(ReadOnlySpan<char> tag, bool inQuote)
    {
        var reading = default(TagReading);
        var lineStart = false;
        for (var i = 1; i < tag.Length; i++)
        {
            var c = tag[i];
            if (reading.Ends(c, lineStart, inQuote))
            {
                return i;
            }

            lineStart = c == '\n' || (lineStart && c is ' ' or '\t' or '>');
        }

        return -1;
    }

    /// <summary>
    /// Whether an attribute that loads or runs something on a tag of <paramref name="kind"/> is named anywhere after the
    /// tag's name in <paramref name="window"/> up to its paragraph's end (a blank line) — past the '&gt;' where this
    /// reading ends the tag too, since a line's marker may be that '&gt;' to the renderer.
    /// </summary>
    private static bool MayLoadAcrossLines(ReadOnlySpan<char> window, int nameEnd, TagKind kind)
    {
        var paragraph = window.IndexOf("\n\n", StringComparison.Ordinal) is var blank and >= 0 ? window[..blank] : window;
        for (var i = Math.Max(1, nameEnd); i < paragraph.Length; i++)
        {
            if (IsAttributeStart(paragraph[i - 1]) && Attribute(paragraph[i..], kind) is not null)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether <paramref name="tag"/>, begun in a block quote, runs onto a line that does not start with the quote's marker.</summary>
    private static bool LeavesQuote(ReadOnlySpan<char> tag) => RunsOntoLine(tag, quoted: false);

    /// <summary>Whether <paramref name="tag"/> (to its closing '&gt;', if any), begun on a line without a block quote's marker, runs onto a line that starts with one.</summary>
    private static bool RunsIntoQuote(ReadOnlySpan<char> tag) => RunsOntoLine(tag, quoted: true);

    /// <summary>Whether one of <paramref name="tag"/>'s continued lines starts (after blanks) with a block quote's marker, or, when not <paramref name="quoted"/>, without one.</summary>
    private static bool RunsOntoLine(ReadOnlySpan<char> tag, bool quoted)
    {
        for (var line = tag.IndexOf('\n'); line >= 0;)
        {
            var rest = tag[(line + 1)..];
            var first = rest.IndexOfAnyExcept(' ', '\t');
            if ((first >= 0 && rest[first] == '>') == quoted)
            {
                return true;
            }

            var next = rest.IndexOf('\n');
            line = next < 0 ? -1 : line + 1 + next;
        }

        return false;
    }

    /// <summary>
    /// Where the content of the list item the tag may begin starts: after the marker that opens the tag's line ("- &lt;p",
    /// "&gt; 1. &lt;div") or after the blanks alone that indent it (<see cref="ContentIndent"/>), counted after any block
    /// quote markers; -1 when the tag does not begin its line's content.
    /// </summary>
    private static int ListIndent(string text, int at, int firstLineListIndent)
    {
        var line = at > 0 ? text.LastIndexOf('\n', at - 1) + 1 : 0;
        if (line == 0 && at == 0 && firstLineListIndent >= 0)
        {
            return firstLineListIndent;
        }

        return ContentIndent(AfterQuoteMarkers(text.AsSpan(line, at - line)));
    }

    /// <summary>
    /// Where content that begins right after <paramref name="lead"/> (a line's start, block quote markers removed) may
    /// stand in a list item: after the item's marker ("- ", "10. "), or after blanks alone — the line may continue an item
    /// whose marker stood on an earlier line ("-⏎  &lt;div …"), and a less indented line then ends it; -1 otherwise.
    /// </summary>
    internal static int ContentIndent(ReadOnlySpan<char> lead)
    {
        var offset = ListContentOffset(lead);
        return offset >= 0 ? offset : lead.Length > 0 && lead.IndexOfAnyExcept(' ', '\t') < 0 ? lead.Length : -1;
    }

    /// <summary>
    /// A line's start up to its content (<paramref name="lead"/>, block quote markers removed) is a list item's marker
    /// and the spaces after it ("- ", "  * ", "10. ", "3) ", nested "- 1. "): where the content starts; -1 when it is anything else.
    /// </summary>
    internal static int ListContentOffset(ReadOnlySpan<char> lead)
    {
        var i = 0;
        while (i < lead.Length && i < 3 && lead[i] == ' ')
        {
            i++;
        }

        // One marker, or several: "- 1. " opens an ordered list in a bullet list's item on one line.
        do
        {
            i = ListMarkerEnd(lead, i);
            if (i < 0)
            {
                return -1;
            }

            while (i < lead.Length && lead[i] is ' ' or '\t')
            {
                i++;
            }
        }
        while (i < lead.Length);

        return i;
    }

    /// <summary>Where a list item's marker at <paramref name="at"/> ("-", "*", "+", "10.", "3)") ends, when a space or tab follows it; -1 when there is none.</summary>
    internal static int ListMarkerEnd(ReadOnlySpan<char> lead, int at)
    {
        var i = at;
        if (i < lead.Length && lead[i] is '-' or '*' or '+')
        {
            i++;
        }
        else
        {
            while (i < lead.Length && i - at < 9 && char.IsAsciiDigit(lead[i]))
            {
                i++;
            }

            if (i == at || i >= lead.Length || lead[i] is not ('.' or ')'))
            {
                return -1;
            }

            i++;
        }

        return i < lead.Length && lead[i] is ' ' or '\t' ? i : -1;
    }

    /// <summary>A line's text after its block quote markers ("&gt; &gt; x" → "x").</summary>
    internal static ReadOnlySpan<char> AfterQuoteMarkers(ReadOnlySpan<char> line)
    {
        while (true)
        {
            var i = 0;
            while (i < line.Length && i < 3 && line[i] == ' ')
            {
                i++;
            }

            if (i >= line.Length || line[i] != '>')
            {
                return line;
            }

            line = line[(i + 1)..];
            if (line.Length > 0 && line[0] == ' ')
            {
                line = line[1..];
            }
        }
    }

    /// <summary>Whether <paramref name="tag"/>, begun as a list item's content at <paramref name="indent"/>, runs onto a non-blank line indented less.</summary>
    private static bool LeavesListItem(ReadOnlySpan<char> tag, int indent, bool inQuote)
    {
        if (indent < 0)
        {
            return false;
        }

        for (var line = tag.IndexOf('\n'); line >= 0;)
        {
            var rest = tag[(line + 1)..];
            var next = rest.IndexOf('\n');
            var text = next < 0 ? rest : rest[..next];
            text = inQuote ? AfterQuoteMarkers(text) : text;
            var first = text.IndexOfAnyExcept(' ', '\t');
            if (first >= 0 && first < indent)
            {
                return true;
            }

            line = next < 0 ? -1 : line + 1 + next;
        }

        return false;
    }

    /// <summary>Whether <paramref name="tag"/> holds a line with nothing but white space on it.</summary>
    private static bool HasBlankLine(ReadOnlySpan<char> tag)
    {
        for (var line = tag.IndexOf('\n'); line >= 0;)
        {
            var rest = tag[(line + 1)..];
            var next = rest.IndexOf('\n');
            if (next >= 0 && rest[..next].IsWhiteSpace())
            {
                return true;
            }

            line = next < 0 ? -1 : line + 1 + next;
        }

        return false;
    }

    /// <summary>Whether the line of <paramref name="at"/> begins with a block quote marker ("&gt; text &lt;img …"), after any list item's markers ("- &gt; …").</summary>
    private static bool InQuote(string text, int at, bool firstLineQuoted)
    {
        var line = at > 0 ? text.LastIndexOf('\n', at - 1) + 1 : 0;
        if (line == 0 && firstLineQuoted)
        {
            return true;
        }

        return OpensQuote(text.AsSpan(line, at - line));
    }

    /// <summary>Whether <paramref name="lead"/>, a line's start, opens with a block quote marker, after any list item's markers ("- &gt; …": a block quote in a list item).</summary>
    internal static bool OpensQuote(ReadOnlySpan<char> lead)
    {
        var first = lead.IndexOfAnyExcept(' ', '\t');
        while (first >= 0 && ListMarkerEnd(lead, first) is var marker and >= 0)
        {
            first = marker + lead[marker..].IndexOfAnyExcept(' ', '\t');
            first = first < marker ? -1 : first;
        }

        return first >= 0 && lead[first] == '>';
    }

    /// <summary>Past white space, and, in a block quote, past a continued line's quote markers ("\n&gt; ").</summary>
    private static int SkipSpace(ReadOnlySpan<char> tag, int at, bool inQuote)
    {
        var lineStart = false;
        while (at < tag.Length && (char.IsWhiteSpace(tag[at]) || (inQuote && lineStart && tag[at] == '>')))
        {
            lineStart = tag[at] == '\n' || (lineStart && tag[at] is ' ' or '\t' or '>');
            at++;
        }

        return at;
    }

    /// <summary>
    /// Whether an attribute's name may start after <paramref name="previous"/>: white space, and also a '/' or the
    /// closing quote of the value before, which a browser reads as separators too (<c>&lt;img/src=…&gt;</c>, <c>alt="a"src=…</c>).
    /// </summary>
    private static bool IsAttributeStart(char previous) => char.IsWhiteSpace(previous) || previous is '/' or '"' or '\'';

    private static TagKind KindOf(ReadOnlySpan<char> name)
    {
        if (name.Equals("a", StringComparison.OrdinalIgnoreCase) || name.Equals("area", StringComparison.OrdinalIgnoreCase))
        {
            return TagKind.Link;
        }

        if (name.Equals("meta", StringComparison.OrdinalIgnoreCase))
        {
            return TagKind.Meta;
        }

        if (name.Equals("style", StringComparison.OrdinalIgnoreCase))
        {
            return TagKind.Style;
        }

        return name.Equals("set", StringComparison.OrdinalIgnoreCase) || name.Equals("animate", StringComparison.OrdinalIgnoreCase)
            ? TagKind.Animation
            : TagKind.Other;
    }

    /// <summary>The attribute whose name <paramref name="text"/> starts with, whole, if it loads or runs something on a tag of <paramref name="kind"/>; its name's length.</summary>
    private static (Loads Loads, int Length)? Attribute(ReadOnlySpan<char> text, TagKind kind)
    {
        var length = text.IndexOfAnyExcept(NameCharacters) is var e and >= 0 ? e : text.Length;
        var name = text[..length];
        if (name.Length > 2 && name.StartsWith("on", StringComparison.OrdinalIgnoreCase) && char.IsAsciiLetter(name[2]))
        {
            return (Loads.Handler, length);
        }

        if (LoadingAttributeNames.TryGetValue(name, out var loads))
        {
            return (loads, length);
        }

        return kind switch
        {
            TagKind.Meta when name.Equals("content", StringComparison.OrdinalIgnoreCase) => (Loads.Refresh, length),
            TagKind.Animation when name.Equals("values", StringComparison.OrdinalIgnoreCase) => (Loads.ValueList, length),
            TagKind.Animation when name.Equals("to", StringComparison.OrdinalIgnoreCase) || name.Equals("from", StringComparison.OrdinalIgnoreCase) || name.Equals("by", StringComparison.OrdinalIgnoreCase) => (Loads.Url, length),
            not TagKind.Link when name.Equals("href", StringComparison.OrdinalIgnoreCase) => (Loads.Url, length),
            _ => null,
        };
    }

    private static readonly System.Buffers.SearchValues<char> NameCharacters =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_:.");

    /// <summary>
    /// The attributes through which a tag of any kind loads or runs something by itself. SVG's presentation attributes
    /// that take a <c>url(…)</c> are CSS values: Chromium fetches another host's resource for <c>fill</c>, <c>mask</c>,
    /// <c>clip-path</c> and the markers (<c>ReplyInBrowserTests</c>), and the rest of them are read alike.
    /// </summary>
    private static readonly (string Name, Loads Loads)[] LoadingAttributes =
    [
        ("src", Loads.Url), ("srcset", Loads.SourceSet), ("imagesrcset", Loads.SourceSet), ("poster", Loads.Url),
        ("background", Loads.Url), ("data", Loads.Url), ("xlink:href", Loads.Url), ("style", Loads.Css), ("srcdoc", Loads.Active),
        ("fill", Loads.Css), ("stroke", Loads.Css), ("mask", Loads.Css), ("clip-path", Loads.Css), ("filter", Loads.Css),
        ("marker-start", Loads.Css), ("marker-mid", Loads.Css), ("marker-end", Loads.Css), ("cursor", Loads.Css),
    ];

    /// <summary><see cref="LoadingAttributes"/> by name, whatever its case, looked up by a span of the tag (one hash per attribute).</summary>
    private static readonly System.Collections.Frozen.FrozenDictionary<string, Loads>.AlternateLookup<ReadOnlySpan<char>> LoadingAttributeNames =
        System.Collections.Frozen.FrozenDictionary.ToFrozenDictionary(LoadingAttributes, a => a.Name, a => a.Loads, StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The URLs of a <c>srcset</c>: comma-separated candidates, each a URL and an optional descriptor.</summary>
    private static IEnumerable<string> SourceSetUrls(string value)
    {
        foreach (var candidate in value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var space = candidate.AsSpan().IndexOfAny(' ', '\t', '\n');
            yield return space < 0 ? candidate : candidate[..space];
        }
    }

    private static int IndexOfWhiteSpace(ReadOnlySpan<char> text, int from)
    {
        for (var i = from; i < text.Length; i++)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                return i;
            }
        }

        return text.Length;
    }

    /// <summary>What one reading of a reply has learned that later tags need: read once, so the reading stays linear.</summary>
    private sealed class Reading(int lastClose)
    {
        /// <summary>Where the reply's last '&gt;' is (-1: none): a tag that never closes is dropped by a browser, and loads nothing.</summary>
        public int LastClose { get; } = lastClose;

        /// <summary>The remote URLs of the CSS from the first style element on (read once: a later one's is part of it).</summary>
        public List<string>? StyleTailUrls { get; set; }
    }

    private enum TagKind
    {
        Other,
        Link,
        Meta,
        Style,
        Animation,
    }

    /// <summary>How an attribute's value loads or runs something.</summary>
    private enum Loads
    {
        /// <summary>A URL.</summary>
        Url,

        /// <summary>Comma-separated URLs, each with a descriptor.</summary>
        SourceSet,

        /// <summary>CSS, whose <c>url(…)</c>s and strings load.</summary>
        Css,

        /// <summary>A refresh: a delay, then the URL the page goes to.</summary>
        Refresh,

        /// <summary>Semicolon-separated URLs (an SVG animation's values).</summary>
        ValueList,

        /// <summary>A document, which loads whatever it holds.</summary>
        Active,

        /// <summary>An event handler: script, which runs whatever it holds (the whole attribute is removed).</summary>
        Handler,
    }
}
