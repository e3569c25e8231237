using System.Globalization;
using System.Text;

namespace AgentGuard.Provenance;

/// <summary>
/// Splits text into whole values — e-mail addresses, IBANs, URLs and domains, long numbers (phones, accounts) and
/// words — each in a canonical form, so provenance compares an argument with what the session saw value by value,
/// never as a fragment of it. The same tokenizer reads arguments and seen text, so both always agree on a value's kind.
/// </summary>
/// <remarks>
/// Canonical forms: text is NFKC-normalised and stripped of format characters (zero-width, bidi) first; e-mail
/// addresses are lower case with a <c>+tag</c> sub-address removed; IBANs are upper case without grouping spaces or dashes, and
/// the extent of a spaced IBAN in text is the longest grouping that passes the ISO 13616 check (else groups of four);
/// URLs keep their path and query as written but lose the scheme, <c>www.</c>, a trailing dot, default ports, a
/// trailing <c>/</c> and the fragment; numbers of 7–19 digits written with spaces, dashes, dots or brackets are their
/// digits (a leading <c>+</c> or <c>00</c> dropped); words are lower case.
/// </remarks>
internal static class ValueTokenizer
{
    private const int MinDigits = 7;
    private const int MaxDigits = 19;

    /// <summary>The tokens of <paramref name="text"/>, in order.</summary>
    public static List<ValueToken> Tokenize(string text)
    {
        // About one token per six characters of prose: sized once instead of grown four times for a prompt.
        var tokens = new List<ValueToken>(Math.Min(256, (text.Length / 6) + 2));
        TokenizeCore(Prepare(text), tokens, null);
        return tokens;
    }

    /// <summary>
    /// The tokens of text a session sees: those of <see cref="Tokenize(string)"/>, then each distinct host of its URLs
    /// (see <see cref="ValueTokenKind.Host"/>) and each distinct identifier of words joined by underscores
    /// (<c>transfer_funds</c>, see <see cref="ValueTokenKind.Identifier"/>). They come last, so no word sequence of the
    /// text is split by them; arguments are tokenized without them.
    /// </summary>
    public static List<ValueToken> TokenizeSeen(string text)
    {
        var prepared = Prepare(AsRead(text));
        var tokens = new List<ValueToken>(Math.Min(256, (prepared.Length / 6) + 2));
        TokenizeCore(prepared, tokens, null);
        AppendHosts(tokens);
        AppendIdentifiers(prepared, tokens);
        AppendHyphenated(prepared, tokens);
        return tokens;
    }

    /// <summary>
    /// Seen text as its reader reads it: a JSON result's string escapes decoded (a value after a line break is
    /// <c>…\nsync_profile_data</c> as written, a quoted one <c>\u0022grant_workspace_access\u0022</c>), and markup's character
    /// references (<c>attacker&amp;#64;evil.example</c>). Only a text that holds a JSON object or array (<c>{"</c> or
    /// <c>["</c>, also after a tool's own words: "Found 1 review: {…}") has its escapes decoded: a plain text's
    /// backslashes are its own (<c>C:\new_reports</c>).
    /// </summary>
    private static string AsRead(string text)
    {
        var holdsJson = text.Contains("{\"", StringComparison.Ordinal) || text.Contains("[\"", StringComparison.Ordinal);
        var read = holdsJson && JsonEscapes.Decoded(text) is { } decoded ? decoded : text;
        return CharacterReferences.Decoded(read) ?? read;
    }

    /// <summary>
    /// The host of a canonical URL (<see cref="CanonicalUrl"/>: no scheme, lower-case authority): after its user
    /// information (up to the last '@' of the authority, which may hold a ':' of its own: <c>shop.example:x@evil.example</c>
    /// is evil.example's), up to its port.
    /// </summary>
    internal static ReadOnlySpan<char> HostOf(ReadOnlySpan<char> canonicalUrl)
    {
        var end = canonicalUrl.IndexOfAny('/', '?');
        var host = end < 0 ? canonicalUrl : canonicalUrl[..end];
        var at = host.LastIndexOf('@');
        host = at < 0 ? host : host[(at + 1)..];
        var port = host.StartsWith('[') ? host.IndexOf(']') + 1 : host.IndexOf(':');
        return port <= 0 || port >= host.Length ? host : host[..port];
    }

