namespace AgentGuard;

/// <summary>
/// Secrets assigned to key-like names: <c>password=…</c>, <c>"api_key": "…"</c>, <c>token: …</c>,
/// <c>Authorization: Bearer …</c>, <c>Password=…;</c> in connection strings. Password-named values must look like a
/// password (two character classes, or long and varied); other key-like names need a high-entropy value of at least
/// 16 characters (Shannon entropy of at least <see cref="MinEntropy"/> bits per character).
/// </summary>
internal static class KeyValueSecrets
{
    /// <summary>The least Shannon entropy, in bits per character, of a value next to a token-like name.</summary>
    internal const double MinEntropy = 3.2;

    private const int MaxKey = 64;
    private const int MaxValue = 512;

    /// <summary>A quoted value may be a long token (a 2,000-character JWT): it is read to its closing quote up to this length.</summary>
    private const int MaxQuotedValue = 8192;

    private static readonly string[] PasswordParts = ["password", "passwd", "passphrase", "pwd"];
    private static readonly string[] TokenParts = ["secret", "token", "apikey", "credential", "bearer", "authorization"];
    private static readonly string[] TokenSuffixes = ["key", "keys", "auth", "pat"];

    private static readonly string[] NotSecretParts =
    [
        "idempotency", "cachekey", "partitionkey", "primarykey", "foreignkey", "sortkey", "rowkey", "publickey", "pubkey", "hotkey",
        "keyboard", "monkey", "donkey", "turkey", "jockey", "hockey", "whiskey", "objectkey", "bucketkey", "lookupkey", "dedupkey",
        "routingkey", "groupkey", "mapkey", "i18nkey", "translationkey", "messagekey", "tokenizer", "passport", "passage", "passenger",
        "bypass", "compass", "surpass", "keyname", "keyword", "secretary", "secretion", "tokenize",
    ];

    private static readonly string[] NotSecretSuffixes =
    [
        "id", "ids", "name", "names", "count", "type", "url", "uri", "length", "len", "at", "expiry", "expires", "expiresin", "ttl", "limit",
        "usage", "used", "file", "path", "hint", "policy", "label", "field", "enabled", "required", "format", "prefix", "version", "tokens",
        "reset", "changed", "updated", "created", "strength", "min", "max", "rotation", "location", "manager", "store", "vault", "header", "param", "ref",
    ];

    /// <summary>Examines the key-like name around <paramref name="at"/>; returns where that name ends.</summary>
    public static int Match(string text, int at, List<SecretFinding> found)
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

        // <password>value</password>, <secret>{AQAAABAAA value}</secret>: an XML element named like a secret.
        if (start > 0 && text[start - 1] == '<' && end < text.Length && text[end] == '>')
        {
            return XmlElement(text, start, end, found);
        }

        // "Password:" inside a string ("passwordLabel: "Password:","): a label, not an assignment.
        if (start > 0 && text[start - 1] is '"' or '\'' && end + 1 < text.Length && text[end] == ':' && text[end + 1] == text[start - 1])
        {
            return end;
        }

        // new NetworkCredential("user", "password"): the second argument.
        if (end < text.Length && text[end] == '(' && text.AsSpan(start, end - start).EndsWith("Credential", StringComparison.OrdinalIgnoreCase))
        {
            CredentialArguments(text, end + 1, found);
            return end;
        }

        // Cheap checks first: most anchor hits are prose ("key points", "the token budget") with no value after them.
        var i = end;
        var spaced = false;
        var comparison = false;
        SkipDeclaredType(text, ref i);
        var assigned = SkipSeparator(text, start, ref i);
        if (!assigned && Comparison(text, end, out var literal))
        {
            // if password == "hunter2": a hard-coded credential checked in code.
            i = literal;
            comparison = true;
        }
        else if (!assigned)
        {
            // "token <value>", "--api-key <value>", "password is <value>", "Bearer <value>": a bare space.
            i = end;
            if (i >= text.Length || text[i] != ' ' || !(SpacedCandidate(text, i + 1) || IsFlag(text, start) || LineHasLogin(text, start)))
            {
                return end;
            }

            spaced = true;
        }

