namespace AgentGuard;

/// <content>Passwords given outside a plain assignment: command lines (<c>curl -u</c>, <c>-p</c>, <c>-Password</c>), netrc, comparisons in code, credential constructors.</content>
internal static partial class KeyValueSecrets
{
    /// <summary>
    /// <c>curl -u user:password</c> and <c>--user user:password</c>: the password is the secret; so is the value of
    /// <c>-p</c> in <c>docker login … -p password</c>.
    /// </summary>
    public static void ScanCurlUser(string text, List<SecretFinding> found)
    {
        // One vectorized pass for every marker below finds where the first of them is; a text with none (most text)
        // is done, and the scans below start there (nothing before it can match any of them).
        var first = text.AsSpan().IndexOfAny(CommandLineMarkers);
        if (first < 0)
        {
            return;
        }

        ScanPasswordFlag(text, "login ", first, found);
        ScanPasswordFlag(text, " -u", first, found);
        ScanCurl(text, first, found);
        // One vectorized pass for the rarer positions: curl's proxy credentials, redis-cli's and standard input's
        // passwords, PHP's database connections.
        for (var at = IndexOfPosition(text, first); at >= 0;)
        {
            var next = text[at] switch
            {
                'r' => RedisCliLine(text, at, found),
                '-' when text.AsSpan(at).StartsWith(PasswordStdin, StringComparison.Ordinal) => PasswordFromStdin(text, at, found),
                '-' => ProxyUser(text, at, found),
                _ => ConnectionCall(text, at, found),
            };
            at = IndexOfPosition(text, next);
        }
    }

    private static int IndexOfPosition(string text, int start)
    {
        var hit = text.AsSpan(start).IndexOfAny(PositionAnchors);
        return hit < 0 ? -1 : start + hit;
    }

    private static readonly string[] PositionAnchorStrings = ["--proxy-user", PasswordStdin, RedisCli, "new PDO(", "new mysqli(", "mysqli_connect(", "mysql_connect("];

    private static readonly System.Buffers.SearchValues<string> PositionAnchors = System.Buffers.SearchValues.Create(PositionAnchorStrings, StringComparison.Ordinal);

    /// <summary>Every marker <see cref="ScanCurlUser"/> looks for, for its first pass.</summary>
    private static readonly System.Buffers.SearchValues<string> CommandLineMarkers = System.Buffers.SearchValues.Create(["login ", " -u", "curl ", .. PositionAnchorStrings], StringComparison.Ordinal);

    /// <summary>The MySQL and MariaDB clients: a bare <c>-p</c> prompts, so <c>-p dbname</c> names a database, not a password.</summary>
    private static readonly string[] MySqlClients = ["mysql -", "mysqldump -", "mysqladmin -", "mariadb -"];

    /// <summary>
    /// PHP's <c>new PDO(dsn, user, password)</c>, <c>new mysqli(host, user, password, …)</c>, <c>mysqli_connect(…)</c>:
    /// the third argument, when it is a string literal, is the password in clear.
    /// </summary>
    private static int ConnectionCall(string text, int at, List<SecretFinding> found)
    {
        var i = text.IndexOf('(', at) + 1;
        for (var argument = 0; argument < 3; argument++)
        {
            while (i < text.Length && text[i] is ' ' or '\t' or '\r' or '\n')
            {
                i++;
            }

            if (i >= text.Length || text[i] is not ('"' or '\''))
            {
                break;
            }

            var close = text.IndexOf(text[i], i + 1);
            if (close < 0 || close - i > MaxQuotedValue)
            {
                break;
            }

            if (argument == 2)
            {
                var password = text.AsSpan(i + 1, close - i - 1);
                if (!password.IsEmpty && password[0] != '$' && password.IndexOfAny(' ', '\t') < 0 && !SecretText.IsPlaceholder(password) && !SecretText.IsPlaceholderWord(password))
                {
                    found.Add(new SecretFinding("password", i + 1, password.Length));
                }

                break;
            }

            i = close + 1;
            while (i < text.Length && text[i] is ' ' or '\t')
            {
                i++;
            }

            if (i >= text.Length || text[i] != ',')
            {
                break;
            }

            i++;
        }

        return Math.Max(i, at + 1);
    }