    /// <summary>Appends the distinct hosts of the URL tokens already in <paramref name="tokens"/>.</summary>
    private static void AppendHosts(List<ValueToken> tokens)
    {
        var count = tokens.Count;
        HashSet<string>? found = null;
        for (var i = 0; i < count; i++)
        {
            if (tokens[i].Kind == ValueTokenKind.Url && HostOf(tokens[i].Canonical) is { Length: > 0 } host)
            {
                var text = host.Length == tokens[i].Canonical.Length ? tokens[i].Canonical : host.ToString();
                if ((found ??= new HashSet<string>(StringComparer.Ordinal)).Add(text))
                {
                    tokens.Add(new ValueToken(ValueTokenKind.Host, text));
                }
            }
        }
    }

    /// <summary>Appends the distinct maximal runs of letters, digits and underscores that join two or more words.</summary>
    private static void AppendIdentifiers(string text, List<ValueToken> tokens)
        => AppendJoined(text, tokens, '_', static run => run.Contains('_'));

    /// <summary>Shortest hyphenated identifier kept: a tool name checked by a result is eight characters or more.</summary>
    private const int MinHyphenated = 8;

    /// <summary>
    /// Appends the distinct maximal runs of words joined by single hyphens (<c>sync-profile-data</c>), eight characters
    /// or more, each word starting with a letter (so dates and UUIDs are not kept), as identifiers: a tool named with
    /// hyphens is named by a text that holds that run.
    /// </summary>
    private static void AppendHyphenated(string text, List<ValueToken> tokens)
        => AppendJoined(text, tokens, '-', static run => run.Length >= MinHyphenated && IsHyphenated(run));

    /// <summary>Whether a run of words joined by a character, trimmed of it, is kept as an identifier.</summary>
    private delegate bool JoinedRunTest(ReadOnlySpan<char> run);

    /// <summary>
    /// Appends, as identifiers, the distinct maximal runs of letters, digits and <paramref name="joiner"/> around each
    /// joiner in <paramref name="text"/>, the joiners at their ends trimmed, that <paramref name="keep"/> accepts; lower case.
    /// </summary>
    private static void AppendJoined(string text, List<ValueToken> tokens, char joiner, JoinedRunTest keep)
    {
        HashSet<string>? found = null;
        var at = text.IndexOf(joiner);
        while (at >= 0)
        {
            var start = at;
            while (start > 0 && (text[start - 1] == joiner || char.IsLetterOrDigit(text[start - 1])))
            {
                start--;
            }

            var end = at + 1;
            while (end < text.Length && (text[end] == joiner || char.IsLetterOrDigit(text[end])))
            {
                end++;
            }

            var first = start;
            var last = end;
            while (first < last && text[first] == joiner)
            {
                first++;
            }

            while (last > first && text[last - 1] == joiner)
            {
                last--;
            }

            if (keep(text.AsSpan(first, last - first)))
            {
                var identifier = LowerWord(text, first, last - first);
                if ((found ??= new HashSet<string>(StringComparer.Ordinal)).Add(identifier))
                {
                    tokens.Add(new ValueToken(ValueTokenKind.Identifier, identifier));
                }
            }

            at = end < text.Length ? text.IndexOf(joiner, end) : -1;
        }
    }

