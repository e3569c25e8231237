namespace AgentGuard;

/// <summary>
/// A token that is a whole segment of a URL's path (<c>https://host/ghp_…</c>, <c>https://github.com/ghp_…/repo</c>):
/// the <c>/</c> before it separates path segments, it does not glue the token to a word, so the token's format is read
/// there as after a space. A <c>/</c> in base64 or a file path with no <c>scheme://</c> before it on the same token still glues.
/// </summary>
internal static class SecretUrlPaths
{
    /// <summary>How far back the URL's scheme is looked for.</summary>
    private const int MaxUrlBefore = 2048;

    /// <summary>True when <paramref name="at"/> follows a <c>/</c> of a URL that began earlier on the same token.</summary>
    public static bool StartsSegment(string text, int at)
    {
        if (at < 4 || text[at - 1] != '/')
        {
            return false;
        }

        var floor = Math.Max(0, at - MaxUrlBefore);
        for (var i = at - 2; i >= floor + 2; i--)
        {
            var c = text[i];
            if (c is ' ' or '\t' or '\n' or '\r' or '"' or '\'' or '<' or '>' or '`' or '(' or ')')
            {
                return false;
            }

            if (c == '/' && text[i - 1] == '/' && text[i - 2] == ':')
            {
                // The segment starts after the host: "https:/" + "/" right before the token is an empty host, not a path.
                return i + 1 < at - 1;
            }
        }

        return false;
    }
}
