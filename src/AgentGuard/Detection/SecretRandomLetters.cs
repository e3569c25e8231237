namespace AgentGuard;

/// <summary>
/// A generated token of letters only, both cases drawn at random (<c>YXNkZmZmZmZm_HARDcoded</c>,
/// <c>b_ByDfulghxvvmHbArJSF…</c>), told from a name in code (<c>getAccessTokenFromCache</c>,
/// <c>JwtSecurityTokenHandlerWithXMLSupport</c>, <c>AWS_SecretsManager_RotationLambda</c>). A name is made of words: it
/// capitalises one letter a word (fewer than three capitals in ten letters) and its runs of small letters are
/// pronounceable. A generated token has both cases in about equal parts and its small-letter runs are not words: they
/// lack a vowel or hold four consonants in a row (<c>fulghxvvm</c>).
/// </summary>
internal static class SecretRandomLetters
{
    /// <summary>
    /// True for 20 or more letters (an inner '_' or '-' allowed, and at most two digits: <c>Sc0ZiCkjrTRbLgp…</c>), each
    /// case 30 % of the letters or more, words (see above) under 40 % of the value, 3.3 bits per character or more, and
    /// no alphabet written out.
    /// </summary>
    public static bool Looks(ReadOnlySpan<char> value)
    {
        if (value.Length < 20 || value[0] is '_' or '-' || value[^1] is '_' or '-')
        {
            return false;
        }

        int upper = 0, lower = 0, digits = 0, run = 1;
        for (var k = 0; k < value.Length; k++)
        {
            var c = value[k];
            if (char.IsAsciiLetterUpper(c))
            {
                upper++;
            }
            else if (char.IsAsciiLetterLower(c))
            {
                lower++;
            }
            else if (char.IsAsciiDigit(c) && k > 0 && ++digits <= 2)
            {
                // A digit or two among random letters (base64 of text): still drawn at random.
            }
            else if (c is not ('_' or '-') || value[k - 1] is '_' or '-')
            {
                return false;
            }

            // ABCDEFGHIJKLMNOPqrstuvwxyz: sixteen letters in alphabet order is a written-out alphabet.
            run = k > 0 && char.ToLowerInvariant(c) == char.ToLowerInvariant(value[k - 1]) + 1 ? run + 1 : 1;
            if (run >= 16)
            {
                return false;
            }
        }

        var letters = upper + lower;
        return letters >= 20 && upper * 10 >= letters * 3 && lower * 10 >= letters * 3
            && PronounceableWordShare(value, capitalised: false) * 10 < value.Length * 4 && SecretText.Entropy(value) >= 3.3;
    }

    /// <summary>
    /// A name of capitalised pronounceable words with maybe a digit (<c>ConnectionString1</c>, <c>DefaultConnection2</c>):
    /// such words (see <see cref="PronounceableWordShare"/>) make up 60 % of it or more. Generated tokens have runs of small
    /// letters without vowels or with consonant clusters, so few of their characters count as words; runs of small
    /// letters alone (<c>abcdefabcdef…</c>, synthetic sequences) do not count here.
    /// </summary>
    public static bool LooksLikeName(ReadOnlySpan<char> value) => PronounceableWordShare(value, capitalised: true) * 10 >= value.Length * 6;

    /// <summary>
    /// A name of words (<c>db-credentials-v2</c>, <c>app_tls_cert_2024</c>, <c>mysql.root.password</c>, <c>adminPassword</c>):
    /// parts joined by '-', '_' or '.', each a word in small letters or camel case (pronounceable, or of at most three
    /// letters) or a version (<c>v2</c>, <c>2024</c>), and two words or more. A generated value has parts that mix letters
    /// and digits (<c>wdvvok7slklk…</c>) or runs that are no words (<c>qscgyygcsq</c>, <c>abcdefghijklmnop</c>).
    /// </summary>
    public static bool IsNameOfWords(ReadOnlySpan<char> value)
    {
        var words = 0;
        var longWord = false;
        // Split by hand: MemoryExtensions.SplitAny allocated for its separators, and this runs on clean text.
        for (var rest = value; ;)
        {
            var cut = rest.IndexOfAny(Separators);
            var last = cut < 0;
            var part = last ? rest : rest[..cut];
            rest = last ? default : rest[(cut + 1)..];
            if (part.IsEmpty || (!last && rest.IsEmpty))
            {
                return false;
            }

            if (!part.ContainsAnyExcept(Digits) || (part.Length > 1 && part[0] is 'v' or 'V' && !part[1..].ContainsAnyExcept(Digits)))
            {
                // A version or a number.
                if (part.Length > 8)
                {
                    return false;
                }
            }
            else if (!CountWords(part, ref words, ref longWord))
            {
                return false;
            }

            if (last)
            {
                break;
            }
        }

        return words >= 2 && longWord;
    }

    /// <summary>Camel-case words: a capital (or the start) and small letters; capitals alone (TLS, DB) as one word.</summary>
    private static bool CountWords(ReadOnlySpan<char> part, ref int words, ref bool longWord)
    {
        var k = 0;
        while (k < part.Length)
        {
            var start = k;
            if (char.IsAsciiLetterUpper(part[k]))
            {
                k++;
                while (k < part.Length && char.IsAsciiLetterUpper(part[k]) && (k + 1 == part.Length || !char.IsAsciiLetterLower(part[k + 1])))
                {
                    k++;
                }
            }

            var lowerStart = k;
            while (k < part.Length && char.IsAsciiLetterLower(part[k]))
            {
                k++;
            }

            if (k == start || !IsWord(part[lowerStart..k], k - start))
            {
                return false;
            }

            words++;
            longWord |= k - start >= 4;
        }

        return true;
    }

    private static readonly System.Buffers.SearchValues<char> Separators = System.Buffers.SearchValues.Create("-_.");

    // SearchValues rather than ContainsAny*InRange, which allocated on each call in the test build; this runs on clean text.
    private static readonly System.Buffers.SearchValues<char> Digits = System.Buffers.SearchValues.Create("0123456789");

    /// <summary>
    /// Small letters of one word: three letters or fewer, or up to 16 with a vowel and no four consonants in a row (a
    /// run of 36 small letters, <c>abcdefabcdef…</c>, is no word).
    /// </summary>
    private static bool IsWord(ReadOnlySpan<char> lowers, int length)
    {
        if (length <= 3)
        {
            return true;
        }

        if (length > 16)
        {
            return false;
        }

        var vowel = false;
        var consonants = 0;
        foreach (var c in lowers)
        {
            var isVowel = c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';
            vowel |= isVowel;
            consonants = isVowel ? 0 : consonants + 1;
            if (consonants >= 4)
            {
                return false;
            }
        }

        return vowel || lowers.IsEmpty;
    }

    /// <summary>
    /// Characters in words: a capital and two or more small letters, or three or more small letters, where the small
    /// letters hold a vowel (<c>y</c> counts) and no four consonants in a row; with <paramref name="capitalised"/> only
    /// words that start with a capital.
    /// </summary>
    private static int PronounceableWordShare(ReadOnlySpan<char> value, bool capitalised)
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
            var vowel = false;
            var consonants = 0;
            var cluster = false;
            while (k < value.Length && char.IsAsciiLetterLower(value[k]))
            {
                var isVowel = value[k] is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';
                vowel |= isVowel;
                consonants = isVowel ? 0 : consonants + 1;
                cluster |= consonants >= 4;
                k++;
            }

            var lowers = k - lowerStart;
            if ((lowers >= 3 || (lowers == 2 && lowerStart > start)) && vowel && !cluster && (!capitalised || lowerStart > start))
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
}
