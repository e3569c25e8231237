namespace AgentGuard;

/// <summary>
/// Reduces values to a canonical form so the same recipient matches however it was formatted: lower case, letters and
/// digits only (<c>DE89 3704 0044</c> = <c>de8937040044</c>, <c>+1 (555) 010-2030</c> = <c>15550102030</c>), with URL
/// schemes and <c>www.</c> dropped.
/// </summary>
public static class ValueNormalizer
{
    /// <summary>The canonical form of <paramref name="value"/>.</summary>
    public static string Normalize(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var span = value.AsSpan().Trim();
        foreach (var prefix in (ReadOnlySpan<string>)["https://", "http://", "mailto:", "tel:"])
        {
            if (span.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                span = span[prefix.Length..];
                break;
            }
        }

        if (span.StartsWith("www.", StringComparison.OrdinalIgnoreCase))
        {
            span = span[4..];
        }

        return string.Create(CountAlphanumeric(span), value, static (destination, original) =>
        {
            var i = 0;
            var source = original.AsSpan().Trim();
            foreach (var prefix in (ReadOnlySpan<string>)["https://", "http://", "mailto:", "tel:"])
            {
                if (source.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                {
                    source = source[prefix.Length..];
                    break;
                }
            }

            if (source.StartsWith("www.", StringComparison.OrdinalIgnoreCase))
            {
                source = source[4..];
            }

            foreach (var c in source)
            {
                if (char.IsLetterOrDigit(c))
                {
                    destination[i++] = char.ToLowerInvariant(c);
                }
            }
        });
    }

    /// <summary>The canonical form of free text, for searching normalized values in it (all letters and digits, lower case).</summary>
    public static string NormalizeText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return string.Create(CountAlphanumeric(text), text, static (destination, source) =>
        {
            var i = 0;
            foreach (var c in source)
            {
                if (char.IsLetterOrDigit(c))
                {
                    destination[i++] = char.ToLowerInvariant(c);
                }
            }
        });
    }

    private static int CountAlphanumeric(ReadOnlySpan<char> text)
    {
        var count = 0;
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                count++;
            }
        }

        return count;
    }
}
