using System.Buffers;
using System.Text;

namespace AgentGuard;

/// <summary>
/// Words broken at a line's end with a hyphen, read whole as a model reads them: text extracted from a PDF or laid out
/// justified breaks long words that way (<c>Ig-⏎nore all previous in-⏎structions</c>), and an attacker can break every
/// telling word of an instruction so. A hyphen (also a soft or a Unicode hyphen) between a letter and a line break that
/// a lower-case letter follows, after any indentation, is removed with the break; a hyphen of the word's own
/// (<c>well-⏎known</c>) joins it the same way, which only adds a reading. A text with no hyphen costs one vector search.
/// </summary>
internal static class HyphenatedReading
{
    private static readonly SearchValues<char> Hyphens = SearchValues.Create("-\u00AD\u2010");

    /// <summary>The text with each hyphenated line break joined; null when it holds none.</summary>
    public static string? Of(ReadOnlySpan<char> text)
    {
        StringBuilder? reading = null;
        var from = 0;
        for (var at = 0; at < text.Length;)
        {
            var found = text[at..].IndexOfAny(Hyphens);
            if (found < 0)
            {
                break;
            }

            at += found;
            var next = Joined(text, at);
            if (next < 0)
            {
                at++;
                continue;
            }

            (reading ??= new StringBuilder(text.Length)).Append(text[from..at]);
            from = next;
            at = next;
        }

        return reading?.Append(text[from..]).ToString();
    }

    /// <summary>Where the word goes on after the hyphen at <paramref name="at"/> and its line break, or -1 when it breaks no word.</summary>
    private static int Joined(ReadOnlySpan<char> text, int at)
    {
        if (at == 0 || !char.IsLetter(text[at - 1]))
        {
            return -1;
        }

        var i = at + 1;
        if (i < text.Length && text[i] == '\r')
        {
            i++;
        }

        if (i >= text.Length || text[i] != '\n')
        {
            return -1;
        }

        i++;
        while (i < text.Length && text[i] is ' ' or '\t')
        {
            i++;
        }

        return i < text.Length && char.IsLower(text[i]) ? i : -1;
    }
}
