namespace AgentGuard;

/// <summary>
/// Secrets assigned to key-like names: <c>password=…</c>, <c>"api_key": "…"</c>, <c>token: …</c>,
/// <c>Authorization: Bearer …</c>, <c>Password=…;</c> in connection strings. Password-named values must look like a
/// password (two character classes, or long and varied); other key-like names need a high-entropy value of at least
/// 16 characters (Shannon entropy of at least <see cref="MinEntropy"/> bits per character).
/// </summary>
internal static partial class KeyValueSecrets
{
    /// <summary>The least Shannon entropy, in bits per character, of a value next to a token-like name.</summary>
    internal const double MinEntropy = 3.2;

    private const int MaxKey = 64;

    /// <summary>A value may be a long token (a 2,000-character JWT): it is read to its closing quote or its end up to this length.</summary>
    private const int MaxQuotedValue = 8192;

    private static readonly string[] PasswordParts = ["password", "passwd", "passphrase", "pwd"];

    /// <summary>"password" written short, without some of its vowels or a doubled letter: <c>PSWD</c>, <c>psswrd</c>, <c>PASWORD</c>.</summary>
    private static readonly string[] PasswordAbbreviations = ["pswd", "psswd", "pswrd", "psswrd", "paswd", "paswrd", "pasword", "psword", "passwrd"];
    private static readonly string[] TokenParts = ["secret", "token", "apikey", "credential", "bearer", "authorization", "crumb", "sonarlogin"];
    private static readonly string[] TokenSuffixes = ["key", "keys", "auth", "pat", "private", "access"];

    private static readonly string[] NotSecretParts =
    [
        "idempotency", "cachekey", "partitionkey", "primarykey", "foreignkey", "sortkey", "rowkey", "publickey", "pubkey", "hotkey",
        "keyboard", "monkey", "donkey", "turkey", "jockey", "hockey", "whiskey", "objectkey", "bucketkey", "lookupkey", "dedupkey",
        "routingkey", "groupkey", "mapkey", "i18nkey", "translationkey", "messagekey", "tokenizer", "passport", "passage", "passenger",
        "bypass", "compass", "surpass", "keyname", "keyword", "secretary", "secretion", "tokenize",
        // GnuPG's --recv-keys/--search-keys take public key ids and fingerprints.
        "recvkey", "searchkey",
    ];

    private static readonly int ShortestNotSecretPart = NotSecretParts.Min(part => part.Length);

    private static readonly System.Buffers.SearchValues<string> NotSecretPartSearch = System.Buffers.SearchValues.Create(NotSecretParts, StringComparison.Ordinal);

    private static readonly string[] CursorNames = ["pagetoken", "nextpagetoken", "nexttoken", "continuationtoken", "synctoken", "resumetoken"];

    private static readonly string[] NotSecretSuffixes =
    [
        "id", "ids", "name", "names", "count", "type", "url", "uri", "length", "len", "at", "expiry", "expires", "expiresin", "ttl", "limit",
        "usage", "used", "file", "path", "hint", "policy", "label", "field", "enabled", "required", "format", "prefix", "version", "tokens",
        "reset", "changed", "updated", "created", "strength", "min", "max", "rotation", "location", "manager", "store", "vault", "header", "param", "ref",
        "stdin", "fd",
    ];

    /// <summary><see cref="NotSecretSuffixes"/> by their last character.</summary>
    private static readonly string[][] NotSecretSuffixesByLast = [.. Enumerable.Range(0, 128).Select(c => NotSecretSuffixes.Where(s => s[^1] == c).ToArray())];

    private static readonly System.Buffers.SearchValues<string> SecretPartSearch = System.Buffers.SearchValues.Create([.. PasswordParts, .. TokenParts], StringComparison.Ordinal);