    /// <summary>
    /// A MySQL/MariaDB client's command line: <c>-p</c> glued to its value (<c>-pXk9…</c>, <c>-p'…'</c>) is the password.
    /// </summary>
    private static int MySqlClient(string text, int at, List<SecretFinding> found)
    {
        var lineEnd = text.AsSpan(at).IndexOfAny('\n', '\r');
        lineEnd = lineEnd < 0 ? text.Length : at + lineEnd;
        for (var flag = text.IndexOf(" -p", at, lineEnd - at, StringComparison.Ordinal); flag >= 0; flag = text.IndexOf(" -p", flag + 3, lineEnd - flag - 3, StringComparison.Ordinal))
        {
            var value = flag + 3;
            if (value < lineEnd && text[value] is not (' ' or '\t' or '-'))
            {
                ClientPassword(text, value, found);
            }
        }

        return Math.Max(lineEnd, at + 1);
    }

    /// <summary>The password given at <paramref name="i"/> (after <c>sshpass -p</c> or a glued <c>-p</c>): quoted, or up to white space.</summary>
    private static int ClientPassword(string text, int i, List<SecretFinding> found)
    {
        i = SkipSpaces(text, i, 8);
        var quote = i < text.Length && text[i] is '"' or '\'' ? text[i++] : '\0';
        var start = i;
        while (i < text.Length && i - start < 256 && (quote != '\0' ? text[i] != quote && text[i] is not ('\n' or '\r') : text[i] is not (' ' or '\t' or '\n' or '\r' or '"' or '\'' or ';' or '|' or '&')))
        {
            i++;
        }

        if (quote == '\'')
        {
            i = ShellQuoteClose(text, i, start + 256);
        }

        var password = text.AsSpan(start, i - start);
        if ((quote == '\0' || (i < text.Length && text[i] == quote)) && password.Length >= 4 && password[0] != '$' && !SecretText.IsPlaceholder(password) && !SecretText.IsPlaceholderWord(password))
        {
            found.Add(new SecretFinding("password", start, password.Length));
        }

        return Math.Max(i, start + 1);
    }

    /// <summary>
    /// Whether <paramref name="c"/> goes on a <c>user:password</c> credential: up to its closing quote when it is quoted
    /// (<c>-u 'admin:Xk9q T3mW'</c>: a quoted password may hold blanks, and its second word would otherwise reach the
    /// audit file), up to white space or a quote when it is not.
    /// </summary>
    private static bool InCredential(char c, char quote)
        => quote != '\0' ? c != quote && c is not ('\n' or '\r') : c is not (' ' or '\t' or '\n' or '\r' or '"' or '\'');

    /// <summary>
    /// curl's <c>--proxy-user user:password</c> wherever it stands: a multi-line command puts it on a continuation line
    /// without the word <c>curl</c>.
    /// </summary>
    private static int ProxyUser(string text, int at, List<SecretFinding> found)
    {
        const string Flag = "--proxy-user";
        var i = at + Flag.Length;
        if (i >= text.Length || text[i] is not (' ' or '='))
        {
            return i;
        }

        while (i < text.Length && text[i] is ' ' or '=')
        {
            i++;
        }

        var quote = i < text.Length && text[i] is '"' or '\'' ? text[i++] : '\0';
        var userStart = i;
        while (i < text.Length && text[i] is not (':' or ' ' or '\n' or '\r' or '"' or '\''))
        {
            i++;
        }

        if (i >= text.Length || text[i] != ':' || i == userStart)
        {
            return i;
        }

        var passwordStart = ++i;
        while (i < text.Length && InCredential(text[i], quote))
        {
            i++;
        }

        var password = text.AsSpan(passwordStart, i - passwordStart);
        if (password.Length >= 4 && password[0] != '$' && !SecretText.IsPlaceholder(password) && !SecretText.IsPlaceholderWord(password))
        {
            found.Add(new SecretFinding("basic-auth-password", passwordStart, password.Length));
        }

        return i;
    }

