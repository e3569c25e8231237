using System.Text;

namespace AgentGuard;

/// <summary>
/// Finds secrets hidden by percent-encoding (<c>token%3Dghp_…</c>, <c>client_secret=…%2F…</c>): the text is decoded
/// and scanned, and a secret found inside is reported over the encoded characters it came from, to the end of its
/// encoded token. Where decoding itself ended the value (an escape read as a quote, <c>&lt;</c> or a space inside a key
/// that holds it by chance), the end is taken from the text as written; where decoding made the name or separator in
/// front of it (<c>zi%51=…</c> read as <c>ziQ=</c> inside a random key), the start is.
/// </summary>
internal static class RedactorPercentEncodedSecrets
{
    private const int MaxTokenBack = 4096;

    public static void Find(ISecretDetector detector, string text, List<SecretFinding> findings)
    {
        if (!TryPercentDecode(text, -1, out var decoded, out var origin))
        {
            return;
        }

        var inner = new List<SecretFinding>();
        detector.Find(decoded, inner);
        foreach (var finding in inner)
        {
            var start = StartAsWritten(text, origin[finding.Start]);
            var after = finding.Start + finding.Length;
            var end = origin[after];
            if (MadeByDecoding(text, origin, after))
            {
                end = EndAsWritten(detector, text, start, end, decoded[after]);
            }

            findings.Add(new SecretFinding(finding.Kind, start, TokenEnd(text, end) - start));
        }
    }

    /// <summary>
    /// Where a decoded finding starts as written. Read back from <paramref name="start"/> to the start of its encoded
    /// token: an escape that decodes to a separator (<c>token%3Dghp_…</c>) made the boundary, so the finding starts where
    /// it was found; an escape that decodes to anything else (<c>zi%51=-oZ8…</c>, a random key holding <c>%51</c> and
    /// '=' by chance) made the name in front of it, which as written is part of the same token: it starts with the token.
    /// A token is read back at most <see cref="MaxTokenBack"/> characters, so many findings in one long token cost little.
    /// </summary>
    private static int StartAsWritten(string text, int start)
    {
        var escaped = false;
        var at = start;
        var floor = Math.Max(0, start - MaxTokenBack);
        while (at > floor && !EndsToken(text[at - 1]))
        {
            at--;
            if (text[at] == '%' && at + 2 < start && char.IsAsciiHexDigit(text[at + 1]) && char.IsAsciiHexDigit(text[at + 2]))
            {
                var decoded = (char)byte.Parse(text.AsSpan(at + 1, 2), System.Globalization.NumberStyles.AllowHexSpecifier, System.Globalization.CultureInfo.InvariantCulture);
                if (decoded is '=' or ':' or '?' or '/' || EndsToken(decoded))
                {
                    return start;
                }

                escaped = true;
            }
        }

        return escaped ? at : start;
    }

    private static bool EndsToken(char c) => char.IsWhiteSpace(c) || c is '&' or ';' or ',' or '"' or '\'' or '<' or '>';

    /// <summary>
    /// Decoding reads the text differently from how it was written (a password that holds "%B0" by chance), so what it
    /// found is widened to the end of its encoded token: the rest of such a password is not left behind.
    /// </summary>
    private static int TokenEnd(string text, int end)
    {
        while (end < text.Length && !EndsToken(text[end]))
        {
            end++;
        }

        return end;
    }

    /// <summary>True when the decoded character at <paramref name="at"/> came from an escape (<c>%22</c>) or a '+' read as a space.</summary>
    private static bool MadeByDecoding(string text, List<int> origin, int at)
        => at + 1 < origin.Count && (origin[at + 1] - origin[at] == 3 || text[origin[at]] == '+');

    /// <summary>
    /// Where a decoded finding ends when the character after it was made by decoding: <c>%3c</c>, <c>%22</c> or
    /// <c>%20</c> inside a key (<c>…zd%3cre,z0r6 "ZiL</c>) decodes to a delimiter that ends the value there, while as
    /// written the value goes on, past the delimiters the encoded-token widening stops at. The text is read again with
    /// the escapes of that <paramref name="delimiter"/> as written: a finding that still ends there (a provider token of
    /// fixed length) keeps its end; one that now goes on past it (<c>token=AbC…%26next=1</c>) gives the end; when none
    /// does, the value's end is unknown and the rest of the line is taken, since a fragment of a secret in the audit file
    /// costs more than the words after it.
    /// </summary>
    private static int EndAsWritten(ISecretDetector detector, string text, int start, int escape, char delimiter)
    {
        TryPercentDecode(text, delimiter, out var reread, out var origin);
        var found = new List<SecretFinding>();
        detector.Find(reread, found);
        var end = -1;
        foreach (var finding in found)
        {
            var findingStart = origin[finding.Start];
            var after = finding.Start + finding.Length;
            var findingEnd = origin[after];
            if (findingStart >= escape || findingEnd <= start)
            {
                continue;
            }

            if (findingEnd == escape)
            {
                return escape;
            }

            if (findingEnd > escape && !MadeByDecoding(text, origin, after))
            {
                end = Math.Max(end, findingEnd);
            }
        }

        return end >= 0 ? end : LineEnd(text, escape);
    }

    private static int LineEnd(string text, int at)
    {
        var length = text.AsSpan(at).IndexOfAny('\n', '\r');
        return length < 0 ? text.Length : at + length;
    }

    /// <summary>
    /// Percent-decodes <paramref name="text"/> (and '+' to a space), leaving the escapes of <paramref name="kept"/> (a
    /// character code, or -1 for none) as written; <paramref name="origin"/> maps each decoded character (and the end)
    /// to where it was written.
    /// </summary>
    private static bool TryPercentDecode(string text, int kept, out string decoded, out List<int> origin)
    {
        var builder = new StringBuilder(text.Length);
        origin = new List<int>(text.Length + 1);
        var changed = false;
        for (var i = 0; i < text.Length; i++)
        {
            origin.Add(i);
            var escaped = text[i] == '%' && i + 2 < text.Length && char.IsAsciiHexDigit(text[i + 1]) && char.IsAsciiHexDigit(text[i + 2]) ? Convert.ToByte(text.Substring(i + 1, 2), 16) : -1;
            if (escaped >= 0 && escaped != kept)
            {
                builder.Append((char)escaped);
                i += 2;
                changed = true;
            }
            else
            {
                builder.Append(text[i] == '+' && kept != ' ' ? ' ' : text[i]);
            }
        }

        origin.Add(text.Length);
        decoded = builder.ToString();
        return changed;
    }
}