    /// <summary>Two or more words joined by single hyphens, each starting with a letter.</summary>
    private static bool IsHyphenated(ReadOnlySpan<char> run)
    {
        if (!run.Contains('-') || run.Contains("--", StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var part in run.Split('-'))
        {
            if (!char.IsLetter(run[part.Start.Value]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>NFKC and no format characters, so look-alike and hidden characters do not split or disguise a value.</summary>
    public static string Prepare(string text)
    {
        var ascii = true;
        foreach (var c in text)
        {
            if (c > 0x7F)
            {
                ascii = false;
                break;
            }
        }

        if (ascii)
        {
            return text;
        }

        return UnicodeText.CleanAndNormalize(text);
    }

    /// <summary>
    /// The tokens of <paramref name="prepared"/> (text already through <see cref="Prepare"/>), each with where it lies
    /// in it: for the rare reader that must cut values out of the text (see <c>EchoedValues</c>).
    /// </summary>
    public static void Tokenize(string prepared, List<ValueToken> tokens, List<Range> spans) => TokenizeCore(prepared, tokens, spans);

    private static void TokenizeCore(string text, List<ValueToken> tokens, List<Range>? spans)
    {
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            var atStart = i == 0 || !char.IsLetterOrDigit(text[i - 1]);
            if (atStart && (char.IsLetterOrDigit(c) || c is '+' or '('))
            {
                if (TryUrl(text, i, out var end, out var url)
                    || TryEmail(text, i, out end, out url)
                    || TryIban(text, i, out end, out url)
                    || TryDigits(text, i, out end, out url)
                    || TryDomain(text, i, out end, out url))
                {
                    tokens.Add(url);
                    spans?.Add(i..end);
                    i = end;
                    continue;
                }
            }

            if (char.IsLetterOrDigit(c))
            {
                var start = i;
                while (i < text.Length && char.IsLetterOrDigit(text[i]))
                {
                    i++;
                }

                tokens.Add(new ValueToken(ValueTokenKind.Word, LowerWord(text, start, i - start)));
                spans?.Add(start..i);
                continue;
            }

            i++;
        }
    }

    private static bool TryUrl(string text, int start, out int end, out ValueToken token)
    {
        end = start;
        token = default;
        var rest = text.AsSpan(start);
        int schemeLength;
        if (rest.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            schemeLength = 8;
        }
        else if (rest.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
        {
            schemeLength = 7;
        }
        else if (rest.StartsWith("www.", StringComparison.OrdinalIgnoreCase))
        {
            schemeLength = 0;
        }
        else
        {
            return false;
        }

        end = UrlEnd(text, start + schemeLength);
        if (end <= start + schemeLength)
        {
            return false;
        }

        token = new ValueToken(ValueTokenKind.Url, CanonicalUrl(text.AsSpan(start + schemeLength, end - start - schemeLength)));
        return token.Canonical.Length > 0;
    }

    private static bool TryDomain(string text, int start, out int end, out ValueToken token)
    {
        end = start;
        token = default;
        var i = start;
        var lastDot = -1;
        while (i < text.Length && (IsAsciiLetterOrDigit(text[i]) || text[i] is '-' or '.'))
        {
            if (text[i] == '.')
            {
                if (i == start || text[i - 1] == '.')
                {
                    break;
                }

                lastDot = i;
            }

            i++;
        }

        var hostEnd = i;
        while (hostEnd > start && text[hostEnd - 1] is '.' or '-')
        {
            hostEnd--;
        }

        if (lastDot < 0 || lastDot >= hostEnd - 2)
        {
            return false;
        }

        for (var k = lastDot + 1; k < hostEnd; k++)
        {
            if (!char.IsAsciiLetter(text[k]))
            {
                return false;
            }
        }

        end = hostEnd < text.Length && text[hostEnd] is '/' or ':' && hostEnd == i ? UrlEnd(text, start) : hostEnd;
        token = new ValueToken(ValueTokenKind.Url, CanonicalUrl(text.AsSpan(start, end - start)));
        return true;
    }

    private static int UrlEnd(string text, int from)
    {
        var i = from;
        while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] is not ('<' or '>' or '"' or '\'' or '`' or '{' or '}' or '|' or '\\' or '^'))
        {
            i++;
        }

        while (i > from && text[i - 1] is '.' or ',' or ';' or ':' or '!' or '?' or ')' or ']')
        {
            i--;
        }

        return i;
    }

    /// <summary>Authority lower case (no <c>www.</c>, trailing dot or default port), path and query as written (no trailing slash), no fragment.</summary>
    internal static string CanonicalUrl(ReadOnlySpan<char> url)
    {
        var hash = url.IndexOf('#');
        if (hash >= 0)
        {
            url = url[..hash];
        }

        var pathStart = url.IndexOfAny('/', '?');
        var authority = pathStart < 0 ? url : url[..pathStart];
        var rest = pathStart < 0 ? ReadOnlySpan<char>.Empty : url[pathStart..];
        var host = authority.ToString().ToLowerInvariant();
        if (host.EndsWith(":80", StringComparison.Ordinal) || host.EndsWith(":443", StringComparison.Ordinal))
        {
            host = host[..host.LastIndexOf(':')];
        }

        host = host.TrimEnd('.');
        if (host.StartsWith("www.", StringComparison.Ordinal))
        {
            host = host[4..];
        }

        var path = rest.ToString();
        while (path.EndsWith('/'))
        {
            path = path[..^1];
        }

        return host + path;
    }

    private static bool TryEmail(string text, int start, out int end, out ValueToken token)
    {
        end = start;
        token = default;
        var i = start;
        var at = -1;
        while (i < text.Length && (IsAsciiLetterOrDigit(text[i]) || text[i] is '.' or '_' or '%' or '+' or '-' or '@'))
        {
            if (text[i] == '@')
            {
                if (at >= 0)
                {
                    return false;
                }

                at = i;
            }

            i++;
        }

        if (at <= start)
        {
            return false;
        }

        var domainEnd = i;
        while (domainEnd > at + 1 && text[domainEnd - 1] is '.' or '-')
        {
            domainEnd--;
        }

        var domain = text.AsSpan(at + 1, domainEnd - at - 1);
        var lastDot = domain.LastIndexOf('.');
        if (lastDot <= 0 || domain.Length - lastDot - 1 < 2 || domain.Contains("..", StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var c in domain[(lastDot + 1)..])
        {
            if (!char.IsAsciiLetter(c))
            {
                return false;
            }
        }

        var local = text.AsSpan(start, at - start);
        if (local[0] == '.' || local[^1] == '.')
        {
            return false;
        }

        var plus = local.IndexOf('+');
        if (plus == 0)
        {
            return false;
        }

        if (plus > 0)
        {
            local = local[..plus];
        }

        end = domainEnd;
        token = new ValueToken(ValueTokenKind.Email, string.Concat(local, "@", domain).ToLowerInvariant());
        return true;
    }

    private static bool TryIban(string text, int start, out int end, out ValueToken token)
    {
        end = start;
        token = default;
        if (start + 4 > text.Length
            || !char.IsAsciiLetter(text[start]) || !char.IsAsciiLetter(text[start + 1])
            || !char.IsAsciiDigit(text[start + 2]) || !char.IsAsciiDigit(text[start + 3]))
        {
            return false;
        }

        // Groups: the first run of ASCII letters and digits, then runs after single spaces (or single dashes, the same
        // separator throughout), up to 34 characters in all.
        Span<int> groupEnds = stackalloc int[12];
        Span<int> lengths = stackalloc int[12];
        var groups = 0;
        var total = 0;
        var i = start;
        var separator = '\0';
        while (groups < groupEnds.Length)
        {
            var groupStart = i;
            while (i < text.Length && IsAsciiLetterOrDigit(text[i]))
            {
                i++;
            }

            var length = i - groupStart;
            if (length == 0 || total + length > 34 || (i < text.Length && char.IsLetterOrDigit(text[i])))
            {
                break;
            }

            total += length;
            groupEnds[groups] = i;
            lengths[groups] = total;
            groups++;
            if (i + 1 < text.Length && text[i] is ' ' or '-' && (separator == '\0' || text[i] == separator) && IsAsciiLetterOrDigit(text[i + 1]))
            {
                separator = text[i];
                i++;
                continue;
            }

            break;
        }

        if (groups == 0)
        {
            return false;
        }

        var chosen = -1;
        for (var g = groups - 1; g >= 0 && chosen < 0; g--)
        {
            if (lengths[g] >= 15 && ChecksumHolds(text, start, groupEnds[g]))
            {
                chosen = g;
            }
        }

        if (chosen < 0)
        {
            // No valid IBAN: take the first group and every following group while the previous one had four characters
            // (spaces only: dashed groups are an IBAN only when its check holds, so serial keys and phone numbers stay
            // what they were).
            chosen = 0;
            while (separator == ' ' && chosen + 1 < groups && lengths[chosen] - (chosen == 0 ? 0 : lengths[chosen - 1]) == 4)
            {
                chosen++;
            }

            if (lengths[chosen] < 15)
            {
                return false;
            }
        }

        end = groupEnds[chosen];
        var builder = new StringBuilder(lengths[chosen]);
        foreach (var c in text.AsSpan(start, end - start))
        {
            if (c is not (' ' or '-'))
            {
                builder.Append(char.ToUpperInvariant(c));
            }
        }

        token = new ValueToken(ValueTokenKind.Iban, builder.ToString());
        return true;
    }

    /// <summary>The ISO 13616 mod-97 check over the letters and digits of <c>text[start..end]</c>.</summary>
    private static bool ChecksumHolds(string text, int start, int end)
    {
        var remainder = 0;
        var chars = text.AsSpan(start, end - start);
        Span<char> rearranged = stackalloc char[40];
        var n = 0;
        foreach (var c in chars)
        {
            if (c is not (' ' or '-'))
            {
                rearranged[n++] = c;
            }
        }

        for (var k = 4; k < n + 4; k++)
        {
            var c = char.ToUpperInvariant(rearranged[k < n ? k : k - n]);
            if (char.IsAsciiDigit(c))
            {
                remainder = ((remainder * 10) + (c - '0')) % 97;
            }
            else if (char.IsAsciiLetterUpper(c))
            {
                var value = c - 'A' + 10;
                remainder = ((remainder * 100) + value) % 97;
            }
            else
            {
                return false;
            }
        }

        return remainder == 1;
    }

    /// <summary>
    /// A number of <see cref="MinDigits"/>–<see cref="MaxDigits"/> digits at <paramref name="start"/>, written with
    /// spaces, dashes, dots or brackets between groups; its digits are collected on the stack (this is tried at every
    /// word start of every text a session sees).
    /// </summary>
    internal static bool TryDigits(string text, int start, out int end, out ValueToken token)
    {
        end = start;
        token = default;
        var i = start;
        if (text[i] == '+')
        {
            i++;
        }

        Span<char> digits = stackalloc char[MaxDigits];
        var count = 0;
        var last = i;
        while (i < text.Length)
        {
            if (char.IsAsciiDigit(text[i]))
            {
                if (count == MaxDigits)
                {
                    // More digits than any number value has.
                    return false;
                }

                digits[count++] = text[i];
                i++;
                last = i;
                continue;
            }

            // One separator (or ") " / " (") between digit groups.
            var j = i;
            var separators = 0;
            while (j < text.Length && text[j] is ' ' or '-' or '.' or '(' or ')' && separators < 2)
            {
                j++;
                separators++;
            }

            if (separators > 0 && j < text.Length && char.IsAsciiDigit(text[j]) && (separators == 1 || text[j - 2] is ')' || text[j - 1] is '('))
            {
                i = j;
                continue;
            }

            break;
        }

        if (count < MinDigits || (last < text.Length && char.IsLetter(text[last])))
        {
            return false;
        }

        var canonical = digits[..count];
        if (canonical.StartsWith("00", StringComparison.Ordinal) && text[start] != '+')
        {
            canonical = canonical[2..];
        }

        end = last;
        token = new ValueToken(ValueTokenKind.Digits, new string(canonical));
        return true;
    }

    /// <summary>The word at <paramref name="start"/> in lower case, as one string (a capitalised word made two).</summary>
    private static string LowerWord(string text, int start, int length)
        => string.Create(length, (text, start), static (lower, word) => word.text.AsSpan(word.start, lower.Length).ToLowerInvariant(lower));

    private static bool IsAsciiLetterOrDigit(char c) => char.IsAsciiLetterOrDigit(c);
}
