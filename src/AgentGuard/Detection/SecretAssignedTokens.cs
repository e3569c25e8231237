using System.Buffers;

namespace AgentGuard;

/// <summary>
/// A random-looking token assigned to a name that does not say "key" or "secret": a service's name
/// (<c>apiMetrics := "…"</c>, <c>telnyx = KEY…</c>, <c>asana: '…'</c>, <c>pyowm = '3k144a5a…'</c>). An assignment is a
/// credential position; for an audit file a miss leaks the secret while a false alarm masks a harmless value, so a
/// value with the structure of a generated credential is reported after any name. Reporting every value after every
/// name would flag every id and hash, so the value must be what generated credentials are and ids and hashes are not:
/// 20–256 characters of letters, digits, '_' and '-', the whole value (quoted, or up to white space, ',', ';' or the
/// end), varied, and either both letter cases and digits in two or more places, or one letter case with digits in
/// three or more places and letters beyond hex (hex hashes, UUIDs and git ids are hex). Names of ids, hashes,
/// versions and one-time values (<c>id</c>, <c>requestId</c>, <c>sha</c>, <c>digest</c>, <c>etag</c>, <c>nonce</c>,
/// <c>state</c>…), written-out alphabets, mangled names and the name again are left alone.
/// </summary>
internal static partial class SecretAssignedTokens
{
    private const int MinLength = 20;
    private const int MaxLength = 256;

    private static readonly SearchValues<char> Operators = SearchValues.Create("=:");

    private static readonly SearchValues<char> LowerHexAndSeparators = SearchValues.Create("0123456789abcdef-_");

    // SearchValues rather than ContainsAnyExceptInRange, which allocated on each call in the test build (on clean text).
    private static readonly SearchValues<char> LowerLetters = SearchValues.Create("abcdefghijklmnopqrstuvwxyz");

    /// <summary>Names (lower-cased, letters only) whose values are ids, hashes, versions or one-time values.</summary>
    private static readonly string[] NotSecretNames =
        ["id", "ids", "uuid", "guid", "hash", "sha", "digest", "checksum", "integrity", "etag", "nonce", "state", "commit", "rev", "revision", "version", "ref",
         "challenge", "name", "title", "slug", "path", "file", "url", "uri", "href", "src", "type", "class", "style", "format", "key", "value", "data", "sig",
         "content", "code", "salt", "iv", "image", "tag", "branch", "head", "parent", "tree", "blob", "object", "build", "run", "job", "trace", "span",
         "session", "request", "correlation", "cursor", "page", "next", "after", "before", "offset", "seed", "fingerprint", "thumbprint", "label", "alt", "text"];

    /// <summary>Name endings (lower-cased) of the same kinds: <c>requestId</c>, <c>commit_sha</c>, <c>file_hash</c>, <c>videoIds</c>.</summary>
    private static readonly string[] NotSecretEndings = ["id", "ids", "uuid", "guid", "hash", "sha", "digest", "checksum", "etag", "nonce", "version", "name", "path", "url", "uri", "file", "ref", "cursor", "token", "salt", "fingerprint", "thumbprint"];

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

        // The name stands on its own: at the start, after white space or after the punctuation of a document or a
        // call ("{", "[", "(", ",", ";", a quote). After other symbols it is a piece of a longer value (x!RHI+:fmIM…).
        if ((nameEnd - nameStart < 2 && !JwkPrivateMember(text, nameStart, nameEnd)) || !char.IsAsciiLetter(text[nameStart]) || (nameStart > 0 && !char.IsWhiteSpace(text[nameStart - 1]) && text[nameStart - 1] is not ('"' or '\'' or '{' or '[' or '(' or ',' or ';')))
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
        if (ends && ServiceNamedRandomHex(text, nameStart, nameEnd, value, quote != '\0' ? i + 1 : i))
        {
            found.Add(new SecretFinding("generic-secret", start, length));
            return;
        }

        if (!ends || value.StartsWith("_Z", StringComparison.Ordinal) || !GeneratedShape(value) || Alphabet(value) || IsNameTail(text.AsSpan(nameStart, nameEnd - nameStart), value) || SecretText.IsPlaceholder(value) || NotSecretName(text.AsSpan(nameStart, nameEnd - nameStart)))
        {
            return;
        }

