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

    private static readonly string[] PasswordParts = ["password", "passwd", "passphrase", "pwd"];
    private static readonly string[] TokenParts = ["secret", "token", "apikey", "credential", "bearer", "authorization"];
    private static readonly string[] TokenSuffixes = ["key", "keys", "auth"];

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
        "reset", "changed", "updated", "created", "strength", "min", "max", "rotation", "location", "manager", "store", "vault", "header", "param",
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

        // Cheap checks first: most anchor hits are prose ("key points", "the token budget") with no value after them.
        var i = end;
        var spaced = false;
        if (!SkipSeparator(text, ref i))
        {
            // "token <value>", "--api-key <value>", "password is <value>", "Bearer <value>": a bare space.
            i = end;
            if (i >= text.Length || text[i] != ' ' || !SpacedCandidate(text, i + 1))
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

        while (i < text.Length && i - end < 12 && text[i] is ' ' or '\t')
        {
            i++;
        }

        var quote = i < text.Length && text[i] is '"' or '\'' or '`' ? text[i] : '\0';
        if (quote != '\0')
        {
            i++;
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
        while (i < text.Length && i - valueStart < MaxValue && IsValueChar(text[i], quote, kind))
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
            KeyKind.Password when spaced => null,
            KeyKind.Password when LooksLikePassword(value) => IsConnectionString(text, start, valueEnd) ? "connection-string-password" : "password",
            KeyKind.Token when spaced && !LooksLikeStrongToken(value) => null,
            KeyKind.Token or KeyKind.Bearer when LooksLikeToken(value) => scheme || kind == KeyKind.Bearer ? "bearer-token" : IsAwsSecret(key, value) ? "aws-secret-key" : "generic-secret",
            _ => null,
        };

        if (detected is not null)
        {
            found.Add(new SecretFinding(detected, valueStart, value.Length));
        }

        return end;
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

    private static bool SkipSeparator(string text, ref int i)
    {
        // key": "value" / key = value / key => value / key := value / key: value
        var skipped = 0;
        while (i < text.Length && skipped < 4 && text[i] is '"' or '\'' or ' ' or '\t' or ']')
        {
            i++;
            skipped++;
        }

        if (i >= text.Length)
        {
            return false;
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

    private static bool LooksLikeStrongToken(ReadOnlySpan<char> value)
        => value.Length >= 24 && SecretText.Entropy(value) >= 3.5;

    private static bool LooksLikeToken(ReadOnlySpan<char> value)
        => value.Length >= 16 && value.IndexOfAny(' ', '\t') < 0 && SecretText.HasLettersAndDigits(value) && SecretText.Entropy(value) >= MinEntropy && !value.Contains("://", StringComparison.Ordinal);

    private static bool LooksLikePath(ReadOnlySpan<char> value)
        => value[0] is '/' or '~' or '\\' || value.StartsWith("./", StringComparison.Ordinal) || (value.Length > 2 && value[1] == ':' && value[2] is '\\' or '/');

    private static bool LooksLikeProse(ReadOnlySpan<char> value)
    {
        // "Reset your password: see the help page" — several words of plain letters.
        var spaces = value.Count(' ');
        return spaces >= 3 && !SecretText.HasClasses(value.ToString().Replace(" ", string.Empty, StringComparison.Ordinal), 2);
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

        if (key.SequenceEqual("pass") || key.EndsWith("pass", StringComparison.Ordinal))
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
