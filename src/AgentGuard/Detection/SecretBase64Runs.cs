namespace AgentGuard;

/// <summary>
/// Token shapes met by chance inside a long base64 run: encoded media (<c>data:image/png;base64,…</c>), a certificate,
/// a serialized blob. A finding that starts right after a <c>/</c> or <c>+</c> with 40 or more base64 characters before
/// it in the same run (<c>…SEpsWSJ9/hvs.u6VV…</c>) starts inside the run, where no credential begins: a token of its
/// own stands after a delimiter (a quote, <c>=</c>, white space, a short URL path segment).
/// </summary>
internal static class SecretBase64Runs
{
    /// <summary>How many base64 characters before the finding make the run a blob.</summary>
    private const int MinRunBefore = 40;

    /// <summary>Removes from <paramref name="found"/> the findings that start inside a base64 run.</summary>
    public static void DropInside(string text, List<SecretFinding> found)
    {
        for (var k = found.Count - 1; k >= 0; k--)
        {
            if (StartsInsideRun(text, found[k].Start))
            {
                found.RemoveAt(k);
            }
        }
    }

    private static bool StartsInsideRun(string text, int start)
    {
        if (start < MinRunBefore + 1 || start >= text.Length || text[start - 1] is not ('/' or '+'))
        {
            return false;
        }

        for (var i = start - 2; i >= start - 1 - MinRunBefore; i--)
        {
            if (!(char.IsAsciiLetterOrDigit(text[i]) || text[i] is '+' or '/'))
            {
                return false;
            }
        }

        return true;
    }
}
