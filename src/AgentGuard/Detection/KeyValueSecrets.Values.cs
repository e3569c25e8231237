namespace AgentGuard;

/// <content>What a value next to a secret-like name must look like to be reported, and what marks it as code or a reference.</content>
internal static partial class KeyValueSecrets
{
    private static bool LooksLikePassword(ReadOnlySpan<char> value)
        => value.Length >= 6 && (value.Length <= 128 || LongUnbroken(value)) && !LooksLikePath(value) && (SecretText.HasClasses(value, 2) || (value.Length >= 12 && SecretText.Entropy(value) >= 3.0)) && !LooksLikeProse(value);

    /// <summary>
    /// A URL (<c>https://…</c>, <c>s3://…</c>): a scheme, then "://". A long generated token holds "://" somewhere by
    /// chance; it is still a token (taken for a URL, it was left in the audit file but for a run inside it).
    /// </summary>
    private static bool IsUrl(ReadOnlySpan<char> value)
    {
        var at = value.IndexOf("://", StringComparison.Ordinal);
        return at > 0 && at <= 32 && char.IsAsciiLetter(value[0]) && !value[..at].ContainsAnyExcept(SchemeChars);
    }

    private static readonly System.Buffers.SearchValues<char> SchemeChars = System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+.-");

    /// <summary>A value over 128 characters in a password position is a generated secret when it has no white space and is varied.</summary>
    private static bool LongUnbroken(ReadOnlySpan<char> value) => value.IndexOfAny(' ', '\t') < 0 && SecretText.Entropy(value) >= 3.0;

    /// <summary>
    /// A value in a password position (quoted, assigned with "=", given to a flag, compared in code) that is one plain
    /// word or more: six or more characters without spaces. A single word is a password there (<c>PASSWORD=whiteduke</c>).
    /// A shorter one is a password when it mixes letters with digits or symbols (<see cref="LooksLikeShortMixedPassword"/>).
    /// </summary>
    private static bool LooksLikePlainPassword(ReadOnlySpan<char> value)
        => (value.Length >= 6 || LooksLikeShortMixedPassword(value)) && (value.Length <= 128 || LongUnbroken(value)) && value.IndexOfAny(' ', '\t') < 0 && !LooksLikePath(value) && !SecretText.IsPlaceholderWord(value) && !SecretText.IsPlaceholder(value);

    /// <summary>
    /// A four- or five-character password of the weak kind people write (<c>adm!n</c>, <c>n1nja</c>, <c>f@ll</c>,
    /// <c>indi@</c>): a letter and a digit or a symbol, nothing but letters, digits and the symbols passwords take. Digits
    /// alone (<c>123</c>), letters alone (<c>asdf</c>) and names with dots or dashes (<c>v1.0</c>, <c>a-b</c>) stay values.
    /// </summary>
    private static bool LooksLikeShortMixedPassword(ReadOnlySpan<char> value)
        => value.Length is 4 or 5 && (value.ContainsAnyInRange('A', 'Z') || value.ContainsAnyInRange('a', 'z'))
        && value.ContainsAnyExcept(AsciiLetters) && !value.ContainsAnyExcept(ShortPasswordChars);

    private static readonly System.Buffers.SearchValues<char> ShortPasswordChars = System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!@#%^&*?");

    /// <summary>
    /// A token given to a command-line flag that names one (<c>--token AIhq5Xyb1Gga9Q5</c>), shorter than a token needs
    /// elsewhere: 12 to 128 letters and digits (and <c>_-.</c>) with both letter cases and digits in two or more places,
    /// varied, not a placeholder, and with digits in three or more places or else not a name in code (<c>MyService2Api3</c>):
    /// a short random token reads like words now and then (<c>AIhq5…</c>), a name seldom breaks its words with digits thrice.
    /// </summary>
    private static bool LooksLikeFlagToken(ReadOnlySpan<char> value)
    {
        if (value.Length is < 12 or > 128 || value.ContainsAnyExcept(FlagTokenChars) || !value.ContainsAnyInRange('A', 'Z') || !value.ContainsAnyInRange('a', 'z'))
        {
            return false;
        }

        var digitRuns = 0;
        for (var k = 0; k < value.Length; k++)
        {
            digitRuns += char.IsAsciiDigit(value[k]) && (k == 0 || !char.IsAsciiDigit(value[k - 1])) ? 1 : 0;
        }

        return digitRuns >= 2 && SecretText.Entropy(value) >= 3.3 && (digitRuns >= 3 || !SecretText.LooksLikeIdentifier(value)) && !SecretText.IsPlaceholder(value);
    }

