namespace AgentGuard;

/// <summary>Small tests on candidate secret values: entropy, character classes, placeholders.</summary>
internal static class SecretText
{
    private static readonly string[] PlaceholderParts = ["example", "sample", "placeholder", "your", "xxxx", "redacted", "dummy", "changeme", "****", "...", "…", "<", ">", "{", "}", "${", "$(", "%(", "%s", "process.env", "os.environ", "getenv", "replace_with", "replace-with", "replaceme", "replace_me", "insert_", "put_your"];

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
        return !value.IsEmpty && !value.ContainsAnyExcept(first);
    }

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
