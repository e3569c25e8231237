namespace AgentGuard;

/// <content>
/// A URL's password written with the symbols a URL reserves (<c>/</c>, <c>?</c>, <c>#</c>, brackets and parentheses)
/// where their percent escapes belong, as a generated password is pasted into a <c>DATABASE_URL</c>
/// (<c>postgres://app:Xk9/qT3#mW7@db:5432/app</c>). When the password stops at such a symbol before any <c>@</c>, the
/// authority is read on to the last <c>@</c> before white space or a quote, followed by a host; the password is all of
/// it. Not a port followed by a path (<c>host:4873/@scope/pkg</c>: digits before the first <c>/</c>), nor a user holding
/// <c>@</c> already, nor a stretch holding another <c>://</c>.
/// </content>
internal static partial class SecretFormats
{
    /// <summary>How far a password with reserved symbols is read.</summary>
    private const int MaxSymbolPassword = 128;

    /// <summary>The fewest characters of a password with reserved symbols.</summary>
    private const int MinSymbolPassword = 6;

    /// <summary>
    /// The index of the <c>@</c> that ends a password starting at <paramref name="passwordStart"/> which a reserved symbol
    /// stopped at <paramref name="stop"/>, or -1.
    /// </summary>
    private static int SymbolPasswordEnd(string text, int userStart, int passwordStart, int stop)
    {
        if (stop >= text.Length || !IsReservedInPassword(text[stop]) || stop == passwordStart
            || text.AsSpan(userStart, passwordStart - userStart).Contains('@') || text.AsSpan(passwordStart, stop - passwordStart).Contains('@'))
        {
            return -1;
        }

        // host:8080/path@…: a port, then a path.
        if (text[stop] == '/' && !text.AsSpan(passwordStart, stop - passwordStart).ContainsAnyExcept(Digits))
        {
            return -1;
        }

        var limit = Math.Min(text.Length, passwordStart + MaxSymbolPassword);
        var at = -1;
        for (var i = stop; i < limit; i++)
        {
            var c = text[i];
            if (c == '@')
            {
                at = i;
            }
            else if (!IsUserInfoChar(c) && !IsReservedInPassword(c))
            {
                break;
            }
            else if (c == ':' && i + 2 < text.Length && text[i + 1] == '/' && text[i + 2] == '/')
            {
                return -1;
            }
        }

        return at > stop && at - passwordStart >= MinSymbolPassword && HostAt(text, at + 1) ? at : -1;
    }

    /// <summary>A host name at <paramref name="at"/>: letters, digits, dots and dashes, then a port, a path, a query or the end.</summary>
    private static bool HostAt(string text, int at)
    {
        var i = at;
        while (i < text.Length && i - at < 253 && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '.' or '-' or '_'))
        {
            i++;
        }

        return i > at && char.IsAsciiLetterOrDigit(text[at]) && (i == text.Length || text[i] is ':' or '/' or '?' or '#' or ',' or ';' or ')' or '"' or '\'' or '`' or '<' or '>' || char.IsWhiteSpace(text[i]));
    }

    /// <summary>Letters and digits both (<c>pass/word</c> is words, not a generated password).</summary>
    private static bool MixesLettersAndDigits(ReadOnlySpan<char> password)
        => password.IndexOfAnyInRange('0', '9') >= 0 && (password.IndexOfAnyInRange('a', 'z') >= 0 || password.IndexOfAnyInRange('A', 'Z') >= 0);

    /// <summary>A symbol a URL reserves that a pasted password may hold.</summary>
    private static bool IsReservedInPassword(char c) => c is '/' or '?' or '#' or '[' or ']' or '(' or ')' or '{' or '}';

    private static readonly System.Buffers.SearchValues<char> Digits = System.Buffers.SearchValues.Create("0123456789");
}