    private static readonly System.Buffers.SearchValues<char> FlagTokenChars = System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-.");

    /// <summary>
    /// A quoted value whose line ends before its closing quote (a literal cut off, or continued with a trailing '\'):
    /// the value without that backslash when it is a generated token by <see cref="LooksLikeToken"/> and no placeholder;
    /// otherwise empty. Prose with an apostrophe (<c>key = 'it's late</c>) is no token.
    /// </summary>
    private static ReadOnlySpan<char> UnclosedToken(ReadOnlySpan<char> value)
    {
        var token = value.TrimEnd('\\');
        return LooksLikeToken(token) && !token.ContainsAny(UnclosedStops) && !SecretText.IsPlaceholder(token) ? token : [];
    }

    /// <summary>At <paramref name="i"/> the text or its line ends, or a backslash continues the line on the next.</summary>
    private static bool AtLineEnd(string text, int i)
        => i >= text.Length || text[i] is '\n' or '\r' || (text[i] == '\\' && (i + 1 >= text.Length || text[i + 1] is '\n' or '\r'));

    private static readonly System.Buffers.SearchValues<char> UnclosedStops = System.Buffers.SearchValues.Create("\"'`<>()[]{}; \t");

    /// <summary>A password stated in prose and quoted ("the password is "pyne""): four characters or more, one word.</summary>
    private static bool LooksLikeStatedPassword(ReadOnlySpan<char> value)
        => value.Length >= 4 && (value.Length <= 128 || LongUnbroken(value)) && value.IndexOfAny(' ', '\t') < 0 && !LooksLikePath(value) && !SecretText.IsPlaceholderWord(value) && !SecretText.IsPlaceholder(value);

    /// <summary>After an explicit scheme (<c>Bearer</c>, <c>Basic</c>, <c>Token</c>) a shorter credential still is one.</summary>
    private static bool LooksLikeSchemeToken(ReadOnlySpan<char> value)
        => value.Length is >= 10 and <= MaxQuotedValue && value.IndexOfAny(' ', '\t') < 0 && SecretText.HasLettersAndDigits(value);

