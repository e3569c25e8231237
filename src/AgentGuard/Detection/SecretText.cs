namespace AgentGuard;

/// <summary>Small tests on candidate secret values: entropy, character classes, placeholders.</summary>
internal static class SecretText
{
    private static readonly string[] PlaceholderParts = ["example", "sample", "placeholder", "your", "xxxx", "redacted", "dummy", "changeme", "****", "...", "…", "${", "$(", "%(", "{{", "}}", "%s", "process.env", "os.environ", "getenv", "replace_with", "replace-with", "replaceme", "replace_me", "insert_", "put_your",
        // Keys published in documentation: the Azure Storage emulator's (Azurite's) account key, the Azure Cosmos DB
        // emulator's well-known key and the Docker documentation's example Swarm join tokens (a distinctive part of each;
        // the second is the one its "Create a swarm" tutorial prints), and AWS's example secret access key with any ending
        // (samples swap its EXAMPLEKEY for FAKEKEY or TESTKEY and stay the published example).
        "wJalrXUtnFEMI/K7MDENG", "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1", "C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM", "3pu6hszjas19xyp7ghgosyx9k8atbfcr", "49nj1cmql0jkz5s954yi3oex3nedyz"];

    private static readonly System.Buffers.SearchValues<string> PlaceholderPartSearch = System.Buffers.SearchValues.Create(PlaceholderParts.Where(p => p != "…").ToArray(), StringComparison.OrdinalIgnoreCase);

    private static readonly string[] PlaceholderWords = ["password", "passwd", "pass", "secret", "token", "null", "none", "true", "false", "undefined", "required", "optional", "string", "hidden", "masked", "empty", "test", "user", "admin", "pwd", "value", "apikey", "key", "n/a", "not-set", "not_set", "notset", "unset"];

    /// <summary>Shannon entropy of <paramref name="value"/> in bits per character.</summary>
    public static double Entropy(ReadOnlySpan<char> value)
    {
        if (value.IsEmpty)
        {
            return 0;
        }

        Span<int> counts = stackalloc int[128];
        var other = 0;
        foreach (var c in value)
        {
            if (c < 128)
            {
                counts[c]++;
            }
            else
            {
                other++;
            }
        }

        double entropy = 0;
        double length = value.Length;
        foreach (var count in counts)
        {
            if (count > 0)
            {
                var p = count / length;
                entropy -= p * Math.Log2(p);
            }
        }

        if (other > 0)
        {
            var p = other / length;
            entropy -= p * Math.Log2(p);
        }

        return entropy;
    }

    public static bool HasLettersAndDigits(ReadOnlySpan<char> value)
    {
        bool letter = false, digit = false;
        foreach (var c in value)
        {
            letter |= char.IsAsciiLetter(c);
            digit |= char.IsAsciiDigit(c);
        }

        return letter && digit;
    }

    /// <summary>True for a value made of at least <paramref name="classes"/> of: lower case, upper case, digits, symbols.</summary>
    public static bool HasClasses(ReadOnlySpan<char> value, int classes)
    {
        bool lower = false, upper = false, digit = false, symbol = false;
        foreach (var c in value)
        {
            lower |= char.IsAsciiLetterLower(c);
            upper |= char.IsAsciiLetterUpper(c);
            digit |= char.IsAsciiDigit(c);
            symbol |= !char.IsAsciiLetterOrDigit(c);
        }

        return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (symbol ? 1 : 0) >= classes;
    }

    /// <summary>Documentation placeholders and templated values: <c>EXAMPLE</c>, <c>&lt;token&gt;</c>, <c>${KEY}</c>, <c>xxxx</c>, <c>****</c>.</summary>
    public static bool IsPlaceholder(ReadOnlySpan<char> value)
    {
        // One search says whether any part is there (most values hold none); only then is each looked for.
        if (value.ContainsAny(PlaceholderPartSearch) || value.Contains('…'))
        {
            foreach (var part in PlaceholderParts)
            {
                if (value.Contains(part, StringComparison.OrdinalIgnoreCase) && !(part is "example" or "sample" && IsMarkedToken(value, part)) && !(IsTemplateMarker(part) && ByChance(value, part)))
                {
                    return true;
                }
            }
        }

        // A run of one repeated character (aaaaaaaa, 00000000) is a mask, not a secret; so is a run of 12 or more letters
        // and digits alternating two characters (ghp_abababab…, 01010101…), the policy's mask.
        var first = value.IsEmpty ? '\0' : value[0];
        return !value.IsEmpty && (!value.ContainsAnyExcept(first) || IsTemplate(value) || HasMaskRun(value) || IsSecretStoreReference(value) || SecretJwtPlaceholders.HasPlaceholderSignature(value));
    }

