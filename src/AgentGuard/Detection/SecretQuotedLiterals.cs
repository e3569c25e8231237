namespace AgentGuard;

/// <summary>
/// A finding inside a quoted literal that a secret-named key is assigned (<c>api_key: "Nu=01aT… @ga&gt;4"</c>,
/// <c>export TOKEN="VTVs'AO=rlecg…"</c>) is widened to the literal's whole content. The content as a whole may not be
/// reported (a value with a space is not a credential by itself), but an assignment inside it may be, and redacting
/// that alone left the rest of the secret beside the redaction. The literal is read on its line: its opening quote right
/// after the key and its operator, its closing quote the next one of the same kind that no backslash escapes.
/// </summary>
internal static class SecretQuotedLiterals
{
    /// <summary>How far either way on its line a literal is looked for.</summary>
    private const int Window = 1024;

    /// <summary>How many quotes before a finding are tried as its literal's opening.</summary>
    private const int MaxCandidates = 8;

    /// <summary>The finding widened to the content of the secret-named literal it lies in, or as it was.</summary>
    public static SecretFinding Widened(string text, SecretFinding finding)
    {
        var start = finding.Start;
        var end = finding.Start + finding.Length;
        var candidates = 0;
        for (var open = start - 1; open >= 0 && start - open <= Window && text[open] is not ('\n' or '\r') && candidates < MaxCandidates; open--)
        {
            if (text[open] is not ('"' or '\'') || Escaped(text, open))
            {
                continue;
            }

            // A quote inside the literal (an apostrophe in a double-quoted value) is passed over for the one that opens it.
            candidates++;
            var close = Close(text, open);
            if (close >= end && AssignedToASecretName(text, open))
            {
                return finding with { Start = open + 1, Length = close - open - 1 };
            }
        }

        return finding;
    }

    /// <summary>The quote that closes the literal opened at <paramref name="open"/> on its line, or -1.</summary>
    private static int Close(string text, int open)
    {
        for (var i = open + 1; i < text.Length && i - open <= 2 * Window && text[i] is not ('\n' or '\r'); i++)
        {
            if (text[i] == text[open] && !Escaped(text, i))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>True when a secret-named key and '=', ':' or '=&gt;' stand right before the quote at <paramref name="open"/>.</summary>
    private static bool AssignedToASecretName(string text, int open)
    {
        var at = open - 1;
        while (at >= 0 && text[at] is ' ' or '\t')
        {
            at--;
        }

        if (at < 0 || text[at] is not ('=' or ':' or '>'))
        {
            return false;
        }

        at -= text[at] == '>' && at > 0 && text[at - 1] == '=' ? 2 : 1;
        while (at >= 0 && text[at] is ' ' or '\t')
        {
            at--;
        }

        // A quoted key ("api_key": "…").
        if (at >= 0 && text[at] is '"' or '\'')
        {
            at--;
        }

        var nameEnd = at + 1;
        while (at >= 0 && nameEnd - at <= 64 && (char.IsAsciiLetterOrDigit(text[at]) || text[at] is '_' or '-' or '.'))
        {
            at--;
        }

        return nameEnd - at > 1 && ArgumentRedactor.IsSecretKey(text[(at + 1)..nameEnd]);
    }

    private static bool Escaped(string text, int at)
    {
        var count = 0;
        while (at - count - 1 >= 0 && text[at - count - 1] == '\\')
        {
            count++;
        }

        return count % 2 == 1;
    }
}
