using System.Buffers;

namespace AgentGuard;

/// <content>
/// Passwords set by SQL statements that create or change an account: <c>CREATE USER … WITH PASSWORD '…'</c>,
/// <c>ALTER ROLE … PASSWORD '…'</c>, <c>CREATE LOGIN … WITH PASSWORD = '…'</c>, <c>… IDENTIFIED BY '…'</c> and
/// <c>… IDENTIFIED WITH plugin BY '…'</c>. The keyword and its value stand apart by a space, so only the statement
/// around them says that the word after the keyword is a password.
/// </content>
internal static partial class KeyValueSecrets
{
    /// <summary>The statements that set an account's password, written before the keyword on its line.</summary>
    private static readonly string[] AccountStatements = ["create user", "alter user", "create role", "alter role", "create login", "alter login", "grant "];

    /// <summary><see cref="AccountStatements"/> in one vectorised search (a line that names a password mostly holds none).</summary>
    private static readonly SearchValues<string> AccountStatementSearch = SearchValues.Create(AccountStatements, StringComparison.OrdinalIgnoreCase);

    /// <summary>How far back on its line the statement's verb is looked for.</summary>
    private const int MaxStatementReach = 256;

    /// <summary>
    /// The name at <c>[start, end)</c> is SQL's <c>PASSWORD</c> or <c>IDENTIFIED</c> keyword in an account statement:
    /// reports the password after it and returns true; false when this is no such statement (the name is read as usual).
    /// </summary>
    private static bool SqlAccountPassword(string text, int start, int end, List<SecretFinding> found)
    {
        var name = text.AsSpan(start, end - start);
        var identified = name.Equals("identified", StringComparison.OrdinalIgnoreCase);
        if ((!identified && !name.Equals("password", StringComparison.OrdinalIgnoreCase)) || end + 1 >= text.Length || text[end] != ' '
            || start == 0 || text[start - 1] != ' ' || !InAccountStatement(text, start))
        {
            return false;
        }

        var i = end + 1;
        if (identified)
        {
            // IDENTIFIED WITH mysql_native_password BY '…': the authentication plugin first.
            if (text.AsSpan(i).StartsWith("with ", StringComparison.OrdinalIgnoreCase))
            {
                i += "with ".Length;
                while (i < text.Length && IsKeyChar(text[i]))
                {
                    i++;
                }

                i = SkipSpaces(text, i, 4);
            }

            if (!text.AsSpan(i).StartsWith("by ", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            i += "by ".Length;
        }
        else if (start >= 3 && text.AsSpan(start - 3, 3).Equals("by ", StringComparison.OrdinalIgnoreCase))
        {
            // IDENTIFIED BY PASSWORD '*6BB…': MySQL's form for a hash, read at IDENTIFIED.
            return true;
        }
        else if (i + 1 < text.Length && text[i] == '=' && text[i + 1] == ' ')
        {
            // SQL Server: CREATE LOGIN … WITH PASSWORD = '…'.
            i += 2;
        }

        i = SkipSpaces(text, i, 4);
        var quote = i < text.Length && text[i] is '\'' or '"' ? text[i++] : '\0';
        var valueStart = i;
        while (i < text.Length && i - valueStart < 256 && text[i] is not ('\n' or '\r')
            && (quote != '\0' ? text[i] != quote : text[i] is not (' ' or '\t' or '\'' or '"' or ',' or ')') && (text[i] != ';' || text[i - 1] == '\\')))
        {
            i++;
        }

        if (quote != '\0' && (i >= text.Length || text[i] != quote))
        {
            return true;
        }

        var valueEnd = i;
        while (quote == '\0' && valueEnd > valueStart && text[valueEnd - 1] is '.' or ':' or '?')
        {
            valueEnd--; // the end of a sentence about the statement, not of a password
        }

        var value = text.AsSpan(valueStart, valueEnd - valueStart);
        // $1, :new_password, ?, @pw: a bind parameter or variable; IDENTIFIED BY PASSWORD '*…' and BY VALUES '…' give a
        // hash; NULL and EXPIRE are clauses, not values. Unquoted, a password has two kinds of characters (not "clause").
        if (value.Length < 4 || value[0] is '$' or ':' or '?' or '@' or '%' || (quote == '\0' && IsSqlKeyword(value))
            || (quote == '\0' ? !LooksLikePassword(value) : !LooksLikeStatedPassword(value)))
        {
            return true;
        }

        found.Add(new SecretFinding("password", valueStart, value.Length));
        return true;
    }

    private static bool IsSqlKeyword(ReadOnlySpan<char> value)
    {
        foreach (var keyword in (ReadOnlySpan<string>)["password", "values", "null", "expire", "reuse", "require", "lock", "unlock", "random"])
        {
            if (value.Equals(keyword, StringComparison.OrdinalIgnoreCase) || (value.StartsWith(keyword, StringComparison.OrdinalIgnoreCase) && value[keyword.Length..] is ";" or "\\;"))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A statement that sets an account's password (<c>CREATE USER</c>, <c>ALTER ROLE</c>, <c>GRANT</c>, …) starts before <paramref name="at"/> on its line.</summary>
    private static bool InAccountStatement(string text, int at)
    {
        var from = Math.Max(0, at - MaxStatementReach);
        var lineStart = text.AsSpan(from, at - from).LastIndexOfAny('\n', '\r') + 1 + from;
        var line = text.AsSpan(lineStart, at - lineStart);
        for (var k = line.IndexOfAny(AccountStatementSearch); k >= 0; k = Next(line, k))
        {
            foreach (var statement in AccountStatements)
            {
                if (line[k..].StartsWith(statement, StringComparison.OrdinalIgnoreCase) && (k == 0 || !char.IsAsciiLetterOrDigit(line[k - 1]))
                    && k + statement.Length < line.Length && (statement[^1] == ' ' || line[k + statement.Length] == ' '))
                {
                    return true;
                }
            }
        }

        return false;

        static int Next(ReadOnlySpan<char> line, int k) => line[(k + 1)..].IndexOfAny(AccountStatementSearch) is >= 0 and var next ? k + 1 + next : -1;
    }
}
