namespace AgentGuard;

/// <content>
/// Passwords two more command lines carry: <c>redis-cli -a password</c> (and <c>--pass password</c>), and the value
/// echoed into a client that reads its password from standard input (<c>echo 'Xk9…' | docker login -u me
/// --password-stdin</c>, as helm, podman and oras take it too).
/// </content>
internal static partial class KeyValueSecrets
{
    private const string RedisCli = "redis-cli ";

    private const string PasswordStdin = "--password-stdin";

    /// <summary>
    /// <c>redis-cli … -a password …</c> or <c>--pass password</c> (<c>--pass=password</c>) on one line: redis-cli's
    /// flags for the password it authenticates with. A variable (<c>-a $REDIS_PASSWORD</c>) or a placeholder is not one.
    /// </summary>
    private static int RedisCliLine(string text, int at, List<SecretFinding> found)
    {
        var lineEnd = LineEndAt(text, at);
        for (var i = at + RedisCli.Length; i < lineEnd - 2; i++)
        {
            if (text[i] != '-' || text[i - 1] is not (' ' or '\t'))
            {
                continue;
            }

            if (text[i + 1] == 'a' && text[i + 2] is ' ' or '\t')
            {
                i = ClientPassword(text, i + 3, found) - 1;
            }
            else if (text.AsSpan(i, lineEnd - i).StartsWith("--pass", StringComparison.Ordinal) && i + 6 < lineEnd && text[i + 6] is ' ' or '\t' or '=')
            {
                i = ClientPassword(text, i + 7, found) - 1;
            }
        }

        return Math.Max(lineEnd, at + 1);
    }

    /// <summary>
    /// <c>echo [-n] value | … --password-stdin</c>, <c>printf '%s' value | …</c>: the value written into the pipe whose
    /// reader takes it as its password. Only a literal counts: <c>echo "$CR_PAT"</c>, <c>cat token.txt</c> and
    /// <c>aws ecr get-login-password</c> hand over a secret this text does not hold.
    /// </summary>
    private static int PasswordFromStdin(string text, int at, List<SecretFinding> found)
    {
        var lineStart = at == 0 ? 0 : text.AsSpan(0, at).LastIndexOfAny('\n', '\r') + 1;
        var pipe = text.AsSpan(lineStart, at - lineStart).IndexOf('|');
        if (pipe < 0)
        {
            return at + PasswordStdin.Length;
        }

        pipe += lineStart;
        var i = SkipSpaces(text, lineStart, 64);
        if (text.AsSpan(i, pipe - i).StartsWith("$ ", StringComparison.Ordinal))
        {
            i = SkipSpaces(text, i + 2, 8); // a shell prompt before the command
        }

        var printf = WordAt(text, i, pipe, "printf");
        if (!printf && !WordAt(text, i, pipe, "echo"))
        {
            return at + PasswordStdin.Length;
        }

        i = SkipSpaces(text, i + (printf ? 6 : 4), 8);
        while (!printf && i + 2 < pipe && text[i] == '-' && text[i + 1] is 'n' or 'e' && text[i + 2] == ' ')
        {
            i = SkipSpaces(text, i + 2, 8);
        }

        if (printf && (WordAt(text, i, pipe, "'%s'") || WordAt(text, i, pipe, "\"%s\"") || WordAt(text, i, pipe, "%s")))
        {
            i = SkipSpaces(text, text.IndexOf('s', i) + (text[i] == '%' ? 1 : 2), 8);
        }

        var quote = i < pipe && text[i] is '"' or '\'' ? text[i++] : '\0';
        var start = i;
        while (i < pipe && (quote != '\0' ? text[i] != quote : text[i] is not (' ' or '\t')))
        {
            i++;
        }

        var value = text.AsSpan(start, i - start);
        var after = quote == '\0' ? i : i + 1;
        if ((quote == '\0' || (i < pipe && text[i] == quote)) && SkipSpaces(text, after, 8) == pipe
            && value.Length >= 4 && value[0] != '$' && !SecretText.IsPlaceholder(value) && !SecretText.IsPlaceholderWord(value))
        {
            found.Add(new SecretFinding("password", start, value.Length));
        }

        return at + PasswordStdin.Length;
    }

    /// <summary>True when <paramref name="word"/> stands at <paramref name="i"/>, before <paramref name="end"/>, followed by white space.</summary>
    private static bool WordAt(string text, int i, int end, string word)
        => i + word.Length < end && text.AsSpan(i, word.Length).SequenceEqual(word) && text[i + word.Length] is ' ' or '\t';

    private static int LineEndAt(string text, int at)
    {
        var end = text.AsSpan(at).IndexOfAny('\n', '\r');
        return end < 0 ? text.Length : at + end;
    }
}
