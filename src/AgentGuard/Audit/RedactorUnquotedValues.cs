namespace AgentGuard;

/// <summary>
/// An assigned value written without quotes (<c>PASSWORD=Q8r;vT2,k|x</c> in an .env file, <c>password: gef|n9,oTz</c> in
/// YAML, <c>password = G7q;cYN</c> in an INI file) runs to white space: generated passwords draw from every symbol, and
/// the separators that end a value in a list (<c>,</c>, <c>;</c>, <c>&amp;</c>, a closer, <c>&lt;</c>) and quotes
/// (<c>abc'def</c>) may stand inside it. A span of an assigned kind that stopped at such a symbol goes on over what
/// follows it up to white space or the end, unless that is the next field (<c>;Database=app</c>, <c>&amp;page=2</c>,
/// <c>,user:x</c>), a closer of a bracket opened before the value (<c>f(password=hunter2)</c>), a quote closing a literal
/// opened before it (<c>"cmd": "PASSWORD=hunter2"</c>), a tag (<c>&lt;/td&gt;</c>), or only punctuation
/// (<c>hunter2);</c>): the part after the symbol would otherwise reach the audit file beside the redaction.
/// </summary>
internal static class RedactorUnquotedValues
{
    /// <summary>How far a value is read on.</summary>
    private const int Reach = 1024;

    /// <summary>The span widened over the rest of the unquoted value it stopped inside, for findings of an assigned value.</summary>
    public static (int Start, int End) Widened(string text, string kind, int start, int end)
    {
        if (end >= text.Length || start == 0 || !(Assigned(kind) || AfterAssignment(text, start)) || !Separator(text[end]) || text[start - 1] is '"' or '\'' or '`')
        {
            return (start, end);
        }

        // A token of a known format ends at a list's separator (FlyV1 fm2_…,region,fra): only a generated password or
        // secret draws them.
        var listEnds = !Assigned(kind);

        var limit = Math.Min(text.Length, end + Reach);
        var lineStart = text.LastIndexOf('\n', start - 1) + 1;
        var before = new Openers(text.AsSpan(lineStart, start - lineStart));
        var inside = new Openers(text.AsSpan(start, end - start));
        var last = end;
        for (var i = end; i < limit; i++)
        {
            var c = text[i];
            // A quote closing a literal opened before the value on its line ("cmd": "PASSWORD=…") ends it; any other is the
            // value's own (abc'def).
            if (char.IsWhiteSpace(c) || (c is '"' or '\'' or '`' && OpenLiteral(text.AsSpan(lineStart, start - lineStart), c)))
            {
                break;
            }

            if (c is ',' or ';' or '&' or '|' && (listEnds || FieldAt(text, i + 1, limit)))
            {
                break;
            }

            if (c is ')' or ']' or '}' or '>' && !inside.Takes(c) && before.Takes(c))
            {
                break;
            }

            if (c == '<' && TagAt(text, i + 1))
            {
                break;
            }

            inside.Note(c);
            if (char.IsAsciiLetterOrDigit(c) || PasswordSymbol(c))
            {
                last = i + 1;
            }
        }

        return (start, last);
    }

    /// <summary>Whether <paramref name="before"/> leaves a literal of <paramref name="quote"/> open: an odd number of them, escaped ones left out.</summary>
    private static bool OpenLiteral(ReadOnlySpan<char> before, char quote)
    {
        var open = false;
        for (var i = 0; i < before.Length; i++)
        {
            open ^= before[i] == quote && (i == 0 || before[i - 1] != '\\');
        }

        return open;
    }

    /// <summary>
    /// A span of any kind that starts an unquoted value assigned to a name (<c>OPENAI_KEY=sk-admin-…#T3Blbk…</c>,
    /// <c>password: dckr_pat_…&lt;…</c>): the value runs as an assigned one does, past the symbol the token's own grammar
    /// stops at.
    /// </summary>
    private static bool AfterAssignment(string text, int start)
        => (start >= 2 && text[start - 1] == '=' && IsNameChar(text[start - 2]))
        || (start >= 3 && text[start - 1] == ' ' && text[start - 2] == ':' && IsNameChar(text[start - 3]));

    private static bool IsNameChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    private static bool Assigned(string kind) => kind is "password" or "generic-secret" or "connection-string-password" or "bearer-token" or "aws-secret-key";

    /// <summary>
    /// A symbol a generated password draws and that no sentence or code around the value ends with (<c>Xk9q;T3mW#@</c>,
    /// <c>…!!</c>, <c>…==</c>): the value ends after it. Punctuation (<c>.</c>, <c>,</c>, <c>;</c>, <c>:</c>, <c>?</c>),
    /// closers and quotes after the last letter or digit are left outside.
    /// </summary>
    private static bool PasswordSymbol(char c) => c is '!' or '@' or '#' or '$' or '%' or '^' or '*' or '~' or '+' or '=' or '-' or '_';

    /// <summary>A symbol that ends an unquoted value in a list but may stand inside a generated one.</summary>
    private static bool Separator(char c) => c is '"' or '\'' or '`' or ',' or ';' or '&' or '|' or '<' or '>' or '(' or ')' or '[' or ']' or '{' or '}' or '\\' or '#' or '=' or '@' or '/' or '?';

    /// <summary>A name followed by <c>=</c> or <c>:</c> at <paramref name="at"/>: the next field of a list.</summary>
    private static bool FieldAt(string text, int at, int limit)
    {
        var i = at;
        while (i < limit && text[i] is ' ' or '\t')
        {
            i++;
        }

        var name = i;
        while (i < limit && i - name < 64 && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '_' or '-' or '.' or '[' or ']'))
        {
            i++;
        }

        return i > name && (char.IsAsciiLetter(text[name]) || text[name] == '_') && i < limit && text[i] is '=' or ':';
    }

    /// <summary>Markup after the value: <c>&lt;/td&gt;</c>, <c>&lt;br&gt;</c>, <c>&lt;div class…</c>.</summary>
    private static bool TagAt(string text, int at)
    {
        if (at >= text.Length)
        {
            return false;
        }

        if (text[at] is '/' or '!' or '?')
        {
            return true;
        }

        var i = at;
        while (i < text.Length && char.IsAsciiLetterOrDigit(text[i]))
        {
            i++;
        }

        return i > at && char.IsAsciiLetter(text[at]) && i < text.Length && text[i] is '>' or ' ' or '/';
    }

    /// <summary>The brackets opened and not closed in a stretch of text: on the line before the value, or in the value.</summary>
    private struct Openers
    {
        private int _parentheses;
        private int _brackets;
        private int _braces;
        private int _angles;

        public Openers(ReadOnlySpan<char> before)
        {
            foreach (var c in before)
            {
                Note(c);
            }
        }

        /// <summary>Whether the closer <paramref name="c"/> closes a bracket opened in the stretch.</summary>
        public readonly bool Takes(char c) => c switch
        {
            ')' => _parentheses > 0,
            ']' => _brackets > 0,
            '}' => _braces > 0,
            _ => _angles > 0,
        };

        public void Note(char c)
        {
            switch (c)
            {
                case '(': _parentheses++; break;
                case ')': _parentheses = Math.Max(0, _parentheses - 1); break;
                case '[': _brackets++; break;
                case ']': _brackets = Math.Max(0, _brackets - 1); break;
                case '{': _braces++; break;
                case '}': _braces = Math.Max(0, _braces - 1); break;
                case '<': _angles++; break;
                case '>': _angles = Math.Max(0, _angles - 1); break;
            }
        }
    }
}
