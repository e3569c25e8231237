namespace AgentGuard;

/// <content>
/// A connection string's value read by the connection string's own grammar. An unquoted value runs to the next
/// <c>;</c> with the blanks inside it (<c>Pwd=Gq7 vT2k;</c>: the value is <c>Gq7 vT2k</c>, and its second word would
/// otherwise reach the audit file beside the redaction). An ODBC value in braces runs to its closing brace, <c>;</c>,
/// <c>=</c> and a doubled <c>}}</c> (a brace of its own) inside it (<c>Pwd={Xk9;qT3}}mW7};</c>).
/// </content>
internal static partial class KeyValueSecrets
{
    /// <summary>How far a connection string's value is read.</summary>
    private const int MaxConnectionValue = 256;

    /// <summary>The closer that stands for an ODBC braced value in place of a quote.</summary>
    private const char BraceCloser = '}';

    /// <summary>
    /// Where the ODBC value in braces opening at <paramref name="open"/> closes (the index of its closing <c>}</c>), or 0:
    /// a closing brace is one not doubled, followed by <c>;</c> (or, after a field's <c>;</c>, by a quote or the line's
    /// end). A template
    /// (<c>{{password}}</c>) and a format item (<c>{0}</c>) are no braced value.
    /// </summary>
    private static int BracedValueEnd(string text, int keyStart, int open)
    {
        if (open + 2 >= text.Length || text[open] != '{' || text[open + 1] is '{' or '}')
        {
            return 0;
        }

        var limit = Math.Min(text.Length, open + 1 + MaxConnectionValue);
        for (var i = open + 1; i < limit; i++)
        {
            var c = text[i];
            if (c is '\n' or '\r')
            {
                return 0;
            }

            if (c != '}')
            {
                continue;
            }

            if (i + 1 < text.Length && text[i + 1] == '}')
            {
                i++;
                continue;
            }

            // Server=db;Password={db_password}: a format item named in words is a template's, not a value.
            if (SecretRandomLetters.IsNameOfWords(text.AsSpan(open + 1, i - open - 1)))
            {
                return 0;
            }

            var fieldEnds = i + 1 < text.Length && text[i + 1] == ';';
            return fieldEnds || (InConnectionFields(text, keyStart) && AtValueEnd(text, i + 1)) ? i : 0;
        }

        return 0;
    }

    /// <summary>
    /// The end of an unquoted connection string value that a blank stopped at <paramref name="valueEnd"/>: up to the next
    /// <c>;</c> (blanks before it left out) when no <c>=</c> comes first, and the name stands in a connection string (a
    /// <c>;</c> before it, or a field after that <c>;</c>); up to a closing quote or the line's end when a <c>;</c> stands
    /// before the name. Otherwise <paramref name="valueEnd"/>.
    /// </summary>
    private static int ConnectionValueEnd(string text, int keyStart, int valueEnd)
    {
        if (valueEnd >= text.Length || text[valueEnd] is not (' ' or '\t'))
        {
            return valueEnd;
        }

        var limit = Math.Min(text.Length, valueEnd + MaxConnectionValue);
        var last = valueEnd;
        var i = valueEnd;
        for (; i < limit; i++)
        {
            var c = text[i];
            if (c is ';' or '\n' or '\r' or '"' or '\'' or '`')
            {
                break;
            }

            if (c == '=')
            {
                return valueEnd;
            }

            if (c is not (' ' or '\t'))
            {
                last = i + 1;
            }
        }

        if (i == limit && limit < text.Length)
        {
            return valueEnd;
        }

        var fieldsBefore = InConnectionFields(text, keyStart);
        var ends = i < text.Length && text[i] == ';' ? fieldsBefore || InConnectionString(text, keyStart, i) || AtValueEnd(text, i + 1) : fieldsBefore;
        return ends ? last : valueEnd;
    }

    /// <summary>
    /// A placeholder in an ODBC braced value, whose doubled <c>}}</c> is a brace of the value's own, not a template's
    /// end: each piece between them is read as a value.
    /// </summary>
    private static bool IsBracedPlaceholder(ReadOnlySpan<char> value)
    {
        foreach (var range in value.Split("}}"))
        {
            if (value[range] is { IsEmpty: false } piece && SecretText.IsPlaceholder(piece))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A <c>;</c> (and blanks) right before the name: a field of a connection string.</summary>
    private static bool InConnectionFields(string text, int keyStart)
    {
        var i = keyStart;
        while (i > 0 && text[i - 1] is ' ' or '\t')
        {
            i--;
        }

        return i > 0 && text[i - 1] == ';';
    }

    /// <summary>Nothing but blanks up to a quote, a line's end or the text's end from <paramref name="at"/>.</summary>
    private static bool AtValueEnd(string text, int at)
    {
        while (at < text.Length && text[at] is ' ' or '\t')
        {
            at++;
        }

        return at == text.Length || text[at] is '"' or '\'' or '\n' or '\r';
    }
}
