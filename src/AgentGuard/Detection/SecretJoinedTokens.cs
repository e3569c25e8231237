namespace AgentGuard;

/// <summary>
/// A provider token written right after another with nothing between them (<c>AKIA…xoxb-…</c>: two keys pasted into one
/// field, a log that joins values). A token's prefix glued to a word is normally part of that word
/// (<c>mytask-sk-…</c>); it is a token of its own when the word it is glued to opens with a known token prefix and is a
/// token's length already, so the audit redactor, which widens a span over the run it stands in, covers both.
/// </summary>
internal static class SecretJoinedTokens
{
    /// <summary>The fewest characters of the token before the glued one.</summary>
    private const int MinToken = 16;

    /// <summary>How far back the token before is read.</summary>
    private const int Reach = 512;

    /// <summary>Fixed formats' prefixes; the prefix-catalogue's are added to them.</summary>
    private static readonly string[] FormatPrefixes =
    [
        "AKIA", "ASIA", "ABIA", "ACCA", "AIza", "ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_", "glpat-", "xoxb-", "xoxp-", "xoxa-",
        "xoxr-", "xoxs-", "sk_live_", "rk_live_", "sk_test_", "rk_test_", "sk-", "GOCSPX-", "ya29.", "npm_", "SG.",
    ];

    private static readonly string[] Prefixes = [.. FormatPrefixes.Concat(SecretProviderTokens.Catalogue.Select(e => e.Prefix).Where(p => p.Length >= 3 && !p.Contains(' '))).Distinct()];

    /// <summary>True when the token characters right before <paramref name="at"/> are a token opening with a known prefix.</summary>
    public static bool After(string text, int at)
    {
        var start = at;
        var limit = Math.Max(0, at - Reach);
        while (start > limit && IsTokenChar(text[start - 1]))
        {
            start--;
        }

        if (at - start < MinToken || (start > 0 && IsTokenChar(text[start - 1])))
        {
            return false;
        }

        var run = text.AsSpan(start, at - start);
        foreach (var prefix in Prefixes)
        {
            if (run.StartsWith(prefix, StringComparison.Ordinal) && run.Length - prefix.Length >= MinToken && SecretText.HasLettersAndDigits(run[prefix.Length..]))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsTokenChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '+' or '/' or '.';
}
