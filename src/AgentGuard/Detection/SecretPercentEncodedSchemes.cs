namespace AgentGuard;

/// <summary>
/// An Authorization header percent-encoded whole (a logged request, a header handed on in a URL or a proxy's query:
/// <c>Authorization%3A%20Bearer%20…</c>): the scheme stands after an encoded colon and before an encoded blank, where the
/// key scanner, which reads a blank or '=' after the scheme, sees no value. The token runs over letters, digits,
/// <c>-._~+/=</c> and their encodings (<c>%2B %2F %3D</c>) and must read as generated (16 characters or more, letters
/// and digits, not words, not a placeholder). Examined only at the key scanner's <c>bearer</c> anchor: no walk of its own.
/// </summary>
internal static class SecretPercentEncodedSchemes
{
    private const string Scheme = "bearer";
    private const string EncodedBlank = "%20";
    private const int MinToken = 16;
    private const int MaxToken = 4096;

    /// <summary>Reports the token of an encoded <c>…%3A%20Bearer%20token</c> whose scheme starts at <paramref name="at"/>.</summary>
    public static void Match(string text, int at, List<SecretFinding> found)
    {
        var rest = text.AsSpan(at);
        if (!rest.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) || !rest[Scheme.Length..].StartsWith(EncodedBlank, StringComparison.Ordinal) || !AfterEncodedColon(text, at))
        {
            return;
        }

        var start = at + Scheme.Length + EncodedBlank.Length;
        var end = start;
        var length = 0;
        while (end < text.Length && end - start < MaxToken)
        {
            var width = TokenWidth(text, end);
            if (width == 0)
            {
                break;
            }

            end += width;
            length++;
        }

        var token = text.AsSpan(start, end - start);
        if (length < MinToken || !SecretText.HasLettersAndDigits(token) || SecretText.Entropy(token) < 3.5 || SecretText.MostlyWords(token) || SecretText.IsPlaceholder(token))
        {
            return;
        }

        found.Add(new SecretFinding("bearer-token", start, end - start));
    }

    /// <summary>True when an encoded colon (<c>%3A</c>), then an encoded blank, a '+' or nothing, stands right before <paramref name="at"/>.</summary>
    private static bool AfterEncodedColon(string text, int at)
    {
        var before = text.AsSpan(0, at);
        if (before.EndsWith(EncodedBlank, StringComparison.Ordinal))
        {
            before = before[..^EncodedBlank.Length];
        }
        else if (before.EndsWith("+", StringComparison.Ordinal))
        {
            before = before[..^1];
        }

        return before.EndsWith("%3A", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>How many written characters the token character at <paramref name="at"/> takes (3 for <c>%2B %2F %3D</c>), or 0 where the token ends.</summary>
    private static int TokenWidth(string text, int at)
    {
        var c = text[at];
        if (char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~' or '+' or '/' or '=')
        {
            return 1;
        }

        if (c == '%' && at + 2 < text.Length)
        {
            var code = text.AsSpan(at + 1, 2);
            return code.Equals("2B", StringComparison.OrdinalIgnoreCase) || code.Equals("2F", StringComparison.OrdinalIgnoreCase) || code.Equals("3D", StringComparison.OrdinalIgnoreCase) ? 3 : 0;
        }

        return 0;
    }
}