    /// <summary>
    /// True when a run of 12 or more ASCII letters and digits (between other characters) is made of exactly two
    /// characters: <c>ghp_abababab…</c>, <c>sk_live_0101…</c>, or holds 12 places where two characters take turns
    /// (<c>AKIAWYXYXYXYXYXYXYXY</c>, a mask typed after a prefix; a random key does so with a chance below 10^-18). A
    /// generated secret does not hold one; a run with a third character among its two (<c>ababQm7abab…</c>) is no mask. A run of one character under a prefix
    /// (<c>sk_live_AAAA…</c>, which secretlint labels a secret) is left as it was: reported when the value has more.
    /// </summary>
    private static bool HasMaskRun(ReadOnlySpan<char> value)
    {
        var i = 0;
        while (i < value.Length)
        {
            if (!char.IsAsciiLetterOrDigit(value[i]))
            {
                i++;
                continue;
            }

            var start = i;
            char a = value[i], b = '\0';
            var two = true;
            var alternating = 0;
            for (; i < value.Length && char.IsAsciiLetterOrDigit(value[i]); i++)
            {
                var c = value[i];
                if (c != a && c != b)
                {
                    two &= b == '\0';
                    b = c;
                }

                // Two characters taking turns for 12 places (AKIAWYXYXYXYXYXYXYXY): a mask typed after a prefix.
                alternating = i - start >= 2 && c == value[i - 2] && c != value[i - 1] ? Math.Max(alternating + 1, 3) : 0;
                if (alternating >= 12)
                {
                    return true;
                }
            }

            if (two && b != '\0' && i - start >= 12)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A reference the host resolves from a secret store at run time, not the secret: Azure App Service's
    /// <c>@Microsoft.KeyVault(SecretUri=…)</c> or <c>@Microsoft.KeyVault(VaultName=…;SecretName=…)</c>. Only a value that
    /// opens with it; a generated value that merely holds the words is still one.
    /// </summary>
    private static bool IsSecretStoreReference(ReadOnlySpan<char> value)
        => value.StartsWith("@Microsoft.KeyVault(", StringComparison.OrdinalIgnoreCase);

    private static bool IsTemplateMarker(string part) => part is "%s" or "%(" or "${" or "$(" or "{{" or "}}" or "..." or "****";

    /// <summary>
    /// A template marker (<c>%s</c>, <c>${</c>, <c>{{</c>, <c>...</c>) inside a long generated secret, not at either end:
    /// a 2,000-character token drawn from letters, digits and symbols holds <c>%s</c> by chance. Taken for a template, the
    /// value was left in the audit file, and a key-like run inside it was redacted alone, leaving the rest. Templates are
    /// short or read like words (below 4.8 bits per character); such a value is not one.
    /// </summary>
    private static bool ByChance(ReadOnlySpan<char> value, string marker)
    {
        // Found ignoring case (IsPlaceholder's test), so looked up ignoring case: %S is %s.
        var at = value.IndexOf(marker, StringComparison.OrdinalIgnoreCase);
        return value.Length >= 40 && at > 0 && value.LastIndexOf(marker, StringComparison.OrdinalIgnoreCase) + marker.Length < value.Length && Entropy(value) >= 4.8;
    }

    /// <summary>
    /// A generated token that only carries the word <c>EXAMPLE</c> (<c>dckr_pat_Example1234567890AbCdEfGhjK</c>,
    /// <c>lin_api_f1g2kLGL…StWrvEXAMPLE</c>): without the word, 20 or more characters with letters and digits and at
    /// least 3.5 bits per character and not mostly words are left, the shape of a real credential, so it is redacted as one (a miss would
    /// leak a secret; a false alarm only masks a value). The documented AWS examples (<c>AKIAIOSFODNN7EXAMPLE</c>,
    /// <c>wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY</c>) and words around the marker (<c>example-token</c>) stay placeholders.
    /// </summary>
    private static bool IsMarkedToken(ReadOnlySpan<char> value, string marker)
    {
        if (value.Contains("IOSFODNN7", StringComparison.Ordinal) || value.Contains("wJalrXUtnFEMI", StringComparison.Ordinal) || value.Length > 512)
        {
            return false;
        }

        Span<char> rest = stackalloc char[value.Length];
        var length = 0;
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i..].StartsWith(marker, StringComparison.OrdinalIgnoreCase))
            {
                i += marker.Length - 1;
                continue;
            }

            rest[length++] = value[i];
        }

