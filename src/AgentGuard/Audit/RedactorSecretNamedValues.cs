namespace AgentGuard;

/// <summary>
/// A finding inside the quoted value of a key whose name says it holds a secret is widened to the value's whole content:
/// <c>{"password": "98P\"n5R, f95oo3BGhrTAT=kfaB…"}</c> reads as a value holding an assignment, and only the assignment's
/// value may be reported, but the key says all of the value is the password, and redacting the part would leave the rest
/// beside the redaction. The value's quotes are read as written, at any level of escaping (<c>"</c>, <c>\"</c>,
/// <c>\u0022</c>, <c>\\\u0022</c>, <c>'</c>): the value closes at the first quote written exactly as the one that opened
/// it, so a quote the value holds, escaped once more, does not end it.
/// </summary>
internal static class RedactorSecretNamedValues
{
    /// <summary>How far either way the value's quotes are looked for.</summary>
    private const int Window = 1024;

    /// <summary>The longest key name read before a value.</summary>
    private const int MaxName = 64;

    /// <summary>The span <paramref name="start"/>..<paramref name="end"/> widened to the content of the secret-named value it lies in, if any.</summary>
    public static (int Start, int End) Widened(string text, int start, int end)
    {
        var from = Math.Max(0, start - Window);
        for (var at = start - 1; at >= from && text[at] is not ('\n' or '\r'); at--)
        {
            if (QuoteAt(text, at) is not { } open || !AfterSecretName(text, open))
            {
                continue;
            }

            // The span starts inside the value when the value closes after the span's start; a span that ran on over the
            // closing quote keeps its end.
            var close = NextQuote(text, at + 1, Math.Min(text.Length, end + Window), open);
            return close is { } found && found.Start >= start ? (Math.Min(start, at + 1), Math.Max(end, found.Start)) : (start, end);
        }

        return (start, end);
    }

    /// <summary>A quote as written: its first character, the quote it stands for, and how many backslashes escape it.</summary>
    private readonly record struct Quote(int Start, char Stands, int Backslashes, bool Unicode);

    /// <summary>The quote whose last character is at <paramref name="at"/> (<c>"</c>, <c>'</c> or <c>\u0022</c>, <c>\u0027</c>, with the backslashes before it), or null.</summary>
    private static Quote? QuoteAt(string text, int at)
    {
        char stands;
        int first;
        var unicode = false;
        if (text[at] is '"' or '\'')
        {
            (stands, first) = (text[at], at);
        }
        else if (at >= 5 && text[at - 5] == '\\' && text[at - 4] == 'u' && text[at - 3] == '0' && text[at - 2] == '0'
            && text[at - 1] == '2' && text[at] is '2' or '7')
        {
            (stands, first, unicode) = (text[at] == '2' ? '"' : '\'', at - 4, true);
        }
        else
        {
            return null;
        }

        var backslashes = 0;
        while (first - backslashes - 1 >= 0 && text[first - backslashes - 1] == '\\')
        {
            backslashes++;
        }

        // A \u escape needs a backslash; an even count writes the escape of a string serialized into another (\\u0022).
        return unicode && backslashes == 0 ? null : new Quote(first - backslashes, stands, backslashes, unicode);
    }

    /// <summary>The first quote written exactly as <paramref name="like"/> from <paramref name="from"/> up to <paramref name="limit"/>, or null.</summary>
    private static Quote? NextQuote(string text, int from, int limit, Quote like)
    {
        for (var at = from; at < limit; at++)
        {
            if (QuoteAt(text, at) is { } quote && quote.Start >= from && quote.Stands == like.Stands && quote.Backslashes == like.Backslashes && quote.Unicode == like.Unicode)
            {
                return quote;
            }
        }

        return null;
    }

    /// <summary>
    /// True when <paramref name="open"/> opens the value of a secret-named key: before it, after blanks, '=' or ':', and
    /// before that the key's name, bare (<c>password = "…"</c>) or between quotes written as the value's are.
    /// </summary>
    private static bool AfterSecretName(string text, Quote open)
    {
        var at = SkipBlanksBack(text, open.Start - 1);
        if (at < 0 || text[at] is not ('=' or ':'))
        {
            return false;
        }

        at = SkipBlanksBack(text, at - 1);
        if (at >= 0 && QuoteAt(text, at) is { } keyClose)
        {
            if (keyClose.Stands != open.Stands || keyClose.Backslashes != open.Backslashes || keyClose.Unicode != open.Unicode)
            {
                return false;
            }

            at = keyClose.Start - 1;
        }

        // The name runs back to the key's opening quote, or to the first character no name holds.
        var nameEnd = at + 1;
        while (at >= 0 && nameEnd - at <= MaxName && (char.IsAsciiLetterOrDigit(text[at]) || text[at] is '_' or '-' or '.') && QuoteAt(text, at) is null)
        {
            at--;
        }

        return nameEnd - (at + 1) is > 0 and <= MaxName && ArgumentRedactor.IsSecretKey(text[(at + 1)..nameEnd]);
    }

    private static int SkipBlanksBack(string text, int at)
    {
        while (at >= 0 && text[at] is ' ' or '\t')
        {
            at--;
        }

        return at;
    }
}