    /// <summary>
    /// <c>docker login … -p password</c>, <c>psexec \\host -u user -p password</c>: <c>-p</c> after <paramref name="marker"/>
    /// on one line; on a MySQL or MariaDB client's line (<c>-u</c> also glued, <c>-uroot</c>), the glued <c>-p…</c>.
    /// </summary>
    private static void ScanPasswordFlag(string text, string marker, int from, List<SecretFinding> found)
    {
        // Every hit on a line asks where the line ends and where the next " -p " is; the answers are kept while they
        // still lie ahead, so a line of a thousand hits is read once (see NextPlace).
        var lineBreak = new NextPlace("\n");
        var passwordFlag = new NextPlace(" -p ");
        var clientLine = new MySqlClientLine();
        var read = -1;
        for (var at = text.IndexOf(marker, from, StringComparison.Ordinal); at >= 0; at = text.IndexOf(marker, at + marker.Length, StringComparison.Ordinal))
        {
            // mysql -uroot -pXk9…: a MySQL or MariaDB client takes its password glued to -p (a bare -p prompts).
            if (marker[^1] == 'u' && clientLine.Holds(text, at))
            {
                at = MySqlClient(text, at, found) - marker.Length;
                continue;
            }

            if (marker[^1] == 'u' && (at + marker.Length >= text.Length || text[at + marker.Length] != ' '))
            {
                continue;
            }

            var lineEnd = lineBreak.In(text, at, text.Length) is >= 0 and var end ? end : text.Length;
            var flag = passwordFlag.In(text, at, lineEnd);
            if (flag < 0)
            {
                // No " -p " on the rest of the line: the line's other hits have none either, up to a MySQL client
                // named further on (whose glued -p is read from its own -u).
                at = Math.Max(at, (marker[^1] == 'u' ? Math.Min(lineEnd, clientLine.NamedAfter(at) - 1) : lineEnd) - marker.Length);
                continue;
            }

            if (flag == read)
            {
                continue;
            }

            read = flag;
            var start = flag + 4;
            var valueEnd = start;
            while (valueEnd < text.Length && text[valueEnd] is not (' ' or '\n' or '\r' or '"' or '\''))
            {
                valueEnd++;
            }

            var password = text.AsSpan(start, valueEnd - start);
            if (password.Length >= 6 && password[0] != '$' && !SecretText.IsPlaceholder(password) && !SecretText.IsPlaceholderWord(password))
            {
                found.Add(new SecretFinding("password", start, password.Length));
            }
        }
    }

    /// <summary>
    /// Whether the line around a position, up to it, runs a MySQL or MariaDB client (its bare <c>-p</c> prompts). Asked
    /// for positions that only move forward: each line is read once, for where the first client named on it ends.
    /// </summary>
    private struct MySqlClientLine()
    {
        private int _lineStart = -1;
        private int _lineEnd = -1;
        private int _clientEnd = int.MaxValue;

        public bool Holds(string text, int at)
        {
            if (at >= _lineEnd || at < _lineStart)
            {
                _lineStart = at == 0 ? 0 : text.LastIndexOf('\n', at - 1) + 1;
                var lineEnd = text.IndexOf('\n', at);
                _lineEnd = lineEnd < 0 ? text.Length : lineEnd;
                _clientEnd = int.MaxValue;
                var line = text.AsSpan(_lineStart, _lineEnd - _lineStart);
                foreach (var client in MySqlClients)
                {
                    var named = line.IndexOf(client.AsSpan(0, client.Length - 1), StringComparison.Ordinal);
                    _clientEnd = named < 0 ? _clientEnd : Math.Min(_clientEnd, _lineStart + named + client.Length - 1);
                }
            }

            // A client named in the line up to and including the character at the position.
            return _clientEnd <= at + 1;
        }

        /// <summary>Where the first client named on the line of the last position asked about ends, or the largest position.</summary>
        public readonly int NamedAfter(int at) => _clientEnd > at + 1 ? _clientEnd : int.MaxValue;
    }