    /// <summary>Examines the key-like name around <paramref name="at"/>; returns where that name ends.</summary>
    public static int Match(string text, int at, List<SecretFinding> found, ref InnerNames innerNames)
    {
        var start = at;
        while (start > 0 && at - start < MaxKey && IsKeyChar(text[start - 1]))
        {
            start--;
        }

        var end = at;
        while (end < text.Length && end - start < MaxKey && IsKeyChar(text[end]))
        {
            end++;
        }

        // CREATE USER … WITH PASSWORD '…', … IDENTIFIED BY '…': an account statement in SQL.
        if (SqlAccountPassword(text, start, end, found))
        {
            return end;
        }

        // sshpass -p 'Xk9…' ssh host: the password given to sshpass.
        if (end + 3 < text.Length && text.AsSpan(start, end - start).Equals("sshpass", StringComparison.Ordinal) && text.AsSpan(end).StartsWith(" -p", StringComparison.Ordinal))
        {
            ClientPassword(text, end + 3, found);
            return end;
        }

        // .dockerconfigjson: eyJhdXRocyI6…: a Kubernetes key that always holds registry credentials.
        if (SecretDockerConfigs.Handles(text.AsSpan(start, end - start)))
        {
            SecretDockerConfigs.Match(text, end, found);
            return end;
        }

        // <password>value</password>, <secret>{AQAAABAAA value}</secret>, <password type="plain">value</password>: an XML
        // element named like a secret.
        if (start > 0 && text[start - 1] == '<' && end < text.Length && (text[end] == '>' || (text[end] == ' ' && TagEnd(text, end) > 0)))
        {
            return XmlElement(text, start, end, text[end] == '>' ? end + 1 : TagEnd(text, end) + 1, found);
        }

        // <key>Password</key> <string>…</string> (a property list), <key>password</key> <value>…</value>, and
        // <name>fs.s3a.secret.key</name> <value>…</value> (Hadoop's and Maven's properties): the element after a key or
        // name element holds its value.
        if (NamingElementEnd(text, start, end) is > 0 and var named && KeyElementValue(text, named) is > 0 and var content)
        {
            return XmlElement(text, start, end, content, found);
        }

        // <entry key="db.password">…</entry> (Java's XML properties), <property name="…Password">…</property>: the
        // element's content is the named value.
        if (end + 1 < text.Length && text[end] == '"' && text[end + 1] == '>' && NamedByAttribute(text, start))
        {
            return XmlElement(text, start, end, end + 2, found);
        }

        // "Password:" inside a string ("passwordLabel: "Password:","): a label, not an assignment.
        if (start > 0 && text[start - 1] is '"' or '\'' && end + 1 < text.Length && text[end] == ':' && text[end + 1] == text[start - 1])
        {
            return end;
        }

        // new NetworkCredential("user", "password"), New-Object PSCredential ("user", "password"): the second argument.
        var call = end;
        while (call < text.Length && call - end < 4 && text[call] == ' ')
        {
            call++;
        }

        if (call < text.Length && text[call] == '(' && text.AsSpan(start, end - start).EndsWith("Credential", StringComparison.OrdinalIgnoreCase))
        {
            CredentialArguments(text, call + 1, found);
            return end;
        }

        // ConvertTo-SecureString -String 'hunter2' -AsPlainText -Force: the password in clear in a PowerShell script.
        if (text.AsSpan(start, end - start).Equals("ConvertTo-SecureString", StringComparison.OrdinalIgnoreCase))
        {
            PlainTextSecureString(text, start, end, found);
            return end;
        }

        // Cheap checks first: most anchor hits are prose ("key points", "the token budget") with no value after them.
        if (end - start >= 30)
        {
            GluedValue(text, start, end, found);
        }

        var i = end;
        var spaced = false;
        var comparison = false;
        var byCommand = false;
        SkipDeclaredType(text, ref i);
        var assigned = SkipSeparator(text, start, ref i, out var pair);
        if (!assigned && OptionArgument(text, start, end) is > 0 and var option)
        {
            // curl_easy_setopt(curl, CURLOPT_PASSWORD, "…"): the literal after the constant that names it.
            i = option;
            assigned = true;
            pair = Pair.CallArgument;
        }
        if (!assigned && Comparison(text, end, out var literal))
        {
            // if password == "hunter2": a hard-coded credential checked in code.
            i = literal;
            comparison = true;
        }
        else if (!assigned && SetByCommand(text, start, end) is > 0 and var commandValue)
        {
            // ENV DB_PASSWORD hunter2 (a Dockerfile's form without '='), setx DB_PASSWORD "hunter2": a command names the
            // variable, one space, then its value.
            i = commandValue;
            assigned = true;
            byCommand = true;
        }
        else if (!assigned && AccountBeforeVerb(text, end) is > 0 and var verb)
        {
            // "the password for (the) user 'deploy' is '…'": the account is named between the name and its verb.
            i = verb;
            spaced = true;
        }
        else if (!assigned)
        {
            // "token <value>", "--api-key <value>", "password is <value>", "Bearer <value>": a bare space.
            i = end;
            // "Bearer  xyz…": a scheme may be followed by more than one blank (RFC 9110's 1*SP).
            var schemeWord = i < text.Length && IsBlank(text[i]) && IsSchemeName(text, start, end);
            if (i >= text.Length || (text[i] != ' ' && !schemeWord) || !(SpacedCandidate(text, schemeWord ? SkipSchemeBlanks(text, i) : i + 1) || IsFlag(text, start) || LineHasLogin(text, start) || CapitalLabel(text, start, end)))
            {
                return end;
            }

            spaced = true;
        }

        Span<char> buffer = stackalloc char[MaxKey];
        var key = Normalize(text.AsSpan(start, end - start), buffer);
        var kind = Classify(key);
        if (kind == KeyKind.None || (kind == KeyKind.Bearer && !spaced) || (pair == Pair.WithoutOpening && kind != KeyKind.Token))
        {
            return end;
        }

        // "-Password VMware1!", "--password hunter2", netrc "login joe password hunter2": a value given on a command line.
        var stated = false;
        var flagged = spaced && kind == KeyKind.Password && (IsFlag(text, start) || LineHasLogin(text, start));
        var equals = byCommand || (assigned && text.AsSpan(end, i - end).Contains('='));
        // password: hunter on a YAML or INI line of its own: the name starts the line, the value ends it (checked below).
        var ownLine = assigned && !equals && pair == Pair.None && StartsLine(text, start);
        while (i < text.Length && i - end < 40 && text[i] is ' ' or '\t')
        {
            i++;
        }

        // api_key = ("Xk9…"\n "…"): a literal in parentheses (Python wraps a long one over lines so).
        if (equals && i < text.Length && text[i] == '(' && OpenedLiteral(text, i + 1) is > 0 and var literalStart)
        {
            i = literalStart;
        }

        // password:\n    Xk9… / token: >-\n  …: YAML's value on the line below its name.
        if (ownLine && ValueOnNextLine(text, start, i) is > 0 and var below)
        {
            i = below;
        }

        // An escaped opening quote (JSON inside a string) is closed by an escaped quote.
        var escapedQuotes = i + 1 < text.Length && text[i] == '\\' && text[i + 1] == '"';
        if (escapedQuotes)
        {
            i++;
        }

        // <cell value="Password: &quot;…&quot;">: in escaped markup a quote is written as an entity, and closes as one.
        var quote = !escapedQuotes && EscapedMarkup.IsQuoteAt(text, i) ? EscapedMarkup.QuoteMark
            : i < text.Length && text[i] is '"' or '\'' or '`' ? text[i] : '\0';
        if (quote == EscapedMarkup.QuoteMark)
        {
            i += EscapedMarkup.Quote.Length;
        }
        else if (quote != '\0')
        {
            i++;
        }
        else if (equals && BracedValueEnd(text, start, i) > 0)
        {
            // Pwd={Xk9;qT3}}mW7}: ODBC's braces quote a connection string's value.
            quote = BraceCloser;
            i++;
        }
        else if (comparison || pair != Pair.None)
        {
            // A compared or paired value is a string literal; unquoted it is code ("password", StringComparison.Ordinal).
            return end;
        }

        if (spaced || kind == KeyKind.Bearer)
        {
            // "password is X", "password was: X"
            foreach (var verb in (ReadOnlySpan<string>)["is: ", "is ", "was: ", "was "])
            {
                if (text.AsSpan(i).StartsWith(verb, StringComparison.OrdinalIgnoreCase))
                {
                    i += verb.Length;
                    spaced = kind == KeyKind.Token;
                    stated = true;
                    break;
                }
            }

            while (i < text.Length && i - end < 16 && text[i] is ' ' or '\t')
            {
                i++;
            }

            if (i < text.Length && text[i] is '"' or '\'' && quote == '\0')
            {
                quote = text[i];
                i++;
            }
        }

        // "Authorization: Bearer <token>", "token: Token <token>".
        var scheme = false;
        // A value is read to its end up to 8 K characters, quoted or not: an unquoted 600-character token cut at 512 left
        // its tail in the audit file once a symbol stopped the widening to the whole run.
        var maxValue = MaxQuotedValue;
        if (SchemeEnd(text, i, out _) is > 0 and var credentials)
        {
            i = credentials;
            scheme = true;
        }

        var valueStart = i;
        i = quote == '\0' ? UnquotedValueEnd(text, valueStart, valueStart + maxValue, kind, ref innerNames)
            : quote == EscapedMarkup.QuoteMark ? EscapedMarkup.QuotedValueEnd(text, valueStart, valueStart + maxValue)
            : quote == BraceCloser ? BracedValueEnd(text, start, valueStart - 1)
            : QuotedValueEnd(text, valueStart, valueStart + maxValue, quote);

        if (quote == '\'' && !escapedQuotes && text.AsSpan(i).StartsWith("'\\''", StringComparison.Ordinal))
        {
            // A shell's '\'' first: inside single quotes a backslash is a plain character, not an escape.
            i = ShellQuoteClose(text, i, valueStart + maxValue);
        }
        else if (quote is not ('\0' or EscapedMarkup.QuoteMark or BraceCloser) && i < text.Length && text[i] == quote && EscapedAt(text, valueStart, i))
        {
            // password = "pa\"ss": a quote escaped inside the literal belongs to the value, unless the quotes of the
            // literal are escaped themselves ({\"password\": \"…\"}), where it closes the value.
            i = escapedQuotes ? i - 1 : ClosingQuote(text, i + 1, quote, valueStart + maxValue) is > 0 and var close ? close : i;
        }

        // PASSWORD='it'\''s': a shell closes its single quotes, writes an escaped one and reopens them; the value goes on.
        if (quote == '\'' && !escapedQuotes)
        {
            i = ShellQuoteClose(text, i, valueStart + maxValue);
        }

        var valueEnd = i;
        if (escapedQuotes && i < text.Length && text[i] == '\\')
        {
            i++;
        }

        var rawEnd = valueEnd;
        if (quote == '\0')
        {
            while (valueEnd > valueStart && text[valueEnd - 1] is '.' or ':' or '!' or '?')
            {
                valueEnd--;
            }
        }
        else if (i >= text.Length || text[i] != quote)
        {
            // $key = 'gmUGWx… with the line (or the text) ending before the closing quote: a literal cut off or continued
            // with '\' on the next line. A generated token up to there is the secret, or its first part.
            if (quote is not ('\0' or EscapedMarkup.QuoteMark) && !escapedQuotes && AtLineEnd(text, i) && UnclosedToken(text.AsSpan(valueStart, i - valueStart)) is { Length: > 0 } unclosed)
            {
                found.Add(new SecretFinding(kind == KeyKind.Password ? "password" : "generic-secret", valueStart, unclosed.Length));
            }

            return end;
        }

        var value = text.AsSpan(valueStart, valueEnd - valueStart);
        if (value.IsEmpty || (quote == BraceCloser ? IsBracedPlaceholder(value) : SecretText.IsPlaceholder(value)) || SecretText.IsPlaceholderWord(value))
        {
            return end;
        }

        string? detected = kind switch
        {
            // #define PASSWORD_SALT 0x7f4a3c2e9b1d: a macro or command giving a number in hexadecimal, not a password.
            _ when byCommand && quote == '\0' && IsHexLiteral(value) => null,
            // {"dummy": "api-custom-key", "c098f218-…": "…"}: the second string of a pair is the next member's key, not a value.
            _ when pair != Pair.None && quote is not ('\0' or EscapedMarkup.QuoteMark) && IsObjectKeyAfter(text, i + 1) => null,
            _ when IsCodeReference(value, quote != '\0') || IsSecretName(value) || IsOwnName(key, value) || IsLocation(value) || (!spaced && !equals && IsYamlTag(text, valueStart, valueEnd)) => null,
            // password: db_password, "passwordSecretRef": "registry-password": where the secret is kept, by name. Not in a
            // connection string, which holds no references (Password=myPassword; is the value).
            _ when (IsNameOfWordsEndingInSecretWord(value, quote != '\0') || (quote == '\0' && IsSnakeVariableWithSecretWord(value))) && !InConnectionString(text, start, valueEnd) => null,
            // #define aes_set_key nettle_aes_set_key: the same name in another namespace (not in a connection string either).
            _ when IsPrefixedAlias(text.AsSpan(start, end - start), value) && !InConnectionString(text, start, valueEnd) => null,
            // ID: deploy PW: …: under the bare shorthand the value must look like a password, whatever the position.
            KeyKind.Password when IsPasswordShorthand(key) => !spaced && !comparison && pair == Pair.None && LooksLikeShorthandPassword(value) ? "password" : null,
            // typeof token === "object", key === "Escape": a type test or a key name, not a credential.
            KeyKind.Password when comparison => !IsTypeTest(text, start) && LooksLikePlainPassword(value) ? "password" : null,
            KeyKind.Token when comparison => LooksLikeToken(value) || (key.EndsWith("secret", StringComparison.Ordinal) && !IsTypeTest(text, start) && LooksLikePlainPassword(value)) ? "generic-secret" : null,
            // setProperty("db.password", "hunter2") but not ["user", "password", "database"]: a paired value must look like one.
            KeyKind.Password when pair != Pair.None => LooksLikePassword(value) && !IsUpperSnakeName(value) ? "password" : null,
            KeyKind.Password when flagged => value[0] != '$' && LooksLikePlainPassword(value) ? "password" : null,
            KeyKind.Password when spaced => null,
            // "the password (for user 'pyne-user') is "pyne"": a stated, quoted password may be short.
            KeyKind.Password when stated && quote != '\0' && LooksLikeStatedPassword(value) => "password",
            KeyKind.Password when !(ownLine && IsTypeName(value)) && (LooksLikePassword(value) || ((quote != '\0' || equals || (ownLine && EndsLine(text, valueEnd))) && LooksLikePlainPassword(value))) => IsConnectionString(text, start, valueEnd) ? "connection-string-password" : "password",
            // "todoist SECRET 5179f7…", "convertapi KEY abcdef1234567890": a capitalised label names the value after it.
            KeyKind.Token when spaced && quote == '\0' && !stated && CapitalLabel(text, start, end) && LooksLikeLabelledValue(value) => "generic-secret",
            // --token AIhq5Xyb1Gga9Q5, -secret …: a flag naming a token takes a shorter one when it mixes cases and digits.
            KeyKind.Token when spaced && quote == '\0' && !stated && IsFlag(text, start) && LooksLikeFlagToken(value) => "generic-secret",
            KeyKind.Token when spaced && !LooksLikeStrongToken(value) && !(stated && LooksLikeToken(value)) && !(IsFlag(text, start) && text[start + 1] == '-' && LooksLikeToken(value)) => null,
            // JWT: Secret: 'development#product': a quoted value assigned to a name ending in "secret" may be a password.
            KeyKind.Token when quote != '\0' && !spaced && key.EndsWith("secret", StringComparison.Ordinal) && value.IndexOfAny(' ', '\t') < 0 && !IsKebabName(value) && LooksLikePassword(value) => "generic-secret",
            // client_secret: x7Kq9#mw2 in YAML, CLIENT_SECRET=… in an .env file: the same position unquoted, when the value ends
            // its line or was given with "=" (not prose: "The client secret: rotate it…"), has letters with digits or symbols
            // and is not a name of words (db-credentials-v2).
            KeyKind.Token when quote == '\0' && assigned && !spaced && pair == Pair.None && key.EndsWith("secret", StringComparison.Ordinal) && (equals || (ownLine && EndsLine(text, valueEnd))) && LooksLikeUnquotedSecret(value) => "generic-secret",
            KeyKind.Token or KeyKind.Bearer when LooksLikeToken(value) || (quote != '\0' && LooksLikeShortQuotedToken(value)) || (scheme && LooksLikeSchemeToken(value)) || ((scheme || kind == KeyKind.Bearer) && IsEncodedUserPassword(value)) => scheme || kind == KeyKind.Bearer ? "bearer-token" : IsAwsSecret(key, value) ? "aws-secret-key" : "generic-secret",
            // ipstack_key=abcdef…12, uclassify_key=ABC123DEF456, asana_key = "8195513847023883": an assigned key name is a
            // credential position, so a plain run of letters and digits is a credential there even below the entropy floors.
            KeyKind.Token when assigned && !scheme && pair == Pair.None && LooksLikeAssignedKey(value) => "generic-secret",
            _ => null,
        };

        if (detected is not null)
        {
            // A passphrase (a password or a name ending in "secret"; tokens hold no spaces) on a line of its own.
            var passphrase = quote == '\0' && assigned && !byCommand && !scheme && pair == Pair.None && !spaced && valueEnd < text.Length && text[valueEnd] is ' ' or '\t'
                && (kind == KeyKind.Password || key.EndsWith("secret", StringComparison.Ordinal)) && StartsLine(text, start);
            var length = passphrase ? ToLineEnd(text, valueEnd) - valueStart
                : quote == '\0' && IsFirstTableCell(text, start) ? CellEnd(text, valueEnd) - valueStart
                : quote == '\0' && ConnectionValueEnd(text, start, valueEnd) is var fieldEnd && fieldEnd > valueEnd ? fieldEnd - valueStart
                : value.Length + TrailingBangs(text, valueEnd, rawEnd);
            found.Add(new SecretFinding(detected, valueStart, length));
        }

        return end;
    }