        // X-Api-Key: ppV=VNGVkrGt…, | api_key | Jt=vnlJ… |: the "name" is the start of a secret-named key's value, which
        // is reported whole. Not when the value is quoted: let token: string = "…" declares a type, not a piece of a value.
        var reported = quote == '\0' && ValueOfSecretNameAt(text, nameStart) ? nameStart : start;
        found.Add(new SecretFinding("generic-secret", reported, start + length - reported));
    }

    /// <summary>
    /// True when <paramref name="at"/> starts the value of a secret-named key: <c>X-Api-Key: </c>, <c>api_token: </c>
    /// before it, or a Markdown table's cell naming one (<c>| api_key | </c>).
    /// </summary>
    private static bool ValueOfSecretNameAt(string text, int at)
    {
        var k = at;
        while (k > 0 && at - k < 8 && text[k - 1] is ' ' or '\t')
        {
            k--;
        }

        if (k == at || k == 0 || text[k - 1] is not (':' or '|'))
        {
            return false;
        }

        var keyEnd = k - 1;
        while (text[k - 1] == '|' && keyEnd > 0 && k - 1 - keyEnd < 8 && text[keyEnd - 1] is ' ' or '\t')
        {
            keyEnd--;
        }

        var keyStart = keyEnd;
        while (keyStart > 0 && keyEnd - keyStart < 64 && KeyValueSecrets.IsKeyChar(text[keyStart - 1]))
        {
            keyStart--;
        }

        // A cell names the value only when it is the whole cell before it.
        if (text[k - 1] == '|' && (SkipSpacesBack(text, keyStart) is var cellStart && (cellStart == 0 || text[cellStart - 1] != '|')))
        {
            return false;
        }

        return keyStart < keyEnd && KeyValueSecrets.NamesSecret(text.AsSpan(keyStart, keyEnd - keyStart));
    }

    private static int SkipSpacesBack(string text, int k)
    {
        while (k > 0 && text[k - 1] is ' ' or '\t')
        {
            k--;
        }

        return k;
    }

    /// <summary>
    /// Both letter cases and digits (two or more of each, the digits in two or more places: an identifier holds its
    /// digits in one run, <c>X509SubjectKeyIDExtension</c>) at 4 bits per character or more from 24 characters (3.5 below);
    /// or one letter case and digits in three or more places, switching between letters and digits four or more times
    /// (<c>3k144a5af729351d0fc58bdrj9a21mkr</c>), with a letter beyond hex, at 3.8 bits or more; or, without digits, 32
    /// or more letters of both cases in about equal parts at 4.2 bits or more, or letters whose cases are drawn at random
    /// (<see cref="SecretRandomLetters"/>). Hashes and UUIDs are hex, identifiers
    /// are words (<c>cpython-311-x86_64-linux-gnu</c>, <c>V1beta1ClusterRoleBinding</c>).
    /// </summary>
    private static bool GeneratedShape(ReadOnlySpan<char> value)
    {
        int upper = 0, lower = 0, digits = 0, digitRuns = 0, switches = 0;
        var beyondHex = false;
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

            beyondHex |= char.IsAsciiLetter(c) && !char.IsAsciiHexDigit(c);
            switches += k > 0 && (char.IsAsciiDigit(c) ? char.IsAsciiLetter(value[k - 1]) : char.IsAsciiLetter(c) && char.IsAsciiDigit(value[k - 1])) ? 1 : 0;
        }

        // group-00b4903a…: a word before a hex id does not make the id more than hex.
        if (beyondHex && upper == 0 && value.IndexOfAny('-', '_') is > 0 and var cut && !value[..cut].ContainsAnyExcept(LowerLetters) && !value[(cut + 1)..].ContainsAnyExcept(LowerHexAndSeparators))
        {
            beyondHex = false;
        }

        var entropy = SecretText.Entropy(value);
        if (upper >= 2 && lower >= 2 && digits >= 2 && digitRuns >= 2)
        {
            return entropy >= (value.Length >= 24 ? 4.0 : 3.5) && !SecretText.LooksLikeIdentifier(value);
        }

        // b_ByDfulghxvvmHbArJSFfQhxemJPQHOwplxuydlKEEbfe: letters of both cases drawn at random, not words.
        if (digits <= 2 && SecretRandomLetters.Looks(value))
        {
            return true;
        }

        if (digits == 0 && value.Length >= 32 && upper * 10 >= (upper + lower) * 3 && lower * 10 >= (upper + lower) * 3)
        {
            return entropy >= 4.2 && !SecretText.LooksLikeIdentifier(value);
        }

        return (upper == 0 || lower == 0) && digitRuns >= 3 && switches >= 4 && beyondHex && value.Length >= 24 && entropy >= 3.8;
    }

    /// <summary>An alphabet written out (<c>"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"</c>): sixteen or more letters or digits in a row, ignoring case.</summary>
    private static bool Alphabet(ReadOnlySpan<char> value)
    {
        var run = 1;
        for (var k = 1; k < value.Length; k++)
        {
            run = char.ToLowerInvariant(value[k]) == char.ToLowerInvariant(value[k - 1]) + 1 ? run + 1 : 1;
            if (run >= 16)
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
