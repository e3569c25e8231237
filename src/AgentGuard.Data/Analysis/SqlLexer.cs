namespace AgentGuard.Data;

/// <summary>
/// Splits PostgreSQL, SQLite or MySQL text into tokens the way the server does: comments (nested <c>/* */</c> in PostgreSQL)
/// are dropped, so <c>DROP/**/TABLE</c> is two words; strings, dollar-quoted bodies and quoted identifiers are single
/// tokens, so keywords inside them are not seen. Anything left unterminated makes the text opaque. MySQL ends a string
/// where the server does (<c>'\''</c> is one quote there, two elsewhere), and reads executable comments (<c>/*!50000 … */</c>) as the code they are.
/// </summary>
internal static class SqlLexer
{
    /// <summary>Tokenizes <paramref name="text"/>; returns null with a reason when it cannot be read safely.</summary>
    public static List<SqlToken>? Tokenize(string text, SqlDialect dialect, out string? problem)
    {
        var tokens = new List<SqlToken>(Math.Min(256, 8 + (text.Length / 4)));
        var postgres = dialect == SqlDialect.PostgreSql;
        var mysql = dialect == SqlDialect.MySql;
        var inExecutableComment = false;
        var i = 0;
        problem = null;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            var start = i;
            if (inExecutableComment && c == '*' && Next(text, i) == '/')
            {
                inExecutableComment = false;
                i += 2;
                continue;
            }

            // MySQL: "--" starts a comment only before white space or a control character (1--1 is arithmetic); "#" always does.
            if ((c == '-' && Next(text, i) == '-' && !(mysql && i + 2 < text.Length && text[i + 2] > ' ')) || (mysql && c == '#'))
            {
                i = text.IndexOf('\n', i);
                i = i < 0 ? text.Length : i + 1;
                continue;
            }

            if (c == '/' && Next(text, i) == '*')
            {
                if (mysql && i + 2 < text.Length && (text[i + 2] == '!' || (text[i + 2] == 'M' && Next(text, i + 2) == '!')))
                {
                    // An executable comment (/*!50000 … */, MariaDB /*M!100101 … */): the server runs its content, so it is read as code.
                    if (inExecutableComment)
                    {
                        problem = "a nested MySQL executable comment";
                        return null;
                    }

                    i = text.IndexOf('!', i + 2) + 1;
                    while (i < text.Length && IsDigit(text[i]))
                    {
                        i++;
                    }

                    inExecutableComment = true;
                    continue;
                }

                if ((i = SkipBlockComment(text, i, nested: postgres || dialect == SqlDialect.SqlServer)) < 0)
                {
                    problem = "an unterminated comment";
                    return null;
                }

                continue;
            }

            switch (c)
            {
                case '\'':
                    if ((i = SkipQuoted(text, i, '\'', backslashEscapes: mysql)) < 0)
                    {
                        problem = "an unterminated string";
                        return null;
                    }

                    tokens.Add(new SqlToken(SqlTokenKind.String, start, i - start, null));
                    continue;
                case '"':
                    if (!Quoted(text, ref i, '"', '"', tokens, out problem, backslashEscapes: mysql))
                    {
                        return null;
                    }

                    continue;
                case '`' when !postgres:
                    if (!Quoted(text, ref i, '`', '`', tokens, out problem))
                    {
                        return null;
                    }

                    continue;
                case '[' when !postgres && !mysql:
                    if (!Quoted(text, ref i, '[', ']', tokens, out problem))
                    {
                        return null;
                    }

                    continue;
                case ';':
                    tokens.Add(new SqlToken(SqlTokenKind.Semicolon, i++, 1, null));
                    continue;
                case '(':
                    tokens.Add(new SqlToken(SqlTokenKind.Open, i++, 1, null));
                    continue;
                case ')':
                    tokens.Add(new SqlToken(SqlTokenKind.Close, i++, 1, null));
                    continue;
                case ',':
                    tokens.Add(new SqlToken(SqlTokenKind.Comma, i++, 1, null));
                    continue;
                case '.' when !IsDigit(Next(text, i)):
                    tokens.Add(new SqlToken(SqlTokenKind.Dot, i++, 1, null));
                    continue;
                case '$':
                    if (IsDigit(Next(text, i)))
                    {
                        i++;
                        while (i < text.Length && IsDigit(text[i]))
                        {
                            i++;
                        }

                        tokens.Add(new SqlToken(SqlTokenKind.Parameter, start, i - start, null));
                        continue;
                    }

                    if (postgres)
                    {
                        if ((i = SkipDollarQuoted(text, i)) < 0)
                        {
                            problem = "an unterminated dollar-quoted string";
                            return null;
                        }

                        tokens.Add(new SqlToken(SqlTokenKind.String, start, i - start, null));
                        continue;
                    }

                    i = SkipParameterName(text, i + 1);
                    tokens.Add(new SqlToken(SqlTokenKind.Parameter, start, i - start, null));
                    continue;
                case '@' or ':' when IsWordStart(Next(text, i)):
                    i = SkipParameterName(text, i + 1);
                    tokens.Add(new SqlToken(SqlTokenKind.Parameter, start, i - start, null));
                    continue;
                case '?' when !postgres:
                    i++;
                    while (i < text.Length && IsDigit(text[i]))
                    {
                        i++;
                    }

                    tokens.Add(new SqlToken(SqlTokenKind.Parameter, start, i - start, null));
                    continue;
            }

            if (IsDigit(c) || (c == '.' && IsDigit(Next(text, i))))
            {
                i = SkipNumber(text, i);
                tokens.Add(new SqlToken(SqlTokenKind.Number, start, i - start, null));
                continue;
            }

            if (IsWordStart(c))
            {
                while (i < text.Length && IsWordPart(text[i], postgres || mysql))
                {
                    i++;
                }

                // String prefixes: E'…' (backslash escapes), B'…', X'…', N'…', U&'…' (and U&"…" identifiers).
                if (i < text.Length && text[i] == '\'' && i - start == 1 && "eEbBxXnN".Contains(c, StringComparison.Ordinal))
                {
                    if ((i = SkipQuoted(text, i, '\'', backslashEscapes: (postgres && (c is 'e' or 'E')) || mysql)) < 0)
                    {
                        problem = "an unterminated string";
                        return null;
                    }

                    tokens.Add(new SqlToken(SqlTokenKind.String, start, i - start, null));
                    continue;
                }

                if (postgres && i - start == 1 && c is 'u' or 'U' && i + 1 < text.Length && text[i] == '&' && text[i + 1] is '\'' or '"')
                {
                    problem = "a Unicode-escaped (U&) literal or identifier";
                    return null;
                }

                tokens.Add(new SqlToken(SqlTokenKind.Word, start, i - start, SqlKeywords.Fold(text.AsSpan(start, i - start))));
                continue;
            }

            if (c == '\\')
            {
                // No server reads a backslash outside a string; a client does (psql \gexec, mysql \G): not SQL.
                problem = "a backslash outside a string (a client command, not SQL)";
                return null;
            }

            // Operators: one run of operator characters; a comment start ends it.
            i++;
            while (i < text.Length && IsOperator(text[i]) && !(text[i] is '-' && Next(text, i) == '-') && !(text[i] is '/' && Next(text, i) == '*') && !(mysql && text[i] == '#'))
            {
                i++;
            }

            tokens.Add(new SqlToken(SqlTokenKind.Symbol, start, i - start, null));
        }