    private static void ScanCurl(string text, int from, List<SecretFinding> found)
    {
        // As in ScanPasswordFlag, what lies ahead on the line is searched once for all the line's hits.
        var lineBreak = new NextPlace("\n");
        Span<NextPlace> flags = [new(CurlUserFlags[0]), new(CurlUserFlags[1]), new(CurlUserFlags[2]), new(CurlUserFlags[3])];
        var read = -1;
        for (var at = text.IndexOf("curl ", from, StringComparison.Ordinal); at >= 0; at = text.IndexOf("curl ", at + 5, StringComparison.Ordinal))
        {
            var lineEnd = lineBreak.In(text, at, text.Length) is >= 0 and var end ? end : text.Length;
            for (var kind = 0; kind < flags.Length; kind++)
            {
                var f = flags[kind].In(text, at, lineEnd);
                if (f < 0)
                {
                    continue;
                }

                if (f == read)
                {
                    break;
                }

                read = f;
                var i = f + CurlUserFlags[kind].Length;
                while (i < text.Length && text[i] == ' ')
                {
                    i++;
                }

                var quote = i < text.Length && text[i] is '"' or '\'' ? text[i++] : '\0';
                var userStart = i;
                while (i < text.Length && text[i] is not (':' or ' ' or '\n' or '"' or '\''))
                {
                    i++;
                }

                if (i >= text.Length || text[i] != ':' || i == userStart)
                {
                    break;
                }

                var passwordStart = ++i;
                while (i < text.Length && InCredential(text[i], quote))
                {
                    i++;
                }

                var password = text.AsSpan(passwordStart, i - passwordStart);
                if (password.Length >= 4 && !SecretText.IsPlaceholder(password) && !SecretText.IsPlaceholderWord(password) && password[0] != '$')
                {
                    found.Add(new SecretFinding("basic-auth-password", passwordStart, password.Length));
                }

                break;
            }
        }
    }

    /// <summary>curl's flags for user credentials, in the order they are looked for.</summary>
    private static readonly string[] CurlUserFlags = [" -u ", " --user ", " -u", " --user="];

    /// <summary><c>== "…"</c>, <c>!= '…'</c>, <c>=== "…"</c> after the name; <paramref name="literal"/> is where the quote is.</summary>
    private static bool Comparison(string text, int end, out int literal)
    {
        literal = end;
        while (literal < text.Length && literal - end < 4 && text[literal] == ' ')
        {
            literal++;
        }

        var rest = text.AsSpan(literal);
        var length = rest.StartsWith("===", StringComparison.Ordinal) || rest.StartsWith("!==", StringComparison.Ordinal) ? 3 : rest.StartsWith("==", StringComparison.Ordinal) || rest.StartsWith("!=", StringComparison.Ordinal) ? 2 : 0;
        if (length == 0)
        {
            return false;
        }

        literal += length;
        while (literal < text.Length && literal - end < 12 && text[literal] == ' ')
        {
            literal++;
        }

        return literal < text.Length && text[literal] is '"' or '\'';
    }

    /// <summary>The second quoted argument of <c>Credential("user", "password"</c>.</summary>
    private static void CredentialArguments(string text, int i, List<SecretFinding> found)
    {
        var limit = Math.Min(text.Length, i + 512);
        var quotes = 0;
        var valueStart = -1;
        for (; i < limit && text[i] is not (')' or '\n'); i++)
        {
            if (text[i] != '"')
            {
                continue;
            }

            quotes++;
            if (quotes == 3)
            {
                valueStart = i + 1;
            }
            else if (quotes == 4)
            {
                var value = text.AsSpan(valueStart, i - valueStart);
                if (LooksLikePlainPassword(value) && !SecretText.IsPlaceholder(value) && !SecretText.IsPlaceholderWord(value))
                {
                    found.Add(new SecretFinding("password", valueStart, value.Length));
                }

                return;
            }
        }
    }

