namespace AgentGuard;

/// <summary>
/// A JWT written for documentation: a real header and payload with a signature that is a word (<c>….body.signature</c>,
/// <c>….sig</c>) or carries a placeholder marker (<c>….99l-EXAMPLEFAKESIG</c>). A signature is the base64url of an HMAC or
/// a public-key signature: digits and letters drawn at random, 22 characters or more; a word of letters alone is not one.
/// An unsigned token (an empty third part) is left to the other checks.
/// </summary>
internal static class SecretJwtPlaceholders
{
    /// <summary>A signature of letters alone up to this length is a word.</summary>
    private const int MaxWordSignature = 16;

    /// <summary>True when <paramref name="value"/> is <c>eyJ….….&lt;placeholder&gt;</c>.</summary>
    public static bool HasPlaceholderSignature(ReadOnlySpan<char> value)
    {
        if (!value.StartsWith("eyJ", StringComparison.Ordinal))
        {
            return false;
        }

        var first = value.IndexOf('.');
        var last = value.LastIndexOf('.');
        if (first < 0 || last == first)
        {
            return false;
        }

        var signature = value[(last + 1)..];
        var end = 0;
        while (end < signature.Length && (char.IsAsciiLetterOrDigit(signature[end]) || signature[end] is '_' or '-'))
        {
            end++;
        }

        signature = signature[..end];
        if (signature.IsEmpty)
        {
            return false;
        }

        return (signature.Length <= MaxWordSignature && !signature.ContainsAnyExcept(Letters))
            || signature.Contains("EXAMPLE", StringComparison.OrdinalIgnoreCase) || signature.Contains("FAKE", StringComparison.OrdinalIgnoreCase);
    }

    private static readonly System.Buffers.SearchValues<char> Letters = System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");
}
