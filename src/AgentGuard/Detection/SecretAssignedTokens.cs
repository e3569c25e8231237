using System.Buffers;

namespace AgentGuard;

/// <summary>
/// A random-looking token assigned to a name that does not say "key" or "secret": a service's name
/// (<c>apiMetrics := "…"</c>, <c>telnyx = KEY…</c>, <c>asana: '…'</c>). Reporting every value after every name would
/// flag every id and hash, so the value must be what generated credentials are and ids and hashes are not: 24–256
/// characters of letters, digits, '_' and '-' holding upper-case letters, lower-case letters and digits (at least
/// two of each: hex hashes, UUIDs and lower-case ids have one case), varied (≥ 4 bits of entropy per character), and
/// the whole value (quoted, or up to white space, ',', ';' or the end). Names of ids, hashes, versions and one-time
/// values (<c>id</c>, <c>requestId</c>, <c>sha</c>, <c>digest</c>, <c>etag</c>, <c>nonce</c>, <c>state</c>…) are
/// left alone.
/// </summary>
internal static class SecretAssignedTokens
{
    private const int MinLength = 24;
    private const int MaxLength = 256;

    private static readonly SearchValues<char> Operators = SearchValues.Create("=:");

    /// <summary>Names (lower-cased, letters only) whose values are ids, hashes, versions or one-time values.</summary>
    private static readonly string[] NotSecretNames =
        ["id", "ids", "uuid", "guid", "hash", "sha", "digest", "checksum", "integrity", "etag", "nonce", "state", "commit", "rev", "revision", "version", "ref",
         "challenge", "name", "title", "slug", "path", "file", "url", "uri", "href", "src", "type", "class", "style", "format", "key", "value", "data", "sig"];

    /// <summary>Name endings (lower-cased) of the same kinds: <c>requestId</c>, <c>commit_sha</c>, <c>file_hash</c>, <c>videoIds</c>.</summary>
    private static readonly string[] NotSecretEndings = ["id", "ids", "uuid", "guid", "hash", "sha", "digest", "checksum", "etag", "nonce", "version", "name", "path", "url", "uri", "file", "ref"];

    public static void Scan(string text, List<SecretFinding> found)
    {
        var span = text.AsSpan();
        var from = 0;
        while (from < span.Length)
        {
            var found1 = span[from..].IndexOfAny(Operators);
            if (found1 < 0)
            {
                return;
            }

            var op = from + found1;
            from = op + 1;
            Examine(text, op, found);
        }
    }

    private static void Examine(string text, int op, List<SecretFinding> found)
    {
        // The name before the operator (":=", "?=" and a closing quote allowed), then white space.
        var nameEnd = op;
        if (nameEnd > 0 && text[nameEnd - 1] is '?' or ':' or '+')
        {
            nameEnd--;
        }

        while (nameEnd > 0 && text[nameEnd - 1] is ' ' or '\t')
        {
            nameEnd--;
        }

        if (nameEnd > 0 && text[nameEnd - 1] is '"' or '\'')
        {
            nameEnd--;
        }

        var nameStart = nameEnd;
        while (nameStart > 0 && nameEnd - nameStart < 64 && (char.IsAsciiLetterOrDigit(text[nameStart - 1]) || text[nameStart - 1] is '_' or '-' or '.'))
        {
            nameStart--;
        }

        if (nameEnd - nameStart < 2 || !char.IsAsciiLetter(text[nameStart]) || (nameStart > 0 && (char.IsAsciiLetterOrDigit(text[nameStart - 1]) || text[nameStart - 1] is '/' or '\\')))
        {
            return;
        }

        // The value: optional white space and quote, then the token, which must be the whole value.
        var i = op + 1;
        if (i < text.Length && text[i] == '=' && text[op] == ':')
        {
            i++;
        }

        while (i < text.Length && i - op < 8 && text[i] is ' ' or '\t')
        {
            i++;
        }

        var quote = i < text.Length && text[i] is '"' or '\'' ? text[i] : '\0';
        if (quote != '\0')
        {
            i++;
        }

        var start = i;
        while (i < text.Length && i - start <= MaxLength && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '_' or '-'))
        {
            i++;
        }

        var length = i - start;
        if (length is < MinLength or > MaxLength)
        {
            return;
        }

        var ends = quote != '\0' ? i < text.Length && text[i] == quote : i >= text.Length || text[i] is ' ' or '\t' or '\r' or '\n' or ',' or ';';
        var value = text.AsSpan(start, length);
        // An Itanium-mangled C++ symbol (fun:_ZN2v88Function4Call…) is a name, not a token.
        if (!ends || value.StartsWith("_Z", StringComparison.Ordinal) || !MixedToken(value) || AscendingRun(value) || IsNameTail(text.AsSpan(nameStart, nameEnd - nameStart), value) || SecretText.Entropy(value) < 4.0 || SecretText.IsPlaceholder(value) || NotSecretName(text.AsSpan(nameStart, nameEnd - nameStart)))
        {
            return;
        }

        found.Add(new SecretFinding("generic-secret", start, length));
    }

    /// <summary>
    /// At least two upper-case letters, two lower-case letters and two digits, the digits in two or more places: an
    /// identifier holds its digits in one run (<c>X509SubjectKeyIDExtension</c>, <c>bigIntAndBufferInt64Check</c>).
    /// </summary>
    private static bool MixedToken(ReadOnlySpan<char> value)
    {
        int upper = 0, lower = 0, digits = 0, digitRuns = 0;
        for (var k = 0; k < value.Length; k++)
        {
            var c = value[k];
            if (char.IsAsciiDigit(c) && (k == 0 || !char.IsAsciiDigit(value[k - 1])))
            {
                digitRuns++;
            }

            if (char.IsAsciiLetterUpper(c))
            {
                upper++;
            }
            else if (char.IsAsciiLetterLower(c))
            {
                lower++;
            }
            else if (char.IsAsciiDigit(c))
            {
                digits++;
            }
        }

        return upper >= 2 && lower >= 2 && digits >= 2 && digitRuns >= 2;
    }

    /// <summary>An alphabet written out (<c>"ABCDEFGH…xyz0123456789"</c>): eight or more letters or digits in a row, ignoring case.</summary>
    private static bool AscendingRun(ReadOnlySpan<char> value)
    {
        var run = 1;
        for (var k = 1; k < value.Length; k++)
        {
            run = char.ToLowerInvariant(value[k]) == char.ToLowerInvariant(value[k - 1]) + 1 ? run + 1 : 1;
            if (run >= 8)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The value is the name's last part again (<c>exports.Foo = Foo</c>): a variable.</summary>
    private static bool IsNameTail(ReadOnlySpan<char> name, ReadOnlySpan<char> value)
    {
        var dot = name.LastIndexOf('.');
        return name[(dot + 1)..].Equals(value, StringComparison.OrdinalIgnoreCase);
    }

    private static bool NotSecretName(ReadOnlySpan<char> name)
    {
        Span<char> buffer = stackalloc char[64];
        var length = 0;
        foreach (var c in name)
        {
            if (char.IsAsciiLetter(c) && length < buffer.Length)
            {
                buffer[length++] = char.ToLowerInvariant(c);
            }
        }

        var lowered = buffer[..length];
        foreach (var word in NotSecretNames)
        {
            if (lowered.SequenceEqual(word))
            {
                return true;
            }
        }

        foreach (var ending in NotSecretEndings)
        {
            if (lowered.EndsWith(ending, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