    /// <summary>
    /// Code or a reference, not a value: <c>+ getPassword() +</c>, <c>#add-password</c>, <c>env.DB_PASSWORD</c>,
    /// <c>$DB_PASSWORD</c>, <c>arn:aws:iam::aws:policy/…Password</c>, <c>cms/passwords#update</c>,
    /// <c>this.options.token</c>, <c>completionOptions.frequencyPenalty</c>, <c>db-secret-7f9c8d6b5-x2k9p</c>; unquoted, a call or an index
    /// (<c>z.string()</c>, <c>Optional[str]</c>, <c>userPass[1]</c>); a file path (<c>org/abc123/screenshot.png</c>).
    /// </summary>
    private static bool IsCodeReference(ReadOnlySpan<char> value, bool quoted)
    {
        if (value[0] is '+' or '#' or ',' or '(' or '[' || value.StartsWith("arn:", StringComparison.Ordinal))
        {
            return true;
        }

        // ';PWD='      . $this->_config['password'] .';': the quote after the key closed the literal; blanks and a
        // concatenation operator follow it, and the "value" up to the next quote is code that joins a variable in.
        if (quoted && IsConcatenationAfterClosedLiteral(value))
        {
            return true;
        }

        // getPassword(), userPass[1], $(cat key): a call or an index after a name. A generated password may hold '(' too
        // (u@D7Gt)t>8d(LtH^(…): symbols before it that no name holds make it a value.
        if (!quoted && value.IndexOfAny('(', '[') is > 0 and var open && !value[..open].ContainsAnyExcept(CallPrefixChars))
        {
            return true;
        }

        // $password, $$password, $DB_PASS, ${db_pass}: a shell, PHP or template variable. A password that starts with '$'
        // holds other symbols or is not a name ($xK9!q).
        if (IsVariable(value))
        {
            return true;
        }

        // "obj.aFunctionCall()", "getenv_password()": a call in quotes, of a member path or a name in words.
        if (quoted && value.EndsWith("()", StringComparison.Ordinal) && value.Length > 2 && char.IsAsciiLetter(value[0]) && !value[..^2].ContainsAnyExcept(CallPrefixChars)
            && (value.Contains('.') || SecretText.LooksLikeIdentifier(value[..^2])))
        {
            return true;
        }

        // "config.get("password")": a call in quotes that holds quotes of the same kind is cut at them, after its bracket.
        if (quoted && value.Length > 2 && value[^1] is '(' or '[' && char.IsAsciiLetter(value[0]) && !value[..^1].ContainsAnyExcept(CallPrefixChars)
            && (value.Contains('.') || SecretText.LooksLikeIdentifier(value[..^1])))
        {
            return true;
        }

        // Member paths of letters only (completionOptions.frequencyPenalty); tokens have digits or other symbols.
        if (value.Contains('.') && !value.ContainsAnyExcept(LettersAndDots) && value[0] != '.' && value[^1] != '.')
        {
            return true;
        }

        // A file path: segments and an extension (sessions/org/abc123/artifacts/screenshot.png), of the characters file
        // names are made of. A generated token that holds '/' and ends in ".k" is not one (its '*', '%', '^', '?' say so).
        var dot = value.LastIndexOf('.');
        if (value.Contains('/') && dot > value.LastIndexOf('/') && value.Length - dot - 1 is >= 1 and <= 5 && !value[(dot + 1)..].ContainsAnyExcept("abcdefghijklmnopqrstuvwxyz")
            && !value.ContainsAnyExcept(PathChars))
        {
            return true;
        }

        // this.options.token, cms/passwords#update: a secret's name in a path or member access — unless the name is
        // assigned inside the value (…Srlk=5$_%LGksTokeNmVF3h6hM4C=%n79…): a generated value that happens to spell one.
        // Taken for a reference, that inner assignment alone was reported, and the rest of the value reached the audit file.
        return value.IndexOfAny("/#.$()+[]:-") >= 0 && NamesASecret(value, out var assignedInside) && !assignedInside;
    }

    /// <summary>
    /// Where a secret is kept or fetched from, not the secret: a URL with no credentials in it
    /// (<c>jdbc:mysql://localhost:3306/app</c>, <c>https://vault.example.org/v1/kv/app</c>; a password in a URL is the
    /// URL-password finding's) or a file path (<c>../keys/id_rsa</c>, <c>file:///run/secrets/token</c>, <c>/run/secrets/db_password</c>).
    /// </summary>
    private static bool IsLocation(ReadOnlySpan<char> value) => (IsUrlWithoutCredentials(value) || IsFilePath(value)) && !CarriesAToken(value);

