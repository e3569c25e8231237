using System.Text;

namespace AgentGuard;

/// <summary>The CSS of a style element whose text markup splits: what a browser reads as its stylesheet.</summary>
internal static partial class RenderedUrlScanner
{
    /// <summary>
    /// Adds the remote URLs of a style element's CSS that markup splits (<paramref name="tail"/>: its start tag and all
    /// that follows): the CSS read without the markup (<see cref="StyleTextWithoutMarkup"/>), and every remote URL that
    /// starts a text right after markup — where an unclosed <c>url(</c> before the markup reads on into it. Which
    /// characters are markup is the renderer's to say (markdown escapes a tag it does not take as one, and an unclosed
    /// quote then swallows nothing), so a URL after any '&gt;' counts. Read as written and with character references
    /// decoded.
    /// </summary>
    private static void AddStyleTextUrls(List<string> urls, string tail)
    {
        foreach (var css in (ReadOnlySpan<string>)[tail, tail.Contains('&', StringComparison.Ordinal) ? HtmlDecoded(tail) : string.Empty])
        {
            if (css.Length == 0)
            {
                continue;
            }

            var (own, all) = StyleTextWithoutMarkup(css);
            urls.AddRange(CssUrls(own));
            urls.AddRange(CssUrls(all));
            for (var close = css.IndexOf('>', StringComparison.Ordinal); close >= 0; close = css.IndexOf('>', close + 1))
            {
                AddRemote(urls, css.AsSpan(close + 1, Math.Min(MaxDestination, css.Length - close - 1)), ')');
            }

            for (var cdata = css.IndexOf(CdataStart, StringComparison.Ordinal); cdata >= 0; cdata = css.IndexOf(CdataStart, cdata + 1, StringComparison.Ordinal))
            {
                var at = cdata + CdataStart.Length;
                AddRemote(urls, css.AsSpan(at, Math.Min(MaxDestination, css.Length - at)), ')');
            }
        }
    }

    /// <summary>
    /// The CSS of a style element that holds markup, as a browser may read it: in SVG a style element holds elements and
    /// comments, and its stylesheet is its own text without them, so <c>url(&lt;!--x--&gt;https://…)</c> and
    /// <c>url(&lt;style&gt;x&lt;/style&gt;https://…)</c> fetch <c>https://…</c>. Two readings of <paramref name="tail"/>
    /// (the style element's start tag and all that follows it): <c>Own</c>, the text outside elements opened after the
    /// start tag, as SVG reads it; <c>All</c>, all text with the markup removed. Comments and processing instructions are
    /// dropped; a CDATA section's content is text.
    /// </summary>
    private static (string Own, string All) StyleTextWithoutMarkup(ReadOnlySpan<char> tail)
    {
        var own = new StringBuilder(tail.Length);
        var all = new StringBuilder(tail.Length);
        var depth = 0;
        var i = MarkupEnd(tail, 0); // past the style element's own start tag
        while (i < tail.Length)
        {
            var open = tail[i..].IndexOf('<');
            var text = open < 0 ? tail[i..] : tail.Slice(i, open);
            all.Append(text);
            if (depth == 0)
            {
                own.Append(text);
            }

            if (open < 0)
            {
                break;
            }

            i += open;
            var rest = tail[i..];
            if (rest.StartsWith(CdataStart, StringComparison.Ordinal))
            {
                var close = rest.IndexOf(CdataEnd, StringComparison.Ordinal);
                var content = close < 0 ? rest[CdataStart.Length..] : rest[CdataStart.Length..close];
                all.Append(content);
                if (depth == 0)
                {
                    own.Append(content);
                }

                i = close < 0 ? tail.Length : i + close + CdataEnd.Length;
            }
            else if (rest.StartsWith("<!--", StringComparison.Ordinal))
            {
                var close = rest[4..].IndexOf("-->", StringComparison.Ordinal);
                i = close < 0 ? tail.Length : i + 4 + close + 3;
            }
            else if (rest.Length > 1 && (char.IsAsciiLetter(rest[1]) || rest[1] is '/' or '!' or '?'))
            {
                var end = MarkupEnd(tail, i);
                var selfClosing = end >= 2 && tail[end - 2] == '/';
                depth = rest[1] == '/' ? Math.Max(0, depth - 1) : rest[1] is '!' or '?' || selfClosing ? depth : depth + 1;
                i = end;
            }
            else
            {
                all.Append('<');
                if (depth == 0)
                {
                    own.Append('<');
                }

                i++;
            }
        }

        return (own.ToString(), all.ToString());
    }

    private const string CdataStart = "<![CDATA[";
    private const string CdataEnd = "]]>";

    /// <summary>Just past the '&gt;' that ends the tag at <paramref name="at"/> (a quoted value's '&gt;' ends nothing); the text's end if none.</summary>
    private static int MarkupEnd(ReadOnlySpan<char> text, int at)
    {
        var reading = default(TagReading);
        for (var i = at + 1; i < text.Length; i++)
        {
            if (reading.Ends(text[i], lineStart: false, inQuote: false))
            {
                return i + 1;
            }
        }

        return text.Length;
    }
}
