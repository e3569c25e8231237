using System.Globalization;
using System.Net;
using System.Text;

namespace AgentGuard;

/// <summary>
/// A web page or an HTML e-mail as a browser shows it and a model reads it: its character references (<c>&amp;#105;</c>,
/// <c>&amp;#x69;</c>, <c>&amp;shy;</c>, <c>&amp;lt;</c>) stand for their characters. An instruction spelled with them
/// (<c>&amp;#105;gnore all previous instructions</c>, <c>ign&amp;shy;ore</c>, <c>&amp;lt;!-- … --&amp;gt;</c>) reads plainly to both,
/// and a Cyrillic letter or a zero-width space written as a reference is one once decoded, for the readings that look
/// for those. A text with no <c>&amp;</c> costs one vectorised search and no allocation; one whose ampersands start no
/// reference (<c>AT&amp;T</c>, <c>?a=1&amp;b=2</c>) is not copied.
/// </summary>
internal static class CharacterReferences
{
    /// <summary>The longest reference looked for, its <c>&amp;</c> and <c>;</c> included (<c>&amp;CounterClockwiseContourIntegral;</c>).</summary>
    private const int LongestReference = 34;

    /// <summary>
    /// <paramref name="text"/> with its character references decoded as HTML decodes them, except that a reference to an
    /// invisible format character (<c>&amp;#8203;</c>, <c>&amp;shy;</c>, <c>&amp;zwj;</c>) is dropped: it joins the word it
    /// splits, as a page shows it, and it is no character hidden from the model, which reads the reference as written
    /// (a literal zero-width character still counts as hidden). Null when the text holds no reference.
    /// </summary>
    public static string? Decoded(ReadOnlySpan<char> text)
    {
        StringBuilder? decoded = null;
        var copied = 0;
        for (var at = text.IndexOf('&'); at >= 0;)
        {
            var length = ReferenceLength(text[at..]);
            if (length > 0)
            {
                var value = WebUtility.HtmlDecode(text.Slice(at, length).ToString());
                decoded ??= new StringBuilder(text.Length);
                decoded.Append(text[copied..at]);
                if (!(value.Length == 1 && char.GetUnicodeCategory(value[0]) == UnicodeCategory.Format))
                {
                    decoded.Append(value);
                }

                copied = at + length;
            }

            var next = text[(at + 1)..].IndexOf('&');
            at = next < 0 ? -1 : at + 1 + next;
        }

        return decoded?.Append(text[copied..]).ToString();
    }

    /// <summary>
    /// The length of the reference <paramref name="text"/> opens with (<c>&amp;#</c> and digits, <c>&amp;#x</c> and hex
    /// digits, or <c>&amp;</c> and a name HTML knows, closed by <c>;</c>), or 0.
    /// </summary>
    private static int ReferenceLength(ReadOnlySpan<char> text)
    {
        var window = text[..Math.Min(text.Length, LongestReference)];
        var close = window.IndexOf(';');
        if (close < 3)
        {
            return 0;
        }

        var body = window[1..close];
        bool shaped;
        if (body[0] != '#')
        {
            shaped = !body.ContainsAnyExcept(Letters);
        }
        else
        {
            var hex = body.Length > 1 && body[1] is 'x' or 'X';
            var digits = body[(hex ? 2 : 1)..];
            shaped = !digits.IsEmpty && (hex ? !digits.ContainsAnyExcept(HexDigits) : !digits.ContainsAnyExceptInRange('0', '9'));
        }

        // A name HTML does not know ("&R;") decodes to itself and is kept as written.
        return shaped && !WebUtility.HtmlDecode(text[..(close + 1)].ToString()).AsSpan().SequenceEqual(text[..(close + 1)]) ? close + 1 : 0;
    }

    private static readonly System.Buffers.SearchValues<char> Letters = System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");

    private static readonly System.Buffers.SearchValues<char> HexDigits = System.Buffers.SearchValues.Create("0123456789abcdefABCDEF");
}