    /// <summary>
    /// Where an unquoted value on a <c>name: value</c> or <c>name = value</c> line of its own ends: YAML, INI and
    /// .properties values run to the end of the line, so a passphrase with spaces is one value; a comment after
    /// <c> #</c> or <c> ;</c>, a shell operator and trailing white space are not part of it, nor is a second <c>name=value</c> pair.
    /// </summary>
    private static int ToLineEnd(string text, int valueEnd)
    {
        var last = valueEnd;
        var i = valueEnd;
        while (i < text.Length && i - valueEnd < MaxQuotedValue && text[i] is not ('\n' or '\r'))
        {
            if (text[i] is ' ' or '\t')
            {
                var next = i + 1;
                if (next < text.Length && (text[next] is '#' or ';' or '&' or '|' or '>' or '<' || (text[next] == '/' && next + 1 < text.Length && text[next + 1] == '/') || IsPairAt(text, next)))
                {
                    break;
                }
            }
            else
            {
                last = i + 1;
            }

            i++;
        }

        return last;
    }

    /// <summary>Whether the quote at <paramref name="at"/> is escaped: an odd number of backslashes after <paramref name="from"/> stands before it.</summary>
    private static bool EscapedAt(string text, int from, int at)
    {
        var k = at;
        while (k > from && text[k - 1] == '\\')
        {
            k--;
        }

        return (at - k) % 2 == 1;
    }