        if (inExecutableComment)
        {
            problem = "an unterminated MySQL executable comment";
            return null;
        }

        return tokens;
    }

    private static bool Quoted(string text, ref int i, char open, char close, List<SqlToken> tokens, out string? problem, bool backslashEscapes = false)
    {
        var start = i;
        var end = SkipQuoted(text, i, close, backslashEscapes, open);
        if (end < 0)
        {
            problem = "an unterminated quoted identifier";
            return false;
        }

        var content = text.Substring(start + 1, end - start - 2);
        if (open == close && content.Contains(close, StringComparison.Ordinal))
        {
            content = content.Replace(new string(close, 2), new string(close, 1), StringComparison.Ordinal);
        }

        tokens.Add(new SqlToken(SqlTokenKind.QuotedName, start, end - start, content));
        i = end;
        problem = null;
        return true;
    }

    /// <summary>Skips a quoted run starting at the opening quote; a doubled closing quote is an escaped one. Returns the index after it, or -1.</summary>
    private static int SkipQuoted(string text, int i, char close, bool backslashEscapes, char open = '\0')
    {
        i++;
        while (i < text.Length)
        {
            var c = text[i];
            if (backslashEscapes && c == '\\')
            {
                i += 2;
                continue;
            }

            if (c == close)
            {
                if (open != '[' && i + 1 < text.Length && text[i + 1] == close)
                {
                    i += 2;
                    continue;
                }

                return i + 1;
            }

            i++;
        }

        return -1;
    }

    private static int SkipBlockComment(string text, int i, bool nested)
    {
        var depth = 0;
        while (i < text.Length - 1)
        {
            if (text[i] == '/' && text[i + 1] == '*' && (nested || depth == 0))
            {
                depth++;
                i += 2;
            }
            else if (text[i] == '*' && text[i + 1] == '/')
            {
                depth--;
                i += 2;
                if (depth == 0)
                {
                    return i;
                }
            }
            else
            {
                i++;
            }
        }

        return -1;
    }

    /// <summary>Skips <c>$tag$ … $tag$</c>; returns -1 when unterminated or when the <c>$</c> opens no valid tag.</summary>
    private static int SkipDollarQuoted(string text, int i)
    {
        var tagEnd = i + 1;
        while (tagEnd < text.Length && text[tagEnd] != '$')
        {
            if (!IsWordPart(text[tagEnd], dollar: false) || (tagEnd == i + 1 && IsDigit(text[tagEnd])))
            {
                return -1;
            }

            tagEnd++;
        }

        if (tagEnd >= text.Length)
        {
            return -1;
        }

        var tag = text.AsSpan(i, tagEnd - i + 1);
        var close = text.AsSpan(tagEnd + 1).IndexOf(tag, StringComparison.Ordinal);
        return close < 0 ? -1 : tagEnd + 1 + close + tag.Length;
    }

    private static int SkipParameterName(string text, int i)
    {
        while (i < text.Length && IsWordPart(text[i], dollar: false))
        {
            i++;
        }

        return i;
    }

    private static int SkipNumber(string text, int i)
    {
        if (text[i] == '0' && i + 1 < text.Length && text[i + 1] is 'x' or 'X')
        {
            i += 2;
            while (i < text.Length && (char.IsAsciiHexDigit(text[i]) || text[i] == '_'))
            {
                i++;
            }

            return i;
        }

        while (i < text.Length && (IsDigit(text[i]) || text[i] is '.' or '_'))
        {
            i++;
        }

        if (i < text.Length && text[i] is 'e' or 'E' && i + 1 < text.Length && (IsDigit(text[i + 1]) || (text[i + 1] is '+' or '-' && i + 2 < text.Length && IsDigit(text[i + 2]))))
        {
            i += 2;
            while (i < text.Length && IsDigit(text[i]))
            {
                i++;
            }
        }

        return i;
    }

    private static char Next(string text, int i) => i + 1 < text.Length ? text[i + 1] : '\0';

    private static bool IsDigit(char c) => c is >= '0' and <= '9';

    private static bool IsWordStart(char c) => char.IsAsciiLetter(c) || c == '_' || (c > 127 && char.IsLetter(c));

    private static bool IsWordPart(char c, bool dollar) => char.IsAsciiLetterOrDigit(c) || c == '_' || (dollar && c == '$') || (c > 127 && char.IsLetterOrDigit(c));

    private static bool IsOperator(char c) => c is '+' or '-' or '*' or '/' or '<' or '>' or '=' or '~' or '!' or '@' or '#' or '%' or '^' or '&' or '|' or '`' or '?' or ':';
}