        Span<char> buffer = stackalloc char[MaxKey];
        var key = Normalize(text.AsSpan(start, end - start), buffer);
        var kind = Classify(key);
        if (kind == KeyKind.None || (kind == KeyKind.Bearer && !spaced))
        {
            return end;
        }

        // "-Password VMware1!", "--password hunter2", netrc "login joe password hunter2": a value given on a command line.
        var stated = false;
        var flagged = spaced && kind == KeyKind.Password && (IsFlag(text, start) || LineHasLogin(text, start));
        var equals = assigned && text.AsSpan(end, i - end).Contains('=');
        while (i < text.Length && i - end < 40 && text[i] is ' ' or '\t')
        {
            i++;
        }

        var quote = i < text.Length && text[i] is '"' or '\'' or '`' ? text[i] : '\0';
        if (quote != '\0')
        {
            i++;
        }
        else if (comparison)
        {
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
        var maxValue = quote != '\0' ? MaxQuotedValue : MaxValue;
        foreach (var prefix in (ReadOnlySpan<string>)["Bearer ", "Basic ", "Token "])
        {
            if (text.AsSpan(i).StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                i += prefix.Length;
                scheme = true;
                break;
            }
        }

        var valueStart = i;
        while (i < text.Length && i - valueStart < maxValue && IsValueChar(text[i], quote, kind))
        {
            i++;
        }

        var valueEnd = i;
        if (quote == '\0')
        {
            while (valueEnd > valueStart && text[valueEnd - 1] is '.' or ':' or '!' or '?')
            {
                valueEnd--;
            }
        }
        else if (i >= text.Length || text[i] != quote)
        {
            return end;
        }

        var value = text.AsSpan(valueStart, valueEnd - valueStart);
        if (value.IsEmpty || SecretText.IsPlaceholder(value) || SecretText.IsPlaceholderWord(value))
        {
            return end;
        }

        string? detected = kind switch
        {
            _ when IsCodeReference(value) => null,
            KeyKind.Password or KeyKind.Token when comparison => LooksLikePlainPassword(value) ? "password" : null,
            KeyKind.Password when flagged => value[0] != '$' && LooksLikePlainPassword(value) ? "password" : null,
            KeyKind.Password when spaced => null,
            KeyKind.Password when LooksLikePassword(value) || ((quote != '\0' || equals) && LooksLikePlainPassword(value)) => IsConnectionString(text, start, valueEnd) ? "connection-string-password" : "password",
            KeyKind.Token when spaced && !LooksLikeStrongToken(value) && !(stated && LooksLikeToken(value)) && !(IsFlag(text, start) && text[start + 1] == '-' && LooksLikeToken(value)) => null,
            KeyKind.Token or KeyKind.Bearer when LooksLikeToken(value) || (quote != '\0' && LooksLikeShortQuotedToken(value)) || (scheme && LooksLikeSchemeToken(value)) => scheme || kind == KeyKind.Bearer ? "bearer-token" : IsAwsSecret(key, value) ? "aws-secret-key" : "generic-secret",
            _ => null,
        };

        if (detected is not null)
        {
            found.Add(new SecretFinding(detected, valueStart, value.Length));
        }

        return end;
    }

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
    private static bool IsFlag(string text, int start) => text[start] == '-' && (start == 0 || text[start - 1] is ' ' or '\t');