    /// <summary>
    /// <c>ConvertTo-SecureString</c> with <c>-AsPlainText</c>: the quoted literal it converts is a password written in clear,
    /// whether it is named (<c>-String '…'</c>), stands in the first position, comes after the switches in any order
    /// (<c>-AsPlainText -Force -String "…"</c>, the names shortened or the value after a colon: <c>-st:'…' -AsPlain</c>)
    /// or is handed down a pipeline on its own (<c>'…' | ConvertTo-SecureString -AsPlainText</c>). A variable (<c>$pwd</c>), an expression, or a literal that is another command's argument is not.
    /// <paramref name="name"/> is where the command's name starts, <paramref name="i"/> where it ends.
    /// </summary>
    private static void PlainTextSecureString(string text, int name, int i, List<SecretFinding> found)
    {
        var value = PipedLiteral(text, name);
        var plainText = false;
        var limit = Math.Min(text.Length, i + 256);
        while (i < limit)
        {
            while (i < limit && text[i] is ' ' or '\t')
            {
                i++;
            }

            if (i >= limit || text[i] is ';' or '|' or ')' or '}' or '\n' or '\r')
            {
                break; // the command ends
            }

            if (text[i] == '-')
            {
                // PowerShell takes any unambiguous prefix of a parameter's name (-AsPlain, -st) and a value after a
                // colon (-String:'…', -AsPlainText:$true).
                var parameter = i + 1;
                while (i < limit && !(text[i] is ' ' or '\t' or ';' or '|' or ')' or '\n' or '\r' or ':'))
                {
                    i++;
                }

                var parameterName = text.AsSpan(parameter, i - parameter);
                var colon = i < limit && text[i] == ':';
                i += colon ? 1 : 0;
                if (!parameterName.IsEmpty && "AsPlainText".AsSpan().StartsWith(parameterName, StringComparison.OrdinalIgnoreCase))
                {
                    plainText = !(colon && text.AsSpan(i).StartsWith("$false", StringComparison.OrdinalIgnoreCase));
                    continue;
                }

                if (parameterName.Length < 2 || !"String".AsSpan().StartsWith(parameterName, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                while (!colon && i < limit && text[i] is ' ' or '\t')
                {
                    i++;
                }
            }

            if (i < limit && text[i] is '\'' or '"')
            {
                var close = text.IndexOf(text[i], i + 1, Math.Min(256, text.Length - i - 1));
                if (close < 0)
                {
                    break;
                }

                value = (i + 1, close - i - 1);
                i = close + 1;
                continue;
            }

            // A variable, an expression or a bare word: skip it.
            while (i < limit && !(text[i] is ' ' or '\t' or ';' or '|' or ')' or '\n' or '\r'))
            {
                i++;
            }
        }

        if (!plainText || value.Length <= 0)
        {
            return;
        }

        var literal = text.AsSpan(value.Start, value.Length);
        if (literal[0] != '$' && literal.IndexOfAny(' ', '(') < 0 && !SecretText.IsPlaceholder(literal) && !SecretText.IsPlaceholderWord(literal))
        {
            found.Add(new SecretFinding("password", value.Start, value.Length));
        }
    }

    /// <summary>
    /// The quoted literal that alone makes the pipeline element before the command at <paramref name="name"/>
    /// (<c>$s = 'hunter2' | ConvertTo-SecureString</c>): the literal is what the command converts. (-1, 0) when there is none.
    /// </summary>
    private static (int Start, int Length) PipedLiteral(string text, int name)
    {
        var i = name - 1;
        while (i >= 0 && text[i] is ' ' or '\t')
        {
            i--;
        }

        if (i < 0 || text[i] != '|')
        {
            return (-1, 0);
        }

        i--;
        while (i >= 0 && text[i] is ' ' or '\t')
        {
            i--;
        }

        if (i < 1 || text[i] is not ('\'' or '"'))
        {
            return (-1, 0);
        }

        var open = text.LastIndexOf(text[i], i - 1, Math.Min(256, i));
        if (open < 0)
        {
            return (-1, 0);
        }

        // The literal must open the pipeline: an assignment, a bracket, a statement's or a line's start before it.
        var before = open - 1;
        while (before >= 0 && text[before] is ' ' or '\t')
        {
            before--;
        }

        return before < 0 || text[before] is '=' or '(' or '{' or ';' or '\n' or '\r' ? (open + 1, i - open - 1) : (-1, 0);
    }

    /// <summary>
    /// After a name: <c> for [the] [user|account|login] &lt;account&gt; </c> followed by <c>is</c> (prose naming whose
    /// password it is: "the password for the user "pyne-user" is "pyne""). Returns where the verb starts, or -1.
    /// </summary>
    private static int AccountBeforeVerb(string text, int end)
    {
        var rest = text.AsSpan(end, Math.Min(text.Length - end, 128));
        if (!rest.StartsWith(" for ", StringComparison.OrdinalIgnoreCase))
        {
            return -1;
        }

        var i = " for ".Length;
        foreach (var word in (ReadOnlySpan<string>)["the ", "user ", "account ", "login "])
        {
            if (rest[i..].StartsWith(word, StringComparison.OrdinalIgnoreCase))
            {
                i += word.Length;
            }
        }

        // The account: a quoted name, or one word of name characters.
        var quote = i < rest.Length && rest[i] is '"' or '\'' ? rest[i] : '\0';
        var nameStart = quote == '\0' ? i : i + 1;
        var j = nameStart;
        while (j < rest.Length && j - nameStart < 64 && (char.IsAsciiLetterOrDigit(rest[j]) || rest[j] is '_' or '-' or '.' or '@' or '\\'))
        {
            j++;
        }

        if (j == nameStart || (quote != '\0' && (j >= rest.Length || rest[j] != quote)))
        {
            return -1;
        }

        j += quote == '\0' ? 0 : 1;
        return rest[j..].StartsWith(" is ", StringComparison.OrdinalIgnoreCase) ? end + j + 1 : -1;
    }

    /// <summary>The '&gt;' that closes an opening tag whose attributes start at <paramref name="i"/>; -1 for a self-closing tag or none.</summary>
    private static int TagEnd(string text, int i)
    {
        var close = text.AsSpan(i, Math.Min(text.Length - i, 256)).IndexOfAny('>', '<');
        return close > 0 && text[i + close] == '>' && text[i + close - 1] != '/' ? i + close : -1;
    }

    /// <summary>
    /// YAML's value on the line below its name (<c>password:</c>, <c>token: &gt;-</c>, <c>secret: |</c> at
    /// <paramref name="i"/>): one line indented deeper than the name's, not a mapping, a list item or a comment, and
    /// followed by no deeper line (a block of several lines is no one-line value, and redacting its first line alone would
    /// leave the rest). Returns where the value starts, or -1.
    /// </summary>
    private static int ValueOnNextLine(string text, int start, int i)
    {
        if (i < text.Length && text[i] is '|' or '>')
        {
            i++;
            if (i < text.Length && text[i] is '-' or '+')
            {
                i++;
            }

            i = SkipSpaces(text, i, 8);
        }

        if (i >= text.Length || text[i] is not ('\n' or '\r'))
        {
            return -1;
        }

        var indent = start - (text.AsSpan(0, start).LastIndexOfAny('\n', '\r') + 1);
        var valueStart = SkipSpaces(text, LineAfter(text, i), 64);
        var lineStart = LineAfter(text, i);
        if (valueStart - lineStart <= indent || valueStart >= text.Length || text[valueStart] is '\n' or '\r' or '-' or '#')
        {
            return -1;
        }

        var lineEnd = text.AsSpan(valueStart).IndexOfAny('\n', '\r');
        lineEnd = lineEnd < 0 ? text.Length : valueStart + lineEnd;
        var line = text.AsSpan(valueStart, lineEnd - valueStart).TrimEnd();
        if (line.IsEmpty || line[^1] == ':' || line.Contains(": ", StringComparison.Ordinal))
        {
            return -1;
        }

        if (lineEnd < text.Length)
        {
            var nextStart = LineAfter(text, lineEnd);
            var next = SkipSpaces(text, nextStart, 64);
            if (next < text.Length && text[next] is not ('\n' or '\r') && next - nextStart > indent)
            {
                return -1;
            }
        }

        return valueStart;
    }

    private static int SkipSpaces(string text, int at, int most)
    {
        var k = at;
        while (k < text.Length && k - at < most && text[k] is ' ' or '\t')
        {
            k++;
        }

        return k;
    }

    /// <summary>
    /// The closing single quote of a shell literal whose first closing quote is at <paramref name="i"/>: a shell writes a
    /// quote inside single quotes as <c>'\''</c> (close, escaped quote, reopen), so the literal goes on after each.
    /// </summary>
    private static int ShellQuoteClose(string text, int i, int limit)
    {
        while (i < limit && text.AsSpan(i).StartsWith("'\\''", StringComparison.Ordinal) && text.IndexOf('\'', i + 4) is var next && next > 0 && next < limit)
        {
            i = next;
        }

        return i;
    }

    /// <summary>The name at <paramref name="start"/> fills the first cell of a Markdown table row (<c>| password | …</c>).</summary>
    private static bool IsFirstTableCell(string text, int start)
    {
        var k = SkipSpacesBack(text, start);
        return k > 0 && text[k - 1] == '|' && SkipSpacesBack(text, k - 1) is var line && (line == 0 || text[line - 1] is '\n' or '\r');
    }

    /// <summary>The end of a table cell's content that goes on after <paramref name="i"/> (a passphrase of several words), before its closing <c>|</c>.</summary>
    private static int CellEnd(string text, int i)
    {
        var bar = text.AsSpan(i).IndexOfAny('|', '\n', '\r');
        if (bar < 0 || text[i + bar] != '|')
        {
            return i;
        }

        var end = i + bar;
        while (end > i && text[end - 1] is ' ' or '\t')
        {
            end--;
        }

        return end;
    }

    private static int SkipSpacesBack(string text, int k)
    {
        while (k > 0 && text[k - 1] is ' ' or '\t')
        {
            k--;
        }

        return k;
    }

    /// <summary>Where the line after the line break at <paramref name="i"/> starts.</summary>
    private static int LineAfter(string text, int i) => i + (text.AsSpan(i).StartsWith("\r\n", StringComparison.Ordinal) ? 2 : 1);

    /// <summary>The quoted name is a call's argument: <c>(</c> or <c>,</c> before its opening quote.</summary>
    private static bool IsCallArgument(string text, int start)
    {
        var i = start - 2;
        while (i >= 0 && start - i < 8 && text[i] == ' ')
        {
            i--;
        }

        return start >= 2 && text[start - 1] is '"' or '\'' && i >= 0 && text[i] is '(' or ',';
    }

    /// <summary>A name written as a command-line flag: <c>-Password</c>, <c>--password</c>.</summary>
    private static bool IsFlag(string text, int start) => text[start] == '-' && (start == 0 || text[start - 1] is ' ' or '\t' or '\n' or '\r');

    /// <summary>
    /// netrc and similar: <c>machine host login joe password hunter2</c>, "login" on the line up to 256 characters
    /// before the name (or, for a name opening its line, on the line before). The window holds on a line with no break
    /// in it too: read to the start of the text, a tool result of one long line of names read it once per name.
    /// </summary>
    private static bool LineHasLogin(string text, int start)
    {
        var window = Math.Min(start, 256);
        var lineBreak = start == 0 ? -1 : text.LastIndexOf('\n', start - 1, window);
        var lineStart = lineBreak >= 0 ? lineBreak + 1 : start - window;
        var line = text.AsSpan(lineStart, start - lineStart);
        return line.Contains("login ", StringComparison.Ordinal) || (line.IsWhiteSpace() && lineBreak > 0 && text.AsSpan(Math.Max(0, lineBreak - 256), lineBreak - Math.Max(0, lineBreak - 256)).Contains("login ", StringComparison.Ordinal));
    }
}