    /// <summary>The next <paramref name="quote"/> on the line from <paramref name="from"/> that is not escaped, or -1.</summary>
    private static int ClosingQuote(string text, int from, char quote, int limit)
    {
        for (var j = from; j < text.Length && j < limit && text[j] is not ('\n' or '\r'); j++)
        {
            if (text[j] == quote && !EscapedAt(text, from, j))
            {
                return j;
            }
        }

        return -1;
    }

    /// <summary>A second <c>name=value</c> pair starts at <paramref name="at"/> (<c>host=db port=3306</c>).</summary>
    private static bool IsPairAt(string text, int at)
    {
        var i = at;
        while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '_' or '-' or '.'))
        {
            i++;
        }

        return i > at && i < text.Length && text[i] is '=' or ':';
    }

    /// <summary>
    /// A value glued to its name by '-', '_' or '.' (<c>launchdarkly-secret-&lt;uuid&gt;</c>, <c>prospect-token-&lt;hex&gt;</c>):
    /// the run after the last secret-like word, when it is long, has letters and digits and is varied. Word-only names
    /// (<c>secret-manager-access-role</c>) and short hash suffixes (<c>db-secret-7f9c8d6b5-x2k9p</c>) are not values.
    /// </summary>
    private static void GluedValue(string text, int start, int end, List<SecretFinding> found)
    {
        var name = text.AsSpan(start, end - start);

        // The value follows a separator: a name without one (a word repeated into a long run) has none. A name holds key
        // characters only (ASCII), so its lower-case copy searched ordinally is the case-insensitive search, vectorised.
        if (name.IndexOfAny(GlueSeparators) < 0)
        {
            return;
        }

        Span<char> lower = stackalloc char[MaxKey]; // a name is at most MaxKey characters (Match)
        lower = lower[..name.Length];
        System.Text.Ascii.ToLower(name, lower, out _);
        var tail = -1;
        foreach (var word in GluedWords)
        {
            var at = ((ReadOnlySpan<char>)lower).LastIndexOf(word);
            if (at >= 0 && at + word.Length < name.Length && name[at + word.Length] is '-' or '_' or '.' && at + word.Length + 1 > tail)
            {
                tail = at + word.Length + 1;
            }
        }

        if (tail < 0)
        {
            return;
        }

        var value = name[tail..];
        if (value.Length >= 24 && SecretText.HasLettersAndDigits(value) && SecretText.Entropy(value) >= 3.3 && !SecretText.IsPlaceholder(value) && !IsUpperSnakeName(value) && !IsJoinedWords(value))
        {
            found.Add(new SecretFinding("generic-secret", start + tail, value.Length));
        }
    }

    /// <summary>
    /// A file or identifier name of words and numbers joined by '-', '_' or '.' (<c>santa_assignments_2023_final_v2.xlsx</c>,
    /// <c>count_12345678901234567890</c>): every part is all letters, all digits or at most three characters (<c>v2</c>),
    /// and one part is a word of four letters or more. A random token's parts mix letters and digits.
    /// </summary>
    private static bool IsJoinedWords(ReadOnlySpan<char> value)
    {
        var word = false;
        foreach (var range in value.SplitAny(GlueSeparators))
        {
            var part = value[range];
            var letters = part.Length > 0 && !part.ContainsAnyExcept(AsciiLetters);
            if (!letters && part.ContainsAnyExceptInRange('0', '9') && part.Length > 3)
            {
                return false;
            }

            word |= letters && part.Length >= 4;
        }

        return word;
    }

    private static readonly System.Buffers.SearchValues<char> AsciiLetters = System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

    private static readonly string[] GluedWords = ["secret", "token", "key", "private", "access", "apikey"];

    private static readonly System.Buffers.SearchValues<char> GlueSeparators = System.Buffers.SearchValues.Create("-_.");

    /// <summary>
    /// Typed declarations put a string type between the name and "=": Go's <c>var apiKey string = "…"</c>, TypeScript's,
    /// Kotlin's, Swift's and Python's <c>token: String = "…"</c>, Rust's <c>API_KEY: &amp;str = "…"</c>, Visual Basic's
    /// <c>Dim password As String = "…"</c>.
    /// </summary>
    private static void SkipDeclaredType(string text, ref int i)
    {
        foreach (var type in (ReadOnlySpan<string>)[" string ", " String ", " str ", ": string ", ": str ", " string= ", ": String ", ": &str ", ": &'static str ", " As String ", " as String "])
        {
            if (text.AsSpan(i).StartsWith(type, StringComparison.Ordinal))
            {
                i += type.Length - 1;
                return;
            }
        }
    }

    /// <summary>Where the quote of a string literal opens after white space (line breaks too) from <paramref name="at"/>; else -1.</summary>
    private static int OpenedLiteral(string text, int at)
    {
        var k = at;
        while (k < text.Length && k - at < 40 && char.IsWhiteSpace(text[k]))
        {
            k++;
        }

        return k < text.Length && text[k] is '"' or '\'' ? k : -1;
    }

    /// <summary>Where a <c>&lt;key&gt;</c> or <c>&lt;name&gt;</c> element that holds just the name from <paramref name="start"/> to <paramref name="end"/> closes; else -1.</summary>
    private static int NamingElementEnd(string text, int start, int end)
    {
        if (start < 5 || text[start - 1] != '>')
        {
            return -1;
        }

        if (text.AsSpan(start - 5, 5).Equals("<key>", StringComparison.OrdinalIgnoreCase) && text.AsSpan(end).StartsWith("</key>", StringComparison.OrdinalIgnoreCase))
        {
            return end + "</key>".Length;
        }

        return start >= 6 && text.AsSpan(start - 6, 6).Equals("<name>", StringComparison.OrdinalIgnoreCase) && text.AsSpan(end).StartsWith("</name>", StringComparison.OrdinalIgnoreCase)
            ? end + "</name>".Length
            : -1;
    }

    /// <summary>Where the content of a <c>&lt;string&gt;</c> or <c>&lt;value&gt;</c> element starts, when one follows <paramref name="at"/> after white space; else -1.</summary>
    private static int KeyElementValue(string text, int at)
    {
        var k = at;
        while (k < text.Length && k - at < 64 && char.IsWhiteSpace(text[k]))
        {
            k++;
        }

        foreach (var open in (ReadOnlySpan<string>)["<string>", "<value>"])
        {
            if (text.AsSpan(k).StartsWith(open, StringComparison.OrdinalIgnoreCase))
            {
                return k + open.Length;
            }
        }

        return -1;
    }

    /// <summary><c>key="</c> or <c>name="</c> stands before the name at <paramref name="start"/>, inside an element's opening tag.</summary>
    private static bool NamedByAttribute(string text, int start)
        => start >= 6 && text[start - 1] == '"' && text[start - 2] == '='
            && (text.AsSpan(start - 5, 3).Equals("key", StringComparison.OrdinalIgnoreCase) || (start >= 7 && text.AsSpan(start - 6, 4).Equals("name", StringComparison.OrdinalIgnoreCase)))
            && text.AsSpan(Math.Max(0, start - 64), Math.Min(start, 64)).LastIndexOf('<') > text.AsSpan(Math.Max(0, start - 64), Math.Min(start, 64)).LastIndexOf('>');

    private static int XmlElement(string text, int start, int end, int contentStart, List<SecretFinding> found)
    {
        Span<char> buffer = stackalloc char[MaxKey];
        var name = Normalize(text.AsSpan(start, end - start), buffer);
        var kind = Classify(name);
        if (contentStart >= text.Length)
        {
            return end;
        }

        var close = text.IndexOf('<', contentStart, Math.Min(MaxQuotedValue, text.Length - contentStart));
        if (close < 0)
        {
            return end;
        }

        var valueStart = contentStart;
        var value = text.AsSpan(valueStart, close - valueStart);
        var trimmed = value.Trim();
        valueStart += value.IndexOf(trimmed);
        value = trimmed;

        // Maven settings-security.xml: <master>{…}</master> is the encrypted master password.
        var braced = value.Length > 2 && value[0] == '{' && value[^1] == '}';
        if (braced && name.SequenceEqual("master"))
        {
            kind = KeyKind.Password;
        }

        // Jenkins credentials: {AQAAABAAA…} is the encrypted form; a test value after it is the secret in clear.
        if (braced)
        {
            var inner = value[1..^1];
            var space = inner.LastIndexOf(' ');
            valueStart += 1 + (space < 0 ? 0 : space + 1);
            value = space < 0 ? inner : inner[(space + 1)..];
        }

        // The content is checked for code and references as an assigned value is: ENV['DB_PASSWORD'], settings.DB_PASSWORD,
        // an ARN, a vault path, the name of a secret (<password>mysql.root.password</password>). It is a literal, as a quoted
        // value is: words in camel case there (<password>plainSecret</password>) are a weak password, not a variable.
        if (kind is KeyKind.None or KeyKind.Bearer || value.IsEmpty || SecretText.IsPlaceholder(value) || SecretText.IsPlaceholderWord(value) || IsVariable(value)
            || IsCodeReference(value, quoted: false) || IsSecretName(value) || IsNameOfWordsEndingInSecretWord(value, quoted: true) || IsLocation(value))
        {
            return end;
        }

        var secret = kind == KeyKind.Password ? LooksLikePassword(value) : LooksLikeToken(value);
        if (secret)
        {
            found.Add(new SecretFinding(kind == KeyKind.Password ? "password" : "generic-secret", valueStart, value.Length));
        }

        return end;
    }

    /// <summary>
    /// The name ends in a secret word written in capitals (<c>SECRET</c>, <c>TOKEN</c>, <c>KEY</c>, <c>ACCESS</c>,
    /// <c>PRIVATE</c>, also glued: <c>databoxPRIVATEKEY</c>): the way a label is written in a log or a key listing, not a
    /// word of prose ("the key to success", "a token of thanks").
    /// </summary>
    private static bool CapitalLabel(string text, int start, int end)
    {
        var name = text.AsSpan(start, end - start);
        foreach (var word in CapitalLabels)
        {
            if (name.EndsWith(word, StringComparison.Ordinal) && (name.Length == word.Length || !char.IsAsciiLetterUpper(name[^(word.Length + 1)]) || name.EndsWith("PRIVATEKEY", StringComparison.Ordinal) || name.EndsWith("ACCESSKEY", StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly string[] CapitalLabels = ["SECRET", "TOKEN", "KEY", "ACCESS", "PRIVATE"];

    /// <summary>
    /// The name follows <c>ENV </c> at the start of a line (a Dockerfile) or <c>setx </c> (Windows, also with the name in
    /// double quotes: <c>setx "SONAR_TOKEN" "…"</c>) and is followed by one space and a value; returns where the value
    /// starts, or -1.
    /// </summary>
    private static int SetByCommand(string text, int start, int end)
    {
        var quoted = start >= 6 && end + 2 < text.Length && text[start - 1] == '"' && text[end] == '"';
        var nameStart = quoted ? start - 1 : start;
        var nameEnd = quoted ? end + 1 : end;
        if (nameEnd + 1 >= text.Length || text[nameEnd] != ' ' || text[nameEnd + 1] is ' ' or '\t' or '\r' or '\n' || nameStart < 4 || text[nameStart - 1] != ' ')
        {
            return -1;
        }

        var command = nameStart - 1;
        while (command > 0 && char.IsAsciiLetter(text[command - 1]))
        {
            command--;
        }

        var word = text.AsSpan(command, nameStart - 1 - command);
        var lineStart = command;
        while (lineStart > 0 && text[lineStart - 1] is ' ' or '\t')
        {
            lineStart--;
        }

        // #define PASSWORD "…" (C), %define / %global password … (an RPM spec): a macro named like a secret.
        var sigil = command > 0 ? text[command - 1] : '\0';
        var macroStart = sigil is '#' or '%' ? command - 1 : command;
        while (macroStart > 0 && text[macroStart - 1] is ' ' or '\t')
        {
            macroStart--;
        }

        var atLineStart = lineStart == 0 || text[lineStart - 1] is '\n' or '\r';
        var set = (!quoted && word.SequenceEqual("ENV") && atLineStart)
            || (word.Equals("setx", StringComparison.OrdinalIgnoreCase) && (atLineStart || text[lineStart - 1] is '&' or ';'))
            // SET password "…", set admin_password … (Tcl, SQL*Plus, batch): a command word at the start of the line.
            || (!quoted && (word.SequenceEqual("set") || word.SequenceEqual("SET")) && atLineStart)
            // A C macro's value is code (another macro, a function, a number) unless it is a string literal.
            || (!quoted && ((sigil == '#' && word.SequenceEqual("define") && text[nameEnd + 1] == '"') || (sigil == '%' && (word.SequenceEqual("define") || word.SequenceEqual("global"))))
                && (macroStart == 0 || text[macroStart - 1] is '\n' or '\r'));
        return set ? nameEnd + 1 : -1;
    }

    /// <summary>After a bare space, only "is"/"was" or a long unbroken run can be a value.</summary>
    private static bool SpacedCandidate(string text, int i)
    {
        var rest = text.AsSpan(i, Math.Min(text.Length - i, 64));
        if (rest.StartsWith("is ", StringComparison.OrdinalIgnoreCase) || rest.StartsWith("is:", StringComparison.OrdinalIgnoreCase) || rest.StartsWith("was ", StringComparison.OrdinalIgnoreCase) || rest.StartsWith("was:", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var run = rest.IndexOfAny(' ', '\n', '\r');
        return run < 0 ? rest.Length >= 16 : run >= 16;
    }

    /// <summary>
    /// At <paramref name="i"/> (after a quoted name): an optional comma, then <c>"value":</c>, <c>value=</c> or
    /// <c>'value' =&gt;</c> and an opening quote. Moves <paramref name="i"/> to that quote.
    /// </summary>
    private static bool ValueMember(string text, ref int i, bool nextLine)
    {
        var j = i;
        if (nextLine)
        {
            j += text.AsSpan(j).StartsWith("\r\n", StringComparison.Ordinal) ? 2 : 1;
            j = SkipBlanks(text, j, 16);
        }
        else if (j < text.Length && text[j] == ',')
        {
            j++;
        }

        j = SkipBlanks(text, j, 8);
        if (j < text.Length && text[j] is '"' or '\'')
        {
            j++;
        }

        if (!text.AsSpan(j).StartsWith("value", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        j += "value".Length;
        if (j < text.Length && text[j] is '"' or '\'')
        {
            j++;
        }

        j = SkipBlanks(text, j, 4);
        if (j < text.Length && text[j] is ':' or '=')
        {
            j++;
            if (j < text.Length && text[j] == '>')
            {
                j++;
            }
        }
        else
        {
            return false;
        }

        j = SkipBlanks(text, j, 4);
        if (j >= text.Length || (text[j] is not ('"' or '\'') && !(nextLine && text[j] > ' ')))
        {
            return false;
        }

        i = j;
        return true;

        static int SkipBlanks(string text, int at, int most)
        {
            var k = at;
            while (k < text.Length && k - at < most && text[k] is ' ' or '\t')
            {
                k++;
            }

            return k;
        }
    }

    /// <summary>The name at <paramref name="start"/> is the value of a <c>name:</c> or <c>key:</c> member (<c>- name: DB_PASSWORD</c>, <c>- key: password</c>).</summary>
    private static bool NamesAnEntry(string text, int start)
    {
        var j = start;
        while (j > 0 && start - j < 4 && text[j - 1] is ' ' or '"' or '\'')
        {
            j--;
        }

        if (j == 0 || text[j - 1] != ':')
        {
            return false;
        }

        var member = text.AsSpan(0, j - 1).TrimEnd("\"'");
        return member.EndsWith("name", StringComparison.OrdinalIgnoreCase) || (member.EndsWith("key", StringComparison.OrdinalIgnoreCase) && (member.Length == 3 || !char.IsAsciiLetterOrDigit(member[^4])));
    }

    private static bool SkipSeparator(string text, int start, ref int i, out Pair pair)
    {
        pair = Pair.None;
        // key": "value" / key = value / key => value / key := value / key: value / key ?= value / key .= value
        var skipped = 0;
        var quoted = false;
        // Aligned hashes put many spaces before "=>" (":password       => '…'").
        // JSON written inside a string escapes its quotes: {\"password\": \"…\"}.
        while (i < text.Length && skipped < 4 + 28 && (text[i] is '"' or '\'' or ' ' or '\t' or ']' || (text[i] == '\\' && i + 1 < text.Length && text[i + 1] == '"')) && (skipped < 4 || text[i] is ' ' or '\t'))
        {
            quoted |= text[i] is '"' or '\'';
            i++;
            skipped++;
        }

        if (i >= text.Length)
        {
            return false;
        }

        // process.env.API_TOKEN || "…", config.password ?? '…': the literal a secret-named value falls back to is its value.
        if (FallbackLiteral(text, i) is > 0 and var fallback)
        {
            i = fallback;
            return true;
        }

        // { "name": "RABBITMQ_PASSWORD", "value": "…" } (container environment lists), <add key="ApiSecret" value="…" />
        // (.NET appSettings): the quoted name's "value" member or attribute holds its value.
        if (quoted && ValueMember(text, ref i, nextLine: false))
        {
            return true;
        }

        // "- {name: DB_PASSWORD, value: …}" (the same list as YAML flow mappings): the value member after a comma.
        if (!quoted && text[i] == ',' && NamesAnEntry(text, start) && ValueMember(text, ref i, nextLine: false))
        {
            return true;
        }

        // "- name: DB_PASSWORD\n  value: …" (a Kubernetes environment list in YAML): the value on the next line.
        if (text[i] is '\r' or '\n' && NamesAnEntry(text, start) && ValueMember(text, ref i, nextLine: true))
        {
            return true;
        }

        // setProperty("db.password", "…"), Header.Set("X-Api-Key", "…"): a quoted name, a comma, the value. A pair whose
        // opening is not in view ("sonar.login', '…'") counts for token names only (a list of password field names must not).
        if (quoted && text[i] == ',')
        {
            var callArgument = IsCallArgument(text, start);
            var next = i + 1;
            while (next < text.Length && next - i < 4 && text[next] == ' ')
            {
                next++;
            }

            // env("SECRET_KEY", default="…"), os.environ.get("API_TOKEN", default='…'): the default given by keyword.
            if (callArgument && text.AsSpan(next).StartsWith("default=", StringComparison.Ordinal))
            {
                pair = Pair.CallArgument;
                i = next + "default=".Length;
                return true;
            }

            if (callArgument || (next < text.Length && text[next] is '"' or '\''))
            {
                pair = callArgument ? Pair.CallArgument : Pair.WithoutOpening;
                i++;
                return true;
            }
        }

        // "Unseal Key 2: …", "Recovery Key 1: …": a numbered name.
        if (char.IsAsciiDigit(text[i]) && text[i - 1] == ' ' && skipped == 1)
        {
            var digits = i;
            while (digits < text.Length && digits - i < 2 && char.IsAsciiDigit(text[digits]))
            {
                digits++;
            }

            if (digits + 1 < text.Length && text[digits] == ':' && text[digits + 1] == ' ')
            {
                i = digits + 1;
                return true;
            }
        }

        // | password | Xk9… |: a Markdown table's first cell names the value in the next one.
        if (text[i] == '|' && IsFirstTableCell(text, start))
        {
            i++;
            return true;
        }

        // Makefile "?=", "::=", "+=", PHP ".=".
        if (text[i] is '?' or '+' or '.' && i + 1 < text.Length && text[i + 1] == '=')
        {
            i += 2;
            return true;
        }

        if (text.AsSpan(i).StartsWith("::=", StringComparison.Ordinal))
        {
            i += 3;
            return true;
        }

        // <add key="DbPassword" value="…"/>
        if (text.AsSpan(i).StartsWith("value=", StringComparison.OrdinalIgnoreCase))
        {
            i += 6;
            return true;
        }

        if (text[i] == ':')
        {
            i++;
            if (i < text.Length && text[i] == '=')
            {
                i++;
            }

            return i >= text.Length || text[i] != ':';
        }

        if (text[i] == '=')
        {
            i++;
            if (i < text.Length && text[i] == '>')
            {
                i++;
                return true;
            }

            return i >= text.Length || text[i] != '=';
        }

        return false;
    }

    /// <summary>
    /// At <paramref name="i"/>: <c>||</c> or <c>??</c>, then (after at most three spaces) an opening quote; returns the
    /// quote's index, or -1. A fallback to another name (<c>token || defaultToken</c>) is no literal.
    /// </summary>
    private static int FallbackLiteral(string text, int i)
    {
        if (i + 2 >= text.Length || !(text[i] == text[i + 1] && text[i] is '|' or '?'))
        {
            return -1;
        }

        var next = i + 2;
        while (next < text.Length && next - i < 5 && text[next] == ' ')
        {
            next++;
        }

        return next < text.Length && text[next] is '"' or '\'' or '`' ? next : -1;
    }

    /// <summary>
    /// Whether <paramref name="name"/> holds a part that names a record or a thing, not a credential (<c>idempotency</c>,
    /// <c>cachekey</c>, <c>partitionkey</c>, <c>keyboard</c>…): what <see cref="Classify"/> reads as no secret.
    /// </summary>
    internal static bool HoldsNotSecretPart(ReadOnlySpan<char> name)
    {
        Span<char> buffer = stackalloc char[MaxKey];
        var key = Normalize(name, buffer);
        return key.Length >= ShortestNotSecretPart && key.ContainsAny(NotSecretPartSearch);
    }

    private static KeyKind Classify(ReadOnlySpan<char> key)
    {
        if (key.IsEmpty)
        {
            return KeyKind.None;
        }

        // One search says whether any non-secret part is there (most names hold none); only then is each looked for.
        if (key.Length >= ShortestNotSecretPart && key.ContainsAny(NotSecretPartSearch))
        {
            foreach (var part in NotSecretParts)
            {
                if (key.LastIndexOf(part, StringComparison.Ordinal) is >= 0 and var at)
                {
                    // secretarySecret, passengerPassword: a secret word after the non-secret one still names a secret
                    // (not PublicKeyToken: a token part after "publickey" is the assembly's public key token).
                    var rest = key[(at + part.Length)..];
                    return rest.Contains("secret", StringComparison.Ordinal) || ContainsPasswordPart(rest) || NamesOwnKey(rest) ? Classify(rest) : KeyKind.None;
                }
            }
        }

        // page-token, nextPageToken, continuationToken: a cursor into a listing, not a credential.
        foreach (var cursor in CursorNames)
        {
            if (key.SequenceEqual(cursor))
            {
                return KeyKind.None;
            }
        }

        if (key.SequenceEqual("bearer"))
        {
            return KeyKind.Bearer;
        }

        // ado_pat, gitlab_pat: a personal access token ("…at" is otherwise a timestamp name).
        if (key.EndsWith("pat", StringComparison.Ordinal))
        {
            return KeyKind.Token;
        }

        // Only the suffixes ending in the name's last character can end it.
        var last = key[^1];
        foreach (var suffix in last < NotSecretSuffixesByLast.Length ? NotSecretSuffixesByLast[last] : [])
        {
            if (key.EndsWith(suffix, StringComparison.Ordinal) && key.Length > suffix.Length)
            {
                return KeyKind.None;
            }
        }

        // One search says whether any password or token part is there; only then is each looked for, in order.
        var hasPart = key.ContainsAny(SecretPartSearch);
        foreach (var part in hasPart ? PasswordParts : [])
        {
            if (key.Contains(part, StringComparison.Ordinal))
            {
                return KeyKind.Password;
            }
        }

        if (key.SequenceEqual("pass") || key.EndsWith("pass", StringComparison.Ordinal) || (key.Length > 2 && key.EndsWith("pw", StringComparison.Ordinal)) || IsPasswordShorthand(key) || EndsWithPasswordAbbreviation(key))
        {
            return KeyKind.Password;
        }

        foreach (var part in hasPart ? TokenParts : [])
        {
            if (key.Contains(part, StringComparison.Ordinal))
            {
                return KeyKind.Token;
            }
        }

        foreach (var suffix in TokenSuffixes)
        {
            if (key.EndsWith(suffix, StringComparison.Ordinal))
            {
                return KeyKind.Token;
            }
        }

        return IsIndexedKeyName(key) ? KeyKind.Token : KeyKind.None;
    }

    /// <summary>A number written in hexadecimal: <c>0x</c>, then hexadecimal digits only.</summary>
    private static bool IsHexLiteral(ReadOnlySpan<char> value)
        => value.Length > 2 && value[0] == '0' && value[1] is 'x' or 'X' && !value[2..].ContainsAnyExcept("0123456789abcdefABCDEF");

    /// <summary>The name ends in an abbreviation of "password" (<c>pswd</c>, <c>x3pswd</c>, <c>paswrd</c>).</summary>
    private static bool EndsWithPasswordAbbreviation(ReadOnlySpan<char> key)
    {
        if (key.Length < 4 || key[^1] != 'd')
        {
            return false;
        }

        foreach (var abbreviation in PasswordAbbreviations)
        {
            if (key.EndsWith(abbreviation, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Only white space or a YAML list dash stands before <paramref name="start"/> on its line.</summary>
    private static bool StartsLine(string text, int start)
    {
        var k = start;
        while (k > 0 && text[k - 1] is ' ' or '\t')
        {
            k--;
        }

        if (k > 0 && text[k - 1] == '-')
        {
            k--;
            while (k > 0 && text[k - 1] is ' ' or '\t')
            {
                k--;
            }
        }

        return k == 0 || text[k - 1] is '\n' or '\r';
    }

    /// <summary>A type in a declaration (<c>pass: number</c> in a TypeScript object type, <c>password: str</c>), not a value.</summary>
    private static bool IsTypeName(ReadOnlySpan<char> value)
    {
        foreach (var type in (ReadOnlySpan<string>)["number", "boolean", "bigint", "unknown", "object", "symbol", "integer", "double", "float", "string", "bytes", "SecretStr", "SecureString", "Optional"])
        {
            if (value.StartsWith(type, StringComparison.OrdinalIgnoreCase) && (value.Length == type.Length || value[type.Length] is '|' or '[' or '<' or '?'))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// How many '!' the unquoted value's end left out (<c>pw: Welcome1!</c>): the value is judged without them, as prose
    /// may end a sentence so, but they are redacted with it, as they are often the password's last character.
    /// </summary>
    private static int TrailingBangs(string text, int valueEnd, int rawEnd)
    {
        var k = valueEnd;
        while (k < rawEnd && text[k] == '!')
        {
            k++;
        }

        return k - valueEnd;
    }

    /// <summary>Only white space follows <paramref name="end"/> on its line.</summary>
    private static bool EndsLine(string text, int end)
    {
        var k = end;
        while (k < text.Length && text[k] is ' ' or '\t')
        {
            k++;
        }

        return k == text.Length || text[k] is '\n' or '\r';
    }

    private static bool ContainsPasswordPart(ReadOnlySpan<char> key)
    {
        foreach (var part in PasswordParts)
        {
            if (key.Contains(part, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A variable name that itself names a secret (<c>"GIT_ASKPASS", "SSH_ASKPASS"</c>, <c>DB_PASSWORD=ADMIN_PASSWORD</c>):
    /// upper-case words joined by '_', one of them secret-like. A reference to a secret, not its value.
    /// </summary>
    private static bool IsSecretName(ReadOnlySpan<char> value)
    {
        if (!IsUpperSnakeName(value))
        {
            return false;
        }

        Span<char> buffer = stackalloc char[MaxKey];
        return Classify(Normalize(value, buffer)) != KeyKind.None;
    }

    /// <summary>
    /// The name of a secret in words (<c>db_password</c>, <c>registry-password</c>, <c>mysql.root.password</c>,
    /// <c>stripe_api_key</c>; unquoted also a variable in camel case, <c>adminPassword</c>): letters joined by '_', '-' or
    /// '.', two words or more, the last a secret's word. A generated value has digits or symbols, or runs that are no
    /// words; a quoted <c>"MyPassword"</c> is a (weak) password written in words, not a name.
    /// </summary>
    private static bool IsNameOfWordsEndingInSecretWord(ReadOnlySpan<char> value, bool quoted)
    {
        if (value.Length is < 5 or > MaxKey || !char.IsAsciiLetter(value[0]) || value.ContainsAnyExcept(NameOfWordsChars) || !SecretRandomLetters.IsNameOfWords(value)
            || (value.IndexOfAny("_-.") < 0 && (quoted || !char.IsAsciiLetterLower(value[0]))))
        {
            return false;
        }

        // The last word: the small letters at the end, with the capital before them (camel case).
        var start = value.Length;
        while (start > 0 && char.IsAsciiLetterLower(value[start - 1]))
        {
            start--;
        }

        if (start > 0 && char.IsAsciiLetterUpper(value[start - 1]))
        {
            start--;
        }

        if (start == value.Length && !value.ContainsAny(LowerLetters))
        {
            // DB-PASSWORD, ROOT.PASSWORD: capitals only, the last word after a separator.
            start = value.LastIndexOfAny("_-.") + 1;
        }

        if (start == 0)
        {
            return false;
        }

        var last = value[start..];
        foreach (var word in SecretWords)
        {
            if (last.Equals(word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        // service_user, bucket_name, admin_placeholder: the name of a setting, as config scanners take it (whispers'
        // compliant values end in "_user", "_name" or "_placeholder"); only after a separator, so "Superuser" stays a value.
        foreach (var word in SettingWords)
        {
            if (last.Equals(word, StringComparison.OrdinalIgnoreCase) && start > 0 && value[start - 1] is '_' or '-' or '.')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// An unquoted name in small letters joined by '_' with a secret's word anywhere in it (<c>fallback_getpass</c>,
    /// <c>password_mgr</c>, <c>oauth_secret_loader</c>): code assigning one variable to another. A password of words
    /// without such a word (<c>open_sesame</c>) stays a value.
    /// </summary>
    private static bool IsSnakeVariableWithSecretWord(ReadOnlySpan<char> value)
        => value.Length <= MaxKey && value.Contains('_') && value[0] != '_' && value[^1] != '_' && !value.ContainsAnyExcept("abcdefghijklmnopqrstuvwxyz_")
            && (value.Contains("pass", StringComparison.Ordinal) || value.Contains("secret", StringComparison.Ordinal) || value.Contains("token", StringComparison.Ordinal));

    private static readonly string[] SettingWords = ["user", "username", "name", "placeholder"];

    private static readonly string[] SecretWords = ["password", "passwd", "pwd", "pass", "passphrase", "secret", "secrets", "token", "key", "apikey", "credential", "credentials"];

    private static readonly System.Buffers.SearchValues<char> NameOfWordsChars = System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_-.");

    /// <summary>An environment-variable style name: <c>GIT_PAGER</c>, <c>DB_PASSWORD</c>.</summary>
    private static bool IsUpperSnakeName(ReadOnlySpan<char> value)
        => value.Length <= MaxKey && char.IsAsciiLetterUpper(value[0]) && value.Contains('_') && !value.ContainsAnyExcept("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_");

    private static ReadOnlySpan<char> Normalize(ReadOnlySpan<char> key, Span<char> buffer)
    {
        var length = 0;
        foreach (var c in key)
        {
            if (char.IsAsciiLetterOrDigit(c) && length < buffer.Length)
            {
                buffer[length++] = char.ToLowerInvariant(c);
            }
        }

        return buffer[..length];
    }

    /// <summary>True when <paramref name="name"/> (a key as written: <c>X-Api-Key</c>, <c>db_password</c>) names a secret.</summary>
    internal static bool NamesSecret(ReadOnlySpan<char> name)
    {
        Span<char> buffer = stackalloc char[MaxKey];
        return name.Length <= MaxKey && Classify(Normalize(name, buffer)) != KeyKind.None;
    }

    internal static bool IsKeyChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.';

    /// <summary>Where a quoted value stops: at its quote, the line's end or <paramref name="limit"/>.</summary>
    private static int QuotedValueEnd(string text, int valueStart, int limit, char quote)
    {
        var i = valueStart;
        while (i < text.Length && i < limit && IsValueChar(text[i], quote, KeyKind.None))
        {
            i++;
        }

        return i;
    }

    /// <summary>
    /// How many names of secrets assigned inside an unquoted value it may hold: a URL's query in a credential position
    /// (<c>password: https://…/reset?token=…</c>) and a generated password that spells a name by chance
    /// (<c>…:kpat=…</c>) are one value, read whole; a run of more is a run of assignments.
    /// </summary>
    private const int InnerAssignmentsInValue = 2;

    /// <summary>
    /// Where an unquoted value stops: at a character no value holds, unless an '&amp;' or a closer belongs to it (see
    /// <see cref="AmpersandInValue"/>, <see cref="BracketInValue"/>); before the name of a secret assigned inside it
    /// once <see cref="InnerAssignmentsInValue"/> have been passed (<c>key=key=key=…</c>), which is read as its own
    /// assignment; or at <paramref name="limit"/>. One pass: the openers seen so far are kept as bits, so a value of many
    /// closers costs its length, and an attacker's run of assignments with no white space (a tool result of "key="
    /// repeated) costs each name a few names' length instead of the rest of the run.
    /// </summary>
    private static int UnquotedValueEnd(string text, int valueStart, int limit, KeyKind kind, ref InnerNames innerNames)
    {
        var openers = Openers.None;
        var assignments = 0;
        var i = valueStart;
        for (; i < text.Length && i < limit; i++)
        {
            var c = text[i];
            if (IsValueChar(c, '\0', kind))
            {
                if (c == '=' && innerNames.NameAt(text, i) is var name && name > valueStart && ++assignments > InnerAssignmentsInValue)
                {
                    return name;
                }
            }
            else if (c == '&' && i > valueStart && EscapedMarkup.CharacterInValue(text, i) is > 0 and var escaped)
            {
                // Rt5#k&amp;x9…, Kw9%$t&amp;lt;…: the value's own '&' or '<' as escaped markup writes it.
                i += escaped - 1;
                continue;
            }
            else if (i == valueStart || !(c == '&' ? AmpersandInValue(text, i) : BracketInValue(text, i, openers)))
            {
                break;
            }

            openers |= c switch { '(' => Openers.Parenthesis, '[' => Openers.Bracket, '{' => Openers.Brace, '<' => Openers.Angle, _ => Openers.None };
        }

        return i;
    }

    [Flags]
    private enum Openers
    {
        None = 0,
        Parenthesis = 1,
        Bracket = 2,
        Brace = 4,
        Angle = 8,
    }

    /// <summary>
    /// An unquoted value's '&amp;' belongs to it (<c>SECRET_KEY=wwf*2#…@fy&amp;*gg76q!&amp;%6x…</c>: Django keys draw from
    /// <c>!@#$%^&amp;*(-_=+)</c>) unless it separates the next query parameter (<c>&amp;page=2</c>), is an HTML entity
    /// (<c>&amp;amp;</c>), a shell operator (<c>&amp;&amp;</c>, a trailing <c>&amp;</c>) or ends the text.
    /// </summary>
    private static bool AmpersandInValue(string text, int at)
    {
        var next = at + 1;
        if (next >= text.Length || text[next] is '&' or ';' || char.IsWhiteSpace(text[next]) || !IsValueChar(text[next], '\0', KeyKind.None))
        {
            return false;
        }

        var run = next;
        while (run < text.Length && run - next < 64 && (IsKeyChar(text[run]) || text[run] is '[' or ']' or '#'))
        {
            run++;
        }

        // "&page=2" opens the next parameter; "&amp;", "&#38;" are entities. An entity's name opens with a letter or '#':
        // Password=Tr0ub4dor&3xYz; holds its '&', and cut there the tail reached the audit file.
        return run == next || run >= text.Length || text[run] is not ('=' or ';') || (text[run] == ';' && !(char.IsAsciiLetter(text[next]) || text[next] == '#'));
    }

    /// <summary>
    /// An unquoted value's ')', ']', '}', '&gt;' or '&lt;' belongs to it when the value goes on after it and nothing in
    /// the value opened it (<c>DB_PASSWORD=u@D7Gt)t&gt;8d(LtH^(lvZ&lt;g=</c>: a generated password draws from every
    /// symbol; cut at the ')', the rest reached the audit file). A closer that ends a call or a group
    /// (<c>f(password=hunter2)</c>, <c>getPass()</c>), one followed by white space, punctuation or the end, and a tag
    /// (<c>&lt;br&gt;</c>, <c>&lt;/td&gt;</c>, <c>&lt;div class</c>) still end the value.
    /// </summary>
    private static bool BracketInValue(string text, int at, Openers opened)
    {
        var c = text[at];
        var next = at + 1;
        if (c is not (')' or ']' or '}' or '>' or '<') || next >= text.Length || !(char.IsAsciiLetterOrDigit(text[next]) || text[next] is '!' or '@' or '#' or '$' or '%' or '^' or '*' or '(' or '-' or '_' or '=' or '+'))
        {
            return false;
        }

        var opener = c switch { ')' => Openers.Parenthesis, ']' => Openers.Bracket, '}' => Openers.Brace, '>' => Openers.Angle, _ => Openers.None };
        if ((opened & opener) != 0)
        {
            return false;
        }

        if (c == '<')
        {
            // "<br>", "<div class=…>", "</td>": markup after the value.
            var name = next;
            while (name < text.Length && char.IsAsciiLetterOrDigit(text[name]))
            {
                name++;
            }

            return char.IsAsciiLetter(text[next]) ? name < text.Length && text[name] is not ('>' or ' ' or '/' or '\t' or '\n' or '\r') : true;
        }

        return true;
    }

    private static bool IsValueChar(char c, char quote, KeyKind kind)
    {
        if (quote != '\0')
        {
            return c != quote && c is not ('\n' or '\r');
        }

        return c > ' ' && c is not (',' or ';' or '&' or '"' or '\'' or '<' or '>' or ')' or ']' or '}' or '`') && !(c == ';' && kind == KeyKind.Password);
    }

    /// <summary>How a quoted name and its value were paired: not at all, as call arguments, or with the opening out of view.</summary>
    /// <summary>
    /// After the closing quote of a paired string, blanks and a single ':' follow: the string names an object's member
    /// (<c>"c098f218-…": "…"</c>); <c>::</c> (a scope) and a ':' of a ternary after a call's ')' are no such thing.
    /// </summary>
    private static bool IsObjectKeyAfter(string text, int afterQuote)
    {
        var k = afterQuote;
        while (k < text.Length && k - afterQuote < 8 && text[k] is ' ' or '\t')
        {
            k++;
        }

        return k < text.Length && text[k] == ':' && (k + 1 >= text.Length || text[k + 1] != ':');
    }

    private enum Pair
    {
        None,
        CallArgument,
        WithoutOpening,
    }

    private enum KeyKind
    {
        None,
        Password,
        Token,
        Bearer,
    }
}
