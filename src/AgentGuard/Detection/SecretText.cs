namespace AgentGuard;

/// <summary>Small tests on candidate secret values: entropy, character classes, placeholders.</summary>
internal static class SecretText
{
    private static readonly string[] PlaceholderParts = ["example", "sample", "placeholder", "your", "xxxx", "redacted", "dummy", "changeme", "****", "...", "…", "${", "$(", "%(", "{{", "}}", "%s", "process.env", "os.environ", "getenv", "replace_with", "replace-with", "replaceme", "replace_me", "insert_", "put_your"];

    private static readonly string[] PlaceholderWords = ["password", "passwd", "pass", "secret", "token", "null", "none", "true", "false", "undefined", "required", "optional", "string", "hidden", "masked", "empty", "test", "user", "admin", "pwd", "value", "apikey", "key", "n/a"];

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
        foreach (var part in PlaceholderParts)
        {
            if (value.Contains(part, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        // A run of one repeated character (aaaaaaaa, 00000000) is a mask, not a secret.
        var first = value.IsEmpty ? '\0' : value[0];
        return !value.IsEmpty && (!value.ContainsAnyExcept(first) || IsTemplate(value));
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

        for (var open = value.IndexOfAny('<', '{'); open >= 0 && open < value.Length - 1; open = value[(open + 1)..].IndexOfAny('<', '{') is var next and >= 0 ? open + 1 + next : -1)
        {
            var close = value[open] == '<' ? '>' : '}';
            var end = value[(open + 1)..].IndexOf(close);
            if (end > 0 && !value.Slice(open + 1, end).ContainsAnyExcept(NameChars))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly System.Buffers.SearchValues<char> NameChars = System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-. ");

    /// <summary>A word that names a secret rather than being one (<c>password</c>, <c>token</c>, <c>null</c>).</summary>
    public static bool IsPlaceholderWord(ReadOnlySpan<char> value)
    {
        foreach (var word in PlaceholderWords)
        {
            if (value.Equals(word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
