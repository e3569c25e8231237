using System.Buffers;
using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace AgentGuard.Onnx;

/// <summary>
/// The text as a reader sees it, before tokenizing: invisible format characters (zero-width spaces and joiners, the
/// word joiner, soft hyphens, bidirectional marks) are dropped so they cannot split a word into pieces the model never
/// learnt, and Unicode tag characters (U+E0020–U+E007E), which hide ASCII from people but not from a model reading
/// code points, are turned back into that ASCII. A run after a right-to-left override (U+202E, to U+202C or the line's
/// end) is displayed backwards, so it is put in the order it is read. Line breaks and tabs become the spaces they are to
/// a reader (a tokenizer without a normalizer keeps a word and the next line together: "instructions\nthe" is one
/// unknown token). Letters that imitate others are read as those: compatibility forms (full-width, mathematical bold,
/// ligatures) by NFKC, and Cyrillic or Greek look-alikes inside a word that is otherwise Latin ("ign\u043Ere") as the
/// Latin letters they imitate — a word wholly in another script is left alone. Text without such characters is returned
/// as it is.
/// </summary>
internal static class ModelText
{
    private const int TagFirst = 0xE0020;
    private const int TagLast = 0xE007E;
    private const char RightToLeftOverride = '\u202E';
    private const char PopDirectionalFormatting = '\u202C';

    private static readonly SearchValues<char> LineAndTab = SearchValues.Create("\r\n\t\v\f\u0085\u2028\u2029");

    /// <summary>Cyrillic and Greek letters drawn like a Latin one, and the Latin letter each imitates (same position).</summary>
    private const string LookAlikeLetters = "\u0430\u0435\u043E\u0440\u0441\u0443\u0445\u0456\u0458\u0455\u0501\u04BB\u0410\u0412\u0415\u041A\u041C\u041D\u041E\u0420\u0421\u0422\u0425\u0406\u0408\u0405\u03BF\u03B1\u03B9\u03BA\u03BD\u03C1\u03C5\u03C7\u0391\u0392\u0395\u0396\u0397\u0399\u039A\u039C\u039D\u039F\u03A1\u03A4\u03A5\u03A7";

    private const string ImitatedLetters = "aeopcyxijsdhABEKMHOPCTXIJSoaikvpuxABEZHIKMNOPTYX";

    private static readonly FrozenDictionary<char, char> LatinLookAlikes = LookAlikeLetters.Zip(ImitatedLetters).ToFrozenDictionary(p => p.First, p => p.Second);

    public static string Clean(string text)
    {
        var visible = Visible(text);
        return SpacedOut(Ascii.IsValid(visible) ? visible : Latin(visible.Normalize(NormalizationForm.FormKC)));
    }

    /// <summary>Look-alike letters inside a word that also holds ASCII letters, as the Latin letters they imitate.</summary>
    private static string Latin(string text)
    {
        char[]? folded = null;
        for (var start = 0; start < text.Length;)
        {
            if (!char.IsLetter(text[start]))
            {
                start++;
                continue;
            }

            var end = start;
            var (ascii, lookAlike) = (false, false);
            for (; end < text.Length && char.IsLetter(text[end]); end++)
            {
                ascii |= char.IsAsciiLetter(text[end]);
                lookAlike |= LatinLookAlikes.ContainsKey(text[end]);
            }

            if (ascii && lookAlike)
            {
                folded ??= text.ToCharArray();
                for (var i = start; i < end; i++)
                {
                    folded[i] = LatinLookAlikes.GetValueOrDefault(text[i], text[i]);
                }
            }

            start = end;
        }

        return folded is null ? text : new string(folded);
    }

    private static string SpacedOut(string text)
        => text.AsSpan().IndexOfAny(LineAndTab) < 0 ? text : string.Create(text.Length, text, static (span, source) =>
        {
            source.AsSpan().CopyTo(span);
            span.ReplaceAny(LineAndTab, ' ');
        });

    private static string Visible(string text)
    {
        var first = FirstToClean(text);
        if (first < 0)
        {
            return text;
        }

        var cleaned = new StringBuilder(text.Length);
        cleaned.Append(text, 0, first);
        var rest = text.AsSpan(first);
        while (!rest.IsEmpty)
        {
            var overridden = rest.IndexOf(RightToLeftOverride);
            Append(cleaned, overridden < 0 ? rest : rest[..overridden]);
            if (overridden < 0)
            {
                break;
            }

            rest = rest[(overridden + 1)..];
            var end = rest.IndexOfAny(PopDirectionalFormatting, '\n');
            var backwards = end < 0 ? rest : rest[..end];
            var run = new StringBuilder(backwards.Length);
            Append(run, backwards);
            var runes = run.ToString().EnumerateRunes().ToArray();
            for (var i = runes.Length - 1; i >= 0; i--)
            {
                cleaned.Append(runes[i].ToString());
            }

            rest = end < 0 ? [] : rest[end..];
        }

        return cleaned.ToString();
    }

    private static void Append(StringBuilder into, ReadOnlySpan<char> text)
    {
        foreach (var rune in text.EnumerateRunes())
        {
            if (rune.Value is >= TagFirst and <= TagLast)
            {
                into.Append((char)(rune.Value - 0xE0000));
            }
            else if (Rune.GetUnicodeCategory(rune) != UnicodeCategory.Format)
            {
                into.Append(rune.ToString());
            }
        }
    }

    private static int FirstToClean(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c < '\u00AD')
            {
                continue;
            }

            if (char.IsSurrogate(c) ? Rune.TryGetRuneAt(text, i, out var rune) && Rune.GetUnicodeCategory(rune) == UnicodeCategory.Format : char.GetUnicodeCategory(c) == UnicodeCategory.Format)
            {
                return i;
            }
        }

        return -1;
    }
}