    /// <summary>
    /// A run of 16 or more ASCII letters and digits with both in it — a webhook's secret segment, a reset or access
    /// token, a link's signature: a location that carries one is the secret itself (it is redacted whole).
    /// </summary>
    private static bool CarriesAToken(ReadOnlySpan<char> value)
    {
        const int MinToken = 16;
        var run = 0;
        var letters = false;
        var digits = false;
        foreach (var c in value)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                run++;
                letters |= char.IsAsciiLetter(c);
                digits |= char.IsAsciiDigit(c);
                if (run >= MinToken && letters && digits)
                {
                    return true;
                }
            }
            else
            {
                (run, letters, digits) = (0, false, false);
            }
        }

        return false;
    }

    private static bool IsUrlWithoutCredentials(ReadOnlySpan<char> value)
    {
        var at = value.IndexOf("://", StringComparison.Ordinal);
        // Schemes are written in small letters (http, jdbc:mysql, mongodb+srv, s3); a generated token holding "://" by
        // chance has capitals before it.
        if (at < 2 || at > 20 || !char.IsAsciiLetterLower(value[0]) || value[..at].ContainsAnyExcept(UriSchemeChars) || value.IndexOfAny(' ', '\t') >= 0)
        {
            return false;
        }

        // The authority: up to the first '/', '?' or '#' after "://" ("file:///…" has none). Credentials are "user:password@".
        var rest = value[(at + 3)..];
        var authorityEnd = rest.IndexOfAny("/?#");
        var authority = authorityEnd < 0 ? rest : rest[..authorityEnd];
        var userInfo = authority.LastIndexOf('@');
        return (authorityEnd == 0 || (authority.Length > 0 && char.IsAsciiLetterOrDigit(authority[userInfo + 1 < authority.Length ? userInfo + 1 : 0])))
            && (userInfo < 0 || !authority[..userInfo].Contains(':'));
    }

    private static readonly System.Buffers.SearchValues<char> UriSchemeChars = System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789+.-:");

    /// <summary>
    /// A file path: relative (<c>../</c>, <c>./</c>, <c>~/</c>), a <c>file:</c> URL, a drive (<c>C:\</c>), or absolute in
    /// lower-case segments (<c>/run/secrets/db_password</c>; a base64 key may start with '/' too, but mixes cases and symbols).
    /// </summary>
    private static bool IsFilePath(ReadOnlySpan<char> value)
        => value.StartsWith("../", StringComparison.Ordinal) || value.StartsWith("..\\", StringComparison.Ordinal) || value.StartsWith("./", StringComparison.Ordinal)
            || value.StartsWith(".\\", StringComparison.Ordinal) || value.StartsWith("~/", StringComparison.Ordinal) || value.StartsWith("file:/", StringComparison.OrdinalIgnoreCase)
            || (value.Length > 3 && char.IsAsciiLetter(value[0]) && value[1] == ':' && value[2] is '\\' or '/')
            || (value.Length > 3 && value[0] == '/' && value.Count('/') >= 2 && !value.ContainsAnyExcept(LowerPathChars));

    private static readonly System.Buffers.SearchValues<char> LowerPathChars = System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789/_.-");

    /// <summary>
    /// A YAML tag with an argument, resolved when the file is deployed or loaded: CloudFormation's <c>!Ref DbPassword</c>,
    /// <c>!GetAtt Secret.SecretString</c>, <c>!Sub '…'</c>, Home Assistant's <c>!secret name</c>, Ansible's <c>!vault |</c>.
    /// Only the tags those define count (a password may start with '!': <c>-Password !Welcome1 -Force</c>), and an
    /// argument must follow, not a comment. An unquoted value ends at the space, so the argument is looked for after it.
    /// </summary>
    private static bool IsYamlTag(string text, int valueStart, int valueEnd)
    {
        var i = valueStart + 1;
        if (text[valueStart] != '!')
        {
            return false;
        }

        while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] == '_'))
        {
            i++;
        }

        var tag = text.AsSpan(valueStart + 1, i - valueStart - 1);
        if (i > valueEnd + 1 || i + 1 >= text.Length || text[i] != ' ' || char.IsWhiteSpace(text[i + 1]) || text[i + 1] == '#')
        {
            return false;
        }

        foreach (var known in YamlTags)
        {
            if (tag.SequenceEqual(known))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly string[] YamlTags =
    [
        "Ref", "GetAtt", "Sub", "Join", "Select", "Split", "If", "Equals", "Not", "And", "Or", "FindInMap", "ImportValue", "GetAZs", "Base64", "Cidr",
        "Condition", "Transform", "secret", "include", "env_var", "vault", "unsafe",
    ];

    private static readonly string[] ReferenceWords = ["password", "passwd", "secret", "token", "apikey"];

    /// <summary>Whether <paramref name="value"/> holds a secret's name, and whether one is followed by its own <c>=</c>.</summary>
    private static bool NamesASecret(ReadOnlySpan<char> value, out bool assignedInside)
    {
        var named = false;
        assignedInside = false;
        foreach (var word in ReferenceWords)
        {
            var at = value.IndexOf(word, StringComparison.OrdinalIgnoreCase);
            if (at < 0)
            {
                continue;
            }

            named = true;
            var end = at + word.Length;
            while (end < value.Length && IsKeyChar(value[end]))
            {
                end++;
            }

            assignedInside |= end < value.Length && value[end] == '=';
        }

        return named;
    }

    /// <summary><c>$name</c>, <c>$$name</c> or <c>${name}</c>: '$' signs, then a name of letters, digits and '_' that starts with a letter.</summary>
    private static bool IsVariable(ReadOnlySpan<char> value)
    {
        var name = value.TrimStart('$');
        if (name.Length == value.Length || value.Length - name.Length > 2)
        {
            return false;
        }

        if (name.Length > 2 && name[0] == '{' && name[^1] == '}')
        {
            name = name[1..^1];
        }

        return name.Length >= 2 && char.IsAsciiLetter(name[0]) && !name.ContainsAnyExcept(VariableNameChars);
    }

    private static readonly System.Buffers.SearchValues<char> VariableNameChars = System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_");

    /// <summary>What the name before a call's or an index's bracket is made of (<c>os.getenv</c>, <c>$</c>, <c>%</c>, <c>self._cfg</c>, <c>$this-&gt;config</c>).</summary>
    private static readonly System.Buffers.SearchValues<char> CallPrefixChars = System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.$%:->");

    /// <summary>Letters, digits and the symbols file names and paths are made of.</summary>
    private static readonly System.Buffers.SearchValues<char> PathChars = System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/._-~@+");

    private static readonly System.Buffers.SearchValues<char> LettersAndDots = System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz.");

    /// <summary>
    /// The value is the name again (<c>options.passphrase = passphrase</c>) or a name built on it
    /// (<c>tokensGenerated: tokensGeneratedEventSchema_0_1_0</c>): a variable, not a secret.
    /// </summary>
    private static bool IsOwnName(ReadOnlySpan<char> key, ReadOnlySpan<char> value)
    {
        if (key.Length < 4 || value.Length < 4)
        {
            return false;
        }

        Span<char> buffer = stackalloc char[MaxKey];
        var normalized = Normalize(value[..Math.Min(value.Length, MaxKey)], buffer);
        return (normalized.Length >= 4 && normalized.Length == value.Length && key.EndsWith(normalized)) || (value.Length > key.Length && normalized.StartsWith(key) && char.IsAsciiLetterUpper(value[key.Length]) && value[..key.Length].Equals(key, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The longest namespace prefix of an alias (<see cref="IsPrefixedAlias"/>).</summary>
    private const int MaxAliasPrefix = 20;

    /// <summary>The characters of an alias's namespace prefix: letters and underscores.</summary>
    private static readonly System.Buffers.SearchValues<char> AliasPrefixChars = System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_");

    /// <summary>
    /// <c>#define aes_set_key nettle_aes_set_key</c>, <c>api_key = config_api_key</c>: the value is an identifier that is
    /// the name itself after a prefix of words and an underscore, a symbol of the same name in another namespace, not a secret.
    /// </summary>
    private static bool IsPrefixedAlias(ReadOnlySpan<char> name, ReadOnlySpan<char> value)
    {
        if (name.Length < 4 || value.Length < name.Length + 2 || !value.EndsWith(name, StringComparison.OrdinalIgnoreCase) || value[^(name.Length + 1)] != '_')
        {
            return false;
        }

        // The prefix is a namespace in words (nettle_, settings_, config_): letters and underscores, not a generated run
        // that ends in the name to hide behind it.
        var prefix = value[..^(name.Length + 1)];
        return prefix.Length <= MaxAliasPrefix && !prefix.ContainsAnyExcept(AliasPrefixChars) && IdentifierOnly(name);

        static bool IdentifierOnly(ReadOnlySpan<char> name)
        {
            foreach (var c in name)
            {
                if (!char.IsAsciiLetterOrDigit(c) && c != '_')
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary><c>typeof password === "string"</c>: a type test.</summary>
    private static bool IsTypeTest(string text, int start)
        => start >= 7 && text.AsSpan(start - 7, 7).SequenceEqual("typeof ");

    /// <summary>
    /// The value after a capitalised label: 12 to 128 letters, digits and '-' with letters and digits both (a UUID, a
    /// hex key, <c>GHIJK1234567890</c>), 16 or more digits, or a varied one-class token; not a mask or a name in words.
    /// </summary>
    private static bool LooksLikeLabelledValue(ReadOnlySpan<char> value)
    {
        if (value.Length is < 12 or > 128 || value[0] == '-' || value.ContainsAnyExcept(LabelledValueChars) || SecretText.Entropy(value) < 2.5)
        {
            return false;
        }

        return SecretText.HasLettersAndDigits(value) || (value.Length >= 16 && !value.ContainsAnyExcept(DigitChars)) || LooksLikeOneClassToken(value);
    }

    private static readonly System.Buffers.SearchValues<char> LabelledValueChars = System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-");

    /// <summary>
    /// A value assigned to a key name (<c>ipstack_key=abcdefabcdef…12</c>, <c>uclassify_key=ABC123DEF456</c>,
    /// <c>cloudinary_apiKey=218873249723411</c>): 12 to 256 letters and digits only, with both (2.5 bits per character or
    /// more), or 15 or more digits, or 20 or more letters of one case; not a mask, not a placeholder, not a word, not a
    /// name of words (<c>key="ConnectionString1"</c>).
    /// </summary>
    private static bool LooksLikeAssignedKey(ReadOnlySpan<char> value)
    {
        if (value.Length is < 12 or > 256 || value.ContainsAnyExcept(AsciiLettersAndDigits) || SecretText.Entropy(value) < 2.5 || SecretText.IsPlaceholder(value) || SecretRandomLetters.LooksLikeName(value))
        {
            return false;
        }

        if (!value.ContainsAnyExcept(DigitChars))
        {
            return value.Length >= 15;
        }

        if (SecretText.HasLettersAndDigits(value))
        {
            return true;
        }

        return value.Length >= 20 && (!value.ContainsAny(UpperLetters) || !value.ContainsAny(LowerLetters));
    }

    private static bool LooksLikeStrongToken(ReadOnlySpan<char> value)
        => (value.Length >= 24 && SecretText.Entropy(value) >= 3.5) || (value.Length >= 20 && SecretText.HasLettersAndDigits(value) && SecretText.Entropy(value) >= 3.3);

    private static bool LooksLikeToken(ReadOnlySpan<char> value)
        => value.Length >= 16 && value.IndexOfAny(' ', '\t') < 0 && (SecretText.HasLettersAndDigits(value) || LooksLikeOneClassToken(value) || SecretRandomLetters.Looks(value)) && SecretText.Entropy(value) >= (value.Length >= 32 ? 3.0 : MinEntropy) && !IsUrl(value) && !SecretRandomLetters.LooksLikeName(value) && !IsVersionedName(value);

    /// <summary>A name of words joined by '-', '_' or '.' with a version or a number (<c>db-credentials-v2</c>, <c>app_tls_cert_2024</c>).</summary>
    private static bool IsVersionedName(ReadOnlySpan<char> value)
        => value.IndexOfAny("-_.") > 0 && !value.ContainsAny(UpperLetters) && SecretRandomLetters.IsNameOfWords(value);

    /// <summary>
    /// Letters only or digits only, 20 or more of them and varied (<c>vercelTOKEN=hBqKcWvYdXnRtZpLmJsF</c>): a token. Code
    /// is not: a reference has dots and other symbols (<c>cfg.OAuthManager.AccessToken</c>), a camel-case name has few
    /// capitals among many small letters (<c>getAccessTokenFromCache</c>), a random mixed-case value about as many of each.
    /// </summary>
    private static bool LooksLikeOneClassToken(ReadOnlySpan<char> value)
    {
        if (value.Length < 20 || value.ContainsAnyExcept(AsciiLettersAndDigits) || SecretText.Entropy(value) < 3.3)
        {
            return false;
        }

        var upper = 0;
        var lower = 0;
        foreach (var c in value)
        {
            upper += char.IsAsciiLetterUpper(c) ? 1 : 0;
            lower += char.IsAsciiLetterLower(c) ? 1 : 0;
        }

        return upper == 0 || lower == 0 || (upper * 10 >= value.Length * 3 && lower * 10 >= value.Length * 3);
    }

    private static readonly System.Buffers.SearchValues<char> UpperLetters = System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZ");

    private static readonly System.Buffers.SearchValues<char> LowerLetters = System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyz");

    private static readonly System.Buffers.SearchValues<char> DigitChars = System.Buffers.SearchValues.Create("0123456789");

    private static readonly System.Buffers.SearchValues<char> AsciiLettersAndDigits = System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789");

    /// <summary>
    /// A quoted value next to a secret-like name may be shorter (<c>"host_secret": "cxr9i4q59p9za6"</c>) or letters only
    /// in mixed case (<c>"hfCnuVcYOgiRjlDEmAoRbN"</c>): the quotes and the name carry the evidence. A name of words with an
    /// index or a version (<c>"key": "attached_file_0"</c>) names a thing instead.
    /// </summary>
    private static bool LooksLikeShortQuotedToken(ReadOnlySpan<char> value)
        => value.Length is >= 12 and <= 128 && value.IndexOfAny(' ', '\t') < 0 && !IsUrl(value) && !LooksLikePath(value) && !SecretRandomLetters.LooksLikeName(value) && !IsVersionedName(value)
            && ((SecretText.HasLettersAndDigits(value) && SecretText.Entropy(value) >= 3.0) || (value.Length >= 20 && SecretText.HasClasses(value, 2) && SecretText.Entropy(value) >= 4.0));

    /// <summary>
    /// An unquoted value under a name ending in <c>secret</c>: 8 to 128 characters without white space, letters with digits
    /// or symbols; not a variable (<c>$insta::secret</c>), a path, a URL or a name of words joined by '-', '_' or '.'
    /// (<c>db-credentials-v2</c>).
    /// </summary>
    private static bool LooksLikeUnquotedSecret(ReadOnlySpan<char> value)
        => value.Length is >= 8 and <= 128 && value[0] != '$' && value.IndexOfAny(' ', '\t') < 0 && (value.ContainsAny(LowerLetters) || value.ContainsAny(UpperLetters))
            && (value.ContainsAny(DigitChars) || value.ContainsAnyExcept(AsciiLettersAndDigits)) && LooksLikePassword(value) && !IsUrl(value)
            && !(value.IndexOfAny("-_.") > 0 && SecretRandomLetters.IsNameOfWords(value)) && !SecretRandomLetters.LooksLikeName(value);

    /// <summary>Lower-case words joined by '-' or '_' (<c>db-credentials</c>, <c>app_signing_secret</c>): the name of a secret, not its value.</summary>
    private static bool IsKebabName(ReadOnlySpan<char> value)
        => !value.ContainsAnyExcept("abcdefghijklmnopqrstuvwxyz-_") && value[0] is not ('-' or '_');

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

    /// <summary>
    /// Another <c>Name=value</c> pair stands before the name or after the value, joined by ';': a connection string
    /// (<c>Uid=sa;Pwd=myPassword;</c>), not a statement of code that ends in ';' (<c>password = adminPassword;</c>).
    /// </summary>
    /// <summary>
    /// A quoted "value" that opens with blanks, a concatenation operator (<c>.</c>, <c>+</c>, <c>&amp;</c>) and a blank
    /// (<c>      . $this-&gt;_config[</c>, <c> &amp; dbPwd &amp; </c>): the code between a literal that ended at the key and the
    /// next literal. A generated password does not open with a blank.
    /// </summary>
    private static bool IsConcatenationAfterClosedLiteral(ReadOnlySpan<char> value)
    {
        var operatorAt = value.IndexOfAnyExcept(' ', '\t');
        return operatorAt > 0 && operatorAt + 1 < value.Length && value[operatorAt] is '.' or '+' or '&' && value[operatorAt + 1] is ' ' or '\t';
    }

    private static bool InConnectionString(string text, int keyStart, int valueEnd)
    {
        if ((keyStart > 0 && text[keyStart - 1] == ';') || (keyStart > 1 && text[keyStart - 1] == ' ' && text[keyStart - 2] == ';'))
        {
            return true;
        }

        var k = valueEnd + 1;
        if (valueEnd >= text.Length || text[valueEnd] != ';')
        {
            return false;
        }

        while (k < text.Length && text[k] == ' ')
        {
            k++;
        }

        var name = k;
        while (k < text.Length && k - name < 64 && (char.IsAsciiLetterOrDigit(text[k]) || text[k] is ' ' or '_'))
        {
            k++;
        }

        return k > name && k < text.Length && text[k] == '=';
    }

    private static bool IsConnectionString(string text, int keyStart, int valueEnd)
        => (keyStart > 0 && text[keyStart - 1] == ';') || (keyStart > 1 && text[keyStart - 1] == ' ' && text[keyStart - 2] == ';') || (valueEnd < text.Length && text[valueEnd] == ';');
}
