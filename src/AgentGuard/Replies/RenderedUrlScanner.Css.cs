using System.Globalization;
using System.Text;

namespace AgentGuard;

/// <summary>CSS in a reply (a <c>style</c> attribute or element): the URLs it makes the browser fetch.</summary>
internal static partial class RenderedUrlScanner
{
    /// <summary>
    /// The remote URLs <paramref name="css"/> may fetch: each <c>url(…)</c>, quoted or not, and each quoted string (an
    /// <c>@import "…"</c>, an <c>image-set("…" 1x)</c>), read after CSS's escapes are decoded (<c>\75 rl(</c> is
    /// <c>url(</c>) and its comments dropped, and as written (a reader that decodes less would see those). A remote URL
    /// in a string that loads nothing is decided too.
    /// </summary>
    private static List<string> CssUrls(string css)
    {
        var urls = new List<string>();
        AddUrls(urls, css);
        if (css.AsSpan().IndexOfAny('\\', '/') >= 0)
        {
            AddUrls(urls, CssDecoded(css));
        }

        return urls;
    }

    /// <summary>
    /// Every quoted string, and every <c>url(…)</c> wherever it stands — inside a string too: a renderer may turn the
    /// string's quotes into character references (markdown's text escaping does), and then the <c>url(</c> in it is CSS.
    /// </summary>
    private static void AddUrls(List<string> urls, string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '"' or '\'')
            {
                AddRemote(urls, text.AsSpan(i + 1, Math.Min(MaxDestination, text.Length - i - 1)), c);
            }
            else if (c is 'u' or 'U' && string.Compare(text, i, "url(", 0, 4, StringComparison.OrdinalIgnoreCase) == 0)
            {
                var start = i + 4;
                while (start < text.Length && char.IsWhiteSpace(text[start]))
                {
                    start++;
                }

                var quote = start < text.Length && text[start] is '"' or '\'' ? text[start] : ')';
                start += quote == ')' ? 0 : 1;
                AddRemote(urls, text.AsSpan(start, Math.Min(MaxDestination, text.Length - start)), quote);
            }
        }
    }

    /// <summary>
    /// The text up to <paramref name="close"/> (a string's quote, or an unquoted URL's ')'), or up to a line break (which
    /// ends both) or, unquoted, white space, within the part read: added when it is a remote URL.
    /// </summary>
    private static void AddRemote(List<string> urls, ReadOnlySpan<char> text, char close)
    {
        // A markdown autolink or link label rendered inside CSS leaves its URL as the CSS's text ("url(<https://…>)").
        text = text.TrimStart(ControlsAndSpace).TrimStart("<[");
        if (text.IsEmpty || text[0] is not ('h' or 'H' or '/' or '\\'))
        {
            return; // no remote URL starts otherwise
        }

        var end = close == ')' ? text.IndexOfAny(UnquotedUrlEnds) : text.IndexOfAny(close, '\n');
        // The URL parser drops tabs and line breaks wherever they stand ("/\t/host" is "//host"); in a string only a tab
        // can stand raw (a line break ends it), and the decoded reading leaves none (CssDecoded drops them).
        var url = Resolved(text[..(end < 0 ? text.Length : end)].Trim(ControlsAndSpace).ToString().Replace("\t", string.Empty, StringComparison.Ordinal));
        if (IsRemote(url))
        {
            urls.Add(url);
        }
    }

    private static readonly System.Buffers.SearchValues<char> UnquotedUrlEnds = System.Buffers.SearchValues.Create(") \t\n\r\f");

    /// <summary>
    /// CSS with its comments dropped and its escapes decoded: <c>\</c> and up to six hex digits (and one white space after),
    /// or <c>\</c> and any other character; an escaped tab or line break is dropped (see below).
    /// </summary>
    private static string CssDecoded(string css)
    {
        var builder = new StringBuilder(css.Length);
        for (var i = 0; i < css.Length; i++)
        {
            var c = css[i];
            if (c == '/' && i + 1 < css.Length && css[i + 1] == '*')
            {
                var close = css.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = close < 0 ? css.Length : close + 1;
                continue;
            }

            if (c != '\\' || i + 1 >= css.Length)
            {
                builder.Append(c);
                continue;
            }

            var digits = 0;
            while (digits < 6 && i + 1 + digits < css.Length && char.IsAsciiHexDigit(css[i + 1 + digits]))
            {
                digits++;
            }

            if (digits == 0)
            {
                // An escaped line break is dropped (a string's line continuation); an escaped tab too, as the URL parser
                // drops it ("\<tab>/\<tab>/host" is "//host").
                if (css[i + 1] is not ('\n' or '\r' or '\f' or '\t'))
                {
                    builder.Append(css[i + 1]);
                }

                i++;
                continue;
            }

            // A tab or line break written as hex is a character of the string or URL, not its end, and the URL parser
            // drops it wherever it stands ("/\9/host" and "h\9ttps:" load another host): dropped here too.
            var code = int.Parse(css.AsSpan(i + 1, digits), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            if (code is not ('\t' or '\n' or '\r'))
            {
                builder.Append(code is 0 or > 0x10FFFF or (>= 0xD800 and <= 0xDFFF) ? "\uFFFD" : char.ConvertFromUtf32(code));
            }

            i += digits;
            if (i + 1 < css.Length && css[i + 1] is ' ' or '\t' or '\n' or '\r' or '\f')
            {
                i++;
            }
        }

        return builder.ToString();
    }
}