        var remainder = rest[..length];
        return remainder.Length >= 20 && HasLettersAndDigits(remainder) && Entropy(remainder) >= 3.5 && !MostlyWords(remainder);
    }

    /// <summary>Words make up 60 % or more of the value (<c>owners-project-123</c>): see <see cref="WordShare"/>.</summary>
    public static bool MostlyWords(ReadOnlySpan<char> value) => WordShare(value) * 10 >= value.Length * 6;

    /// <summary>
    /// A name in code rather than a generated token (<c>V1beta1ClusterRoleBinding</c>, <c>sensitiveString0To255</c>,
    /// <c>NETStandardCompatError_Microsoft_Extensions_net8_0</c>, <c>getHL7v2StoreMetrics</c>): words make up 60 % of it,
    /// or 30 % with fewer than three capitals in ten letters (camel case capitalises one letter a word; a generated
    /// token draws both cases about equally).
    /// </summary>
    public static bool LooksLikeIdentifier(ReadOnlySpan<char> value)
    {
        var words = WordShare(value);
        int upper = 0, letters = 0;
        foreach (var c in value)
        {
            upper += char.IsAsciiLetterUpper(c) ? 1 : 0;
            letters += char.IsAsciiLetter(c) ? 1 : 0;
        }

        return words * 10 >= value.Length * 6 || (upper * 10 < letters * 3 && words * 10 >= value.Length * 3);
    }

    /// <summary>
    /// How many characters of the value lie in words: a capital followed by two or more small letters, or three or more
    /// small letters.
    /// </summary>
    private static int WordShare(ReadOnlySpan<char> value)
    {
        var inWords = 0;
        var k = 0;
        while (k < value.Length)
        {
            var start = k;
            if (char.IsAsciiLetterUpper(value[k]))
            {
                k++;
            }

            var lowerStart = k;
            while (k < value.Length && char.IsAsciiLetterLower(value[k]))
            {
                k++;
            }

            var lowers = k - lowerStart;
            if (lowers >= 3 || (lowers == 2 && lowerStart > start))
            {
                inWords += k - start;
            }

            if (k == start)
            {
                k++;
            }
        }

        return inWords;
    }

    /// <summary>
    /// A template slot: the value starts or ends with a bracket (<c>&lt;token&gt;</c>, <c>{API_KEY}</c>) or holds a
    /// bracketed name (<c>sk-&lt;key&gt;</c>). A bracket among other symbols of a random value (<c>^?{qT/E</c>) is not one.
    /// </summary>
    private static bool IsTemplate(ReadOnlySpan<char> value)
    {
        if (value[0] is '<' or '{' || value[^1] is '>' or '}')
        {
            return true;
        }

        // %DB_PASSWORD% (a Windows variable), @db.password@ (an Ant or Maven filter token): filled in at run time.
        if (value.Length > 3 && value[0] is '%' or '@' && value[^1] == value[0] && char.IsAsciiLetter(value[1]) && !value[1..^1].ContainsAnyExcept(FilterNameChars))
        {
            return true;
        }

        return HasBracketedName(value);
    }

    /// <summary>
    /// A bracket, one or more name characters and its closer (<c>&lt;key&gt;</c>, <c>{API_KEY}</c>) stand somewhere in the
    /// value. One pass: the last opener stays open while name characters follow it (a value of thousands of
    /// <c>{</c> is read once, not once per bracket to its end).
    /// </summary>
    private static bool HasBracketedName(ReadOnlySpan<char> value)
    {
        var open = -1;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c is '<' or '{')
            {
                open = i;
            }
            else if (open >= 0 && i > open + 1 && c == (value[open] == '<' ? '>' : '}'))
            {
                return true;
            }
            else if (!NameChars.Contains(c))
            {
                open = -1;
            }
        }

        return false;
    }

    private static readonly System.Buffers.SearchValues<char> FilterNameChars = System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-.");

    private static readonly System.Buffers.SearchValues<char> NameChars = System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-. ");

    /// <summary>A word that names a secret rather than being one (<c>password</c>, <c>token</c>, <c>null</c>).</summary>
    public static bool IsPlaceholderWord(ReadOnlySpan<char> value) => value.Length <= MaxPlaceholderWord && PlaceholderWordSet.Contains(value);

    private static readonly int MaxPlaceholderWord = PlaceholderWords.Max(word => word.Length);

    /// <summary><see cref="PlaceholderWords"/> ignoring case, looked up by the value's characters (one hash, no allocation).</summary>
    private static readonly System.Collections.Frozen.FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> PlaceholderWordSet
        = System.Collections.Frozen.FrozenSet.ToFrozenSet(PlaceholderWords, StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
}
