using System.Globalization;
using System.Text;

namespace AgentGuard.Onnx;

/// <summary>
/// The text as a reader sees it, before tokenizing: invisible format characters (zero-width spaces and joiners, the
/// word joiner, soft hyphens, bidirectional marks) are dropped so they cannot split a word into pieces the model never
/// learnt, and Unicode tag characters (U+E0020–U+E007E), which hide ASCII from people but not from a model reading
/// code points, are turned back into that ASCII. Text without such characters is returned as it is.
/// </summary>
internal static class ModelText
{
    private const int TagFirst = 0xE0020;
    private const int TagLast = 0xE007E;

    public static string Clean(string text)
    {
        var first = FirstToClean(text);
        if (first < 0)
        {
            return text;
        }

        var cleaned = new StringBuilder(text.Length);
        cleaned.Append(text, 0, first);
        foreach (var rune in text.AsSpan(first).EnumerateRunes())
        {
            if (rune.Value is >= TagFirst and <= TagLast)
            {
                cleaned.Append((char)(rune.Value - 0xE0000));
            }
            else if (Rune.GetUnicodeCategory(rune) != UnicodeCategory.Format)
            {
                cleaned.Append(rune.ToString());
            }
        }

        return cleaned.ToString();
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
