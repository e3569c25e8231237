using System.Globalization;
using System.Text;

namespace AgentGuard;

/// <summary>Unicode clean-up shared by name and value normalisation.</summary>
internal static class UnicodeText
{
    /// <summary>
    /// The text without format characters (zero-width, bidi controls, tag characters) and with unpaired surrogates
    /// replaced by U+FFFD, NFKC-normalised. Never throws on ill-formed UTF-16 (which <see cref="string.Normalize()"/> does).
    /// </summary>
    public static string CleanAndNormalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                if (CharUnicodeInfo.GetUnicodeCategory(text, i) != UnicodeCategory.Format)
                {
                    builder.Append(c).Append(text[i + 1]);
                }

                i++;
            }
            else if (char.IsSurrogate(c))
            {
                builder.Append('\uFFFD');
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.Format)
            {
                builder.Append(c);
            }
        }

        var cleaned = builder.ToString();
        try
        {
            return cleaned.IsNormalized(NormalizationForm.FormKC) ? cleaned : cleaned.Normalize(NormalizationForm.FormKC);
        }
        catch (ArgumentException)
        {
            // Unassigned or non-characters the normaliser refuses: replace them, then normalise what remains.
            var replaced = string.Create(cleaned.Length, cleaned, static (destination, source) =>
            {
                for (var i = 0; i < source.Length; i++)
                {
                    var c = source[i];
                    destination[i] = char.IsSurrogate(c) || CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.OtherNotAssigned ? c : '\uFFFD';
                }
            });
            try
            {
                return replaced.Normalize(NormalizationForm.FormKC);
            }
            catch (ArgumentException)
            {
                return replaced;
            }
        }
    }
}
