namespace AgentGuard;

/// <summary>
/// A Google service-account credential (the JSON a console download or <c>GOOGLE_APPLICATION_CREDENTIALS</c> names) is
/// one credential: its private key, key id, client id and account e-mail together let anyone act as the account. The
/// object holding <c>"auth_provider_x509_cert_url"</c> and an account e-mail at <c>gserviceaccount.com</c> is redacted
/// whole, from its opening brace to its closing one (to the end of the text when the closing brace is cut off), so
/// no identifier of the key stays behind next to the redacted private key.
/// </summary>
internal static class SecretServiceAccounts
{
    /// <summary>The key every service-account file carries (case-sensitive).</summary>
    internal const string Anchor = "auth_provider_x509_cert_url";

    /// <summary>How far the opening brace and the account e-mail may be from the anchor.</summary>
    private const int MaxReach = 8 * 1024;

    /// <summary>True when the anchor at <paramref name="at"/> is this one.</summary>
    public static bool Handles(string text, int at) => text[at] == 'a' && text.AsSpan(at).StartsWith(Anchor, StringComparison.Ordinal);

    /// <summary>Examines the anchor at <paramref name="at"/>; returns where scanning may resume.</summary>
    public static int Match(string text, int at, List<SecretFinding> found)
    {
        // A JSON member name: "auth_provider_x509_cert_url": …
        var after = at + Anchor.Length;
        if (at == 0 || text[at - 1] != '"' || after >= text.Length || text[after] != '"')
        {
            return at + 1;
        }

        var open = Opening(text, at);
        if (open < 0)
        {
            return at + 1;
        }

        var close = Closing(text, open);
        var end = close < 0 ? text.Length : close + 1;
        if (!text.AsSpan(open, end - open).Contains("gserviceaccount.com", StringComparison.OrdinalIgnoreCase))
        {
            return at + 1;
        }

        found.Add(new SecretFinding("gcp-service-account", open, end - open));
        return end;
    }

    /// <summary>The unmatched '{' before <paramref name="at"/>, or -1.</summary>
    private static int Opening(string text, int at)
    {
        var depth = 0;
        for (var i = at - 1; i >= 0 && at - i <= MaxReach; i--)
        {
            if (text[i] == '}')
            {
                depth++;
            }
            else if (text[i] == '{' && depth-- == 0)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The '}' that closes the brace at <paramref name="open"/>, or -1 when the text ends first.</summary>
    private static int Closing(string text, int open)
    {
        var depth = 0;
        for (var i = open; i < text.Length; i++)
        {
            if (text[i] == '{')
            {
                depth++;
            }
            else if (text[i] == '}' && --depth == 0)
            {
                return i;
            }
        }

        return -1;
    }
}
