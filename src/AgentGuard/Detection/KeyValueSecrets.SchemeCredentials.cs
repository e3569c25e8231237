namespace AgentGuard;

/// <content>
/// Credentials after an HTTP authorization scheme. RFC 9110 writes the header's value as <c>auth-scheme 1*SP token68</c>:
/// one or more spaces (a tab, as written by hand) may stand between <c>Bearer</c> or <c>Basic</c> and the credentials,
/// so they are skipped (a few, not a column's worth). <c>Basic</c> credentials are base64 of <c>user:password</c>, which
/// decoding proves however short they are, with or without the header's name before them: the anchor <c>basic</c> reads
/// only the word after it and keeps it when it decodes to printable text holding a ':' with something on each side.
/// </content>
internal static partial class KeyValueSecrets
{
    /// <summary>The most blanks read between a scheme and its credentials.</summary>
    private const int MaxSchemeBlanks = 8;

    /// <summary>The most characters of encoded <c>user:password</c> decoded (longer credentials are read as tokens).</summary>
    private const int MaxEncodedCredentials = 512;

    private static bool IsBlank(char c) => c is ' ' or '\t';

    /// <summary>The name between <paramref name="start"/> and <paramref name="end"/> is an authorization scheme.</summary>
    private static bool IsSchemeName(string text, int start, int end)
        => text.AsSpan(start, end - start) is var name && (name.Equals("bearer", StringComparison.OrdinalIgnoreCase) || name.Equals("basic", StringComparison.OrdinalIgnoreCase));

    /// <summary>Past the blanks at <paramref name="i"/> (at most <see cref="MaxSchemeBlanks"/>), or <paramref name="i"/> when there are more.</summary>
    private static int SkipSchemeBlanks(string text, int i)
    {
        var j = i;
        while (j < text.Length && j - i < MaxSchemeBlanks && IsBlank(text[j]))
        {
            j++;
        }

        return j < text.Length && IsBlank(text[j]) ? i : j;
    }

    /// <summary>
    /// At <paramref name="i"/> a scheme (<c>Bearer</c>, <c>Basic</c>, <c>Token</c>) and one or more blanks: where its
    /// credentials start, or -1. <paramref name="basic"/> tells whether the scheme is <c>Basic</c>.
    /// </summary>
    private static int SchemeEnd(string text, int i, out bool basic)
    {
        basic = false;
        foreach (var scheme in (ReadOnlySpan<string>)["Bearer", "Basic", "Token"])
        {
            var end = i + scheme.Length;
            if (end < text.Length && IsBlank(text[end]) && text.AsSpan(i).StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
            {
                basic = scheme == "Basic";
                return SkipSchemeBlanks(text, end);
            }
        }

        return -1;
    }

    /// <summary>
    /// <c>basic</c> at <paramref name="at"/> (a word of its own) with encoded <c>user:password</c> after it, in a header or
    /// bare (<c>Basic dXNlcjpw…</c>): the credentials are reported. Returns true when the anchor was a scheme word.
    /// </summary>
    internal static bool BareBasic(string text, int at, List<SecretFinding> found)
    {
        const int Scheme = 5;
        if (!text.AsSpan(at).StartsWith("basic", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if ((at > 0 && char.IsAsciiLetterOrDigit(text[at - 1])) || at + Scheme >= text.Length || !IsBlank(text[at + Scheme]))
        {
            return true;
        }

        var start = SkipSchemeBlanks(text, at + Scheme);
        var end = start;
        while (end < text.Length && end - start <= MaxEncodedCredentials && (char.IsAsciiLetterOrDigit(text[end]) || text[end] is '+' or '/'))
        {
            end++;
        }

        var padding = 0;
        while (end < text.Length && padding < 2 && text[end] == '=')
        {
            end++;
            padding++;
        }

        if (end == start || end - start > MaxEncodedCredentials || (end < text.Length && (char.IsAsciiLetterOrDigit(text[end]) || text[end] is '+' or '/' or '=' or '-' or '_' or '.')))
        {
            return true;
        }

        if (IsEncodedUserPassword(text.AsSpan(start, end - start)))
        {
            found.Add(new SecretFinding("bearer-token", start, end - start));
        }

        return true;
    }

    /// <summary>
    /// Base64 (a whole number of four-character groups) of printable text holding a ':' with something on each side
    /// (<c>user:password</c>): Basic credentials. An English word after "basic" does not decode so.
    /// </summary>
    private static bool IsEncodedUserPassword(ReadOnlySpan<char> value)
    {
        if (value.Length < 4 || value.Length % 4 != 0 || value.Length > MaxEncodedCredentials)
        {
            return false;
        }

        Span<byte> decoded = stackalloc byte[MaxEncodedCredentials / 4 * 3];
        if (!Convert.TryFromBase64Chars(value, decoded, out var written))
        {
            return false;
        }

        var text = decoded[..written];
        var colon = text.IndexOf((byte)':');
        if (colon < 1 || colon >= written - 1)
        {
            return false;
        }

        foreach (var b in text)
        {
            if (b is < 0x20 or > 0x7E)
            {
                return false;
            }
        }

        Span<char> password = stackalloc char[written - colon - 1];
        for (var k = 0; k < password.Length; k++)
        {
            password[k] = (char)text[colon + 1 + k];
        }

        // u:p: one character is a password here (decoding proved the pair), not a mask of one repeated character.
        return (password.Length == 1 || !SecretText.IsPlaceholder(password)) && !SecretText.IsPlaceholderWord(password);
    }
}