    /// <summary>netrc and similar: <c>machine host login joe password hunter2</c>.</summary>
    private static bool LineHasLogin(string text, int start)
    {
        var lineStart = start == 0 ? -1 : text.LastIndexOf('\n', start - 1, Math.Min(start, 256));
        var line = text.AsSpan(lineStart + 1, start - lineStart - 1);
        return line.Contains("login ", StringComparison.Ordinal) || (line.IsWhiteSpace() && lineStart > 0 && text.AsSpan(Math.Max(0, lineStart - 256), lineStart - Math.Max(0, lineStart - 256)).Contains("login ", StringComparison.Ordinal));
    }

    /// <summary>Go and Java declarations put a type between the name and "=": <c>var apiKey string = "…"</c>.</summary>
    private static void SkipDeclaredType(string text, ref int i)
    {
        foreach (var type in (ReadOnlySpan<string>)[" string ", " String ", " str ", ": string ", ": str ", " string= "])
        {
            if (text.AsSpan(i).StartsWith(type, StringComparison.Ordinal))
            {
                i += type.Length - 1;
                return;
            }
        }
    }

    private static int XmlElement(string text, int start, int end, List<SecretFinding> found)
    {
        Span<char> buffer = stackalloc char[MaxKey];
        var kind = Classify(Normalize(text.AsSpan(start, end - start), buffer));
        var close = text.IndexOf('<', end + 1, Math.Min(MaxValue, text.Length - end - 1));
        if (kind is KeyKind.None or KeyKind.Bearer || close < 0)
        {
            return end;
        }

        var valueStart = end + 1;
        var value = text.AsSpan(valueStart, close - valueStart);
        var trimmed = value.Trim();
        valueStart += value.IndexOf(trimmed);
        value = trimmed;

        // Jenkins credentials: {AQAAABAAA…} is the encrypted form; a test value after it is the secret in clear.
        if (value.Length > 2 && value[0] == '{' && value[^1] == '}')
        {
            var inner = value[1..^1];
            var space = inner.LastIndexOf(' ');
            valueStart += 1 + (space < 0 ? 0 : space + 1);
            value = space < 0 ? inner : inner[(space + 1)..];
        }

        if (value.IsEmpty || SecretText.IsPlaceholder(value) || SecretText.IsPlaceholderWord(value))
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
    /// <c>curl -u user:password</c> and <c>--user user:password</c>: the password is the secret; so is the value of
    /// <c>-p</c> in <c>docker login … -p password</c>.
    /// </summary>
    public static void ScanCurlUser(string text, List<SecretFinding> found)
    {
        ScanPasswordFlag(text, "login ", found);
        ScanPasswordFlag(text, " -u ", found);
        ScanCurl(text, found);
    }

    /// <summary><c>docker login … -p password</c>, <c>psexec \\host -u user -p password</c>: <c>-p</c> after <paramref name="marker"/> on one line.</summary>
    private static void ScanPasswordFlag(string text, string marker, List<SecretFinding> found)
    {
        for (var at = text.IndexOf(marker, StringComparison.Ordinal); at >= 0; at = text.IndexOf(marker, at + marker.Length, StringComparison.Ordinal))
        {
            var lineEnd = text.IndexOf('\n', at);
            var line = text.AsSpan(at, (lineEnd < 0 ? text.Length : lineEnd) - at);
            var flag = line.IndexOf(" -p ", StringComparison.Ordinal);
            if (flag < 0)
            {
                continue;
            }

            var start = at + flag + 4;
            var end = start;
            while (end < text.Length && text[end] is not (' ' or '\n' or '\r' or '"' or '\''))
            {
                end++;
            }

            var password = text.AsSpan(start, end - start);
            if (password.Length >= 6 && password[0] != '$' && !SecretText.IsPlaceholder(password) && !SecretText.IsPlaceholderWord(password))
            {
                found.Add(new SecretFinding("password", start, password.Length));
            }
        }
    }

    private static void ScanCurl(string text, List<SecretFinding> found)
    {
        for (var at = text.IndexOf("curl ", StringComparison.Ordinal); at >= 0; at = text.IndexOf("curl ", at + 5, StringComparison.Ordinal))
        {
            var lineEnd = text.IndexOf('\n', at);
            var line = text.AsSpan(at, (lineEnd < 0 ? text.Length : lineEnd) - at);
            foreach (var flag in (ReadOnlySpan<string>)[" -u ", " --user ", " -u", " --user="])
            {
                var f = line.IndexOf(flag, StringComparison.Ordinal);
                if (f < 0)
                {
                    continue;
                }

                var i = at + f + flag.Length;
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
                while (i < text.Length && text[i] is not (' ' or '\n' or '\r') && text[i] != quote && !(quote == '\0' && text[i] is '"' or '\''))
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

    private static bool SkipSeparator(string text, int start, ref int i)
    {
        // key": "value" / key = value / key => value / key := value / key: value / key ?= value / key .= value
        var skipped = 0;
        var quoted = false;
        // Aligned hashes put many spaces before "=>" (":password       => '…'").
        while (i < text.Length && skipped < 4 + 28 && text[i] is '"' or '\'' or ' ' or '\t' or ']' && (skipped < 4 || text[i] is ' ' or '\t'))
        {
            quoted |= text[i] is '"' or '\'';
            i++;
            skipped++;
        }

        if (i >= text.Length)
        {
            return false;
        }

        // setProperty("db.password", "…"), Header.Set("X-Api-Key", "…"): a quoted name, a comma, the value.
        if (quoted && text[i] == ',' && IsCallArgument(text, start))
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

    private static bool LooksLikePassword(ReadOnlySpan<char> value)
        => value.Length is >= 6 and <= 128 && !LooksLikePath(value) && (SecretText.HasClasses(value, 2) || (value.Length >= 12 && SecretText.Entropy(value) >= 3.0)) && !LooksLikeProse(value);

    /// <summary>
    /// A value in a password position (quoted, assigned with "=", given to a flag, compared in code) that is one plain
    /// word or more: six or more characters without spaces. A single word is a password there (<c>PASSWORD=whiteduke</c>).
    /// </summary>
    private static bool LooksLikePlainPassword(ReadOnlySpan<char> value)
        => value.Length is >= 6 and <= 128 && value.IndexOfAny(' ', '\t') < 0 && !LooksLikePath(value) && !SecretText.IsPlaceholderWord(value) && !SecretText.IsPlaceholder(value);

    /// <summary>After an explicit scheme (<c>Bearer</c>, <c>Basic</c>, <c>Token</c>) a shorter credential still is one.</summary>
    private static bool LooksLikeSchemeToken(ReadOnlySpan<char> value)
        => value.Length is >= 10 and <= MaxQuotedValue && value.IndexOfAny(' ', '\t') < 0 && SecretText.HasLettersAndDigits(value);

    /// <summary>
    /// Code or a reference, not a value: <c>+ getPassword() +</c>, <c>#add-password</c>, <c>env.DB_PASSWORD</c>,
    /// <c>$DB_PASSWORD</c>, <c>arn:aws:iam::aws:policy/…Password</c>, <c>cms/passwords#update</c>.
    /// </summary>
    private static bool IsCodeReference(ReadOnlySpan<char> value)
    {
        if (value[0] is '+' or '#' or ',' or '(' or '[' || value.StartsWith("arn:", StringComparison.Ordinal))
        {
            return true;
        }

        var named = value.Contains("password", StringComparison.OrdinalIgnoreCase) || value.Contains("passwd", StringComparison.OrdinalIgnoreCase) || value.Contains("secret", StringComparison.OrdinalIgnoreCase);
        return named && value.IndexOfAny("/#.$()+[]:") >= 0;
    }

    private static bool LooksLikeStrongToken(ReadOnlySpan<char> value)
        => value.Length >= 24 && SecretText.Entropy(value) >= 3.5;

    private static bool LooksLikeToken(ReadOnlySpan<char> value)
        => value.Length >= 16 && value.IndexOfAny(' ', '\t') < 0 && SecretText.HasLettersAndDigits(value) && SecretText.Entropy(value) >= (value.Length >= 32 ? 3.0 : MinEntropy) && !value.Contains("://", StringComparison.Ordinal);

    /// <summary>
    /// A quoted value next to a secret-like name may be shorter (<c>"host_secret": "cxr9i4q59p9za6"</c>) or letters only
    /// in mixed case (<c>"hfCnuVcYOgiRjlDEmAoRbN"</c>): the quotes and the name carry the evidence.
    /// </summary>
    private static bool LooksLikeShortQuotedToken(ReadOnlySpan<char> value)
        => value.Length is >= 12 and <= 128 && value.IndexOfAny(' ', '\t') < 0 && !value.Contains("://", StringComparison.Ordinal) && !LooksLikePath(value)
            && ((SecretText.HasLettersAndDigits(value) && SecretText.Entropy(value) >= 3.0) || (value.Length >= 20 && SecretText.HasClasses(value, 2) && SecretText.Entropy(value) >= 4.0));

    private static bool LooksLikePath(ReadOnlySpan<char> value)
        => value[0] is '/' or '~' or '\\' || value.StartsWith("./", StringComparison.Ordinal) || (value.Length > 2 && value[1] == ':' && value[2] is '\\' or '/');

    private static bool LooksLikeProse(ReadOnlySpan<char> value)
    {
        // "Reset your password: see the help page", "doesnt start right" — words of plain lower-case letters.
        var spaces = value.Count(' ');
        if (spaces == 0)
        {
            return false;
        }

        var lettersOnly = !value.ContainsAnyExcept("abcdefghijklmnopqrstuvwxyz '");
        return lettersOnly || (spaces >= 3 && !SecretText.HasClasses(value.ToString().Replace(" ", string.Empty, StringComparison.Ordinal), 2));
    }

    private static bool IsAwsSecret(ReadOnlySpan<char> key, ReadOnlySpan<char> value)
        => value.Length == 40 && (key.Contains("aws", StringComparison.Ordinal) || key.Contains("secretaccesskey", StringComparison.Ordinal));

    private static bool IsConnectionString(string text, int keyStart, int valueEnd)
        => (keyStart > 0 && text[keyStart - 1] == ';') || (keyStart > 1 && text[keyStart - 1] == ' ' && text[keyStart - 2] == ';') || (valueEnd < text.Length && text[valueEnd] == ';');

    private static KeyKind Classify(ReadOnlySpan<char> key)
    {
        if (key.IsEmpty)
        {
            return KeyKind.None;
        }

        foreach (var part in NotSecretParts)
        {
            if (key.Contains(part, StringComparison.Ordinal))
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

        foreach (var suffix in NotSecretSuffixes)
        {
            if (key.EndsWith(suffix, StringComparison.Ordinal) && key.Length > suffix.Length)
            {
                return KeyKind.None;
            }
        }

        foreach (var part in PasswordParts)
        {
            if (key.Contains(part, StringComparison.Ordinal))
            {
                return KeyKind.Password;
            }
        }

        if (key.SequenceEqual("pass") || key.EndsWith("pass", StringComparison.Ordinal) || (key.Length > 2 && key.EndsWith("pw", StringComparison.Ordinal)))
        {
            return KeyKind.Password;
        }

        foreach (var part in TokenParts)
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

        return KeyKind.None;
    }

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

    internal static bool IsKeyChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.';

    private static bool IsValueChar(char c, char quote, KeyKind kind)
    {
        if (quote != '\0')
        {
            return c != quote && c is not ('\n' or '\r');
        }

        return c > ' ' && c is not (',' or ';' or '&' or '"' or '\'' or '<' or '>' or ')' or ']' or '}' or '`') && !(c == ';' && kind == KeyKind.Password);
    }

    private enum KeyKind
    {
        None,
        Password,
        Token,
        Bearer,
    }
}
