namespace AgentGuard;

/// <summary>
/// A secret parameter of a URL that is itself percent-encoded inside another (a redirect or callback URL:
/// <c>next=%2Fcb%3Fapi_key%3D…%26page%3D2</c>, a logged query <c>%26token%3D…%26</c>): the name stands after an encoded
/// <c>?</c> or <c>&amp;</c> and before an encoded <c>=</c>, where the key scanner, which reads <c>=</c>, does not look.
/// The name must name a secret and the value must read as generated (letters and digits, 16 or more, not mostly words,
/// not a placeholder). Found from each <c>%3D</c>, looked for once.
/// </summary>
internal static class SecretPercentEncodedQueries
{
    private const string EncodedEquals = "%3D";
    private const int MaxName = 64;
    private const int MinValue = 16;
    private const int MaxValue = 512;

    /// <summary>Reports the generated values of secret-named parameters of percent-encoded queries in <paramref name="text"/>.</summary>
    public static void Scan(string text, List<SecretFinding> found)
    {
        for (var at = text.IndexOf(EncodedEquals, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(EncodedEquals, at + EncodedEquals.Length, StringComparison.OrdinalIgnoreCase))
        {
            var nameStart = at;
            while (nameStart > 0 && at - nameStart < MaxName && KeyValueSecrets.IsKeyChar(text[nameStart - 1]))
            {
                nameStart--;
            }

            // The walk back stops at the '%' of the escape before the name and took its two hex digits in (%26token).
            var escaped = nameStart > 0 && text[nameStart - 1] == '%' && at - nameStart > 2 && IsSeparatorCode(text.AsSpan(nameStart, 2));
            nameStart += escaped ? 2 : 0;
            if (nameStart >= at || !(escaped || (nameStart > 0 && text[nameStart - 1] is '?' or '&')) || !KeyValueSecrets.NamesSecret(text.AsSpan(nameStart, at - nameStart)))
            {
                continue;
            }

            var start = at + EncodedEquals.Length;
            var end = start;
            while (end < text.Length && end - start <= MaxValue && !EndsValue(text, end))
            {
                end++;
            }

            var value = text.AsSpan(start, end - start);
            if (value.Length is < MinValue or > MaxValue || !SecretText.HasLettersAndDigits(value) || SecretText.Entropy(value) < 3.5
                || SecretText.MostlyWords(value) || SecretText.IsPlaceholder(value))
            {
                continue;
            }

            found.Add(new SecretFinding("generic-secret", start, end - start));
            at = end - EncodedEquals.Length;
        }
    }

    /// <summary>The hex digits of an encoded <c>&amp;</c> or <c>?</c>.</summary>
    private static bool IsSeparatorCode(ReadOnlySpan<char> code) => code.Equals("26", StringComparison.Ordinal) || code.Equals("3F", StringComparison.OrdinalIgnoreCase);

    /// <summary>The value ends at white space, a quote, markup, a plain or encoded <c>&amp;</c> or <c>#</c>, or an encoded <c>%</c>.</summary>
    private static bool EndsValue(string text, int at)
    {
        var c = text[at];
        if (char.IsWhiteSpace(c) || c is '"' or '\'' or '<' or '>' or '&' or '#' or '`' or ')' or ';')
        {
            return true;
        }

        return c == '%' && at + 2 < text.Length && (text.AsSpan(at + 1, 2).Equals("26", StringComparison.Ordinal) || text.AsSpan(at + 1, 2).Equals("23", StringComparison.Ordinal) || text.AsSpan(at + 1, 2).Equals("25", StringComparison.Ordinal));
    }
}
