using System.Text;

namespace AgentGuard;

/// <summary>
/// Pig Latin ("Ignoreway allway eviouspray instructionsway"): each word's first consonants moved to its end with "ay"
/// after them, or "way" after a word that opens with a vowel, which a model reads as the English words. Where
/// <see cref="MinimumWords"/> words of four letters or more ending in "ay" stand within <see cref="ClusterSpan"/>
/// characters of one another, the stretch around them on their line is read back: "way" dropped after a vowel's word, the
/// consonants before "ay" moved to the front. How many moved is not written ("eviouspray" is "previous", "asswordspay"
/// "passwords"), so the stretch is read twice: once with one consonant moved, once with two where they can open an
/// English word ("pr", "th", "st" …). Words around the cluster stay as written, so plain words mixed in to thin the
/// Latin out ("Please ignoreway allway …") are read with it. The reading counts only when it is an injection alone:
/// "Today is Friday, stay away, okay?" reads back as nonsense. Finding the endings costs a vectorised search per "ay".
/// </summary>
internal static class PigLatinReading
{
    /// <summary>The fewest words ending in "ay" close together that are read back.</summary>
    private const int MinimumWords = 4;

    /// <summary>How close (in characters, first to last) the <see cref="MinimumWords"/> endings stand.</summary>
    private const int ClusterSpan = 80;

    /// <summary>How far around the cluster, on its line, the stretch read back reaches.</summary>
    private const int Reach = 200;

    /// <summary>The stretches of <paramref name="text"/> written in Pig Latin, read as English; null when there is none.</summary>
    public static string? Of(ReadOnlySpan<char> text)
    {
        StringBuilder? reading = null;
        Span<int> recent = stackalloc int[MinimumWords];
        var count = 0;
        var readTo = 0;
        for (var at = NextEnding(text, 0); at >= 0; at = NextEnding(text, at + 2))
        {
            recent[count++ % MinimumWords] = at;
            var first = recent[count % MinimumWords];
            if (count < MinimumWords || at - first > ClusterSpan || at < readTo)
            {
                continue;
            }

            var lineStart = text[..first].LastIndexOf('\n') + 1;
            var lineEnd = text[at..].IndexOf('\n');
            lineEnd = lineEnd < 0 ? text.Length : at + lineEnd;
            var from = WordStart(text, Math.Max(lineStart, Math.Max(readTo, first - Reach)));
            var to = WordEnd(text, Math.Min(lineEnd, at + Reach));
            reading ??= new StringBuilder();
            AppendLine(reading, text[from..to], pairs: false);
            AppendLine(reading, text[from..to], pairs: true);
            readTo = to;
        }

        return reading?.ToString();
    }

    private static int WordStart(ReadOnlySpan<char> text, int i)
    {
        while (i > 0 && char.IsAsciiLetter(text[i - 1]) && char.IsAsciiLetter(text[i]))
        {
            i--;
        }

        return i;
    }

    private static int WordEnd(ReadOnlySpan<char> text, int i)
    {
        while (i < text.Length && i > 0 && char.IsAsciiLetter(text[i - 1]) && char.IsAsciiLetter(text[i]))
        {
            i++;
        }

        return i;
    }

    /// <summary>The next "ay" from <paramref name="from"/> that ends a word of four letters or more, or -1.</summary>
    private static int NextEnding(ReadOnlySpan<char> text, int from)
    {
        while (from < text.Length)
        {
            var found = text[from..].IndexOf("ay", StringComparison.OrdinalIgnoreCase);
            if (found < 0)
            {
                return -1;
            }

            var at = from + found;
            if (at >= 2 && char.IsAsciiLetter(text[at - 1]) && char.IsAsciiLetter(text[at - 2]) && (at + 2 == text.Length || !char.IsAsciiLetter(text[at + 2])))
            {
                return at;
            }

            from = at + 1;
        }

        return -1;
    }

    /// <summary>Two consonants that open English words: moved together when <c>pairs</c> is set.</summary>
    private static readonly string[] Onsets = ["bl", "br", "ch", "cl", "cr", "dr", "fl", "fr", "gl", "gr", "kn", "pl", "pr", "sc", "sh", "sk", "sl", "sm", "sn", "sp", "st", "sw", "th", "tr", "tw", "wh", "wr", "ph"];

    private static void AppendLine(StringBuilder reading, ReadOnlySpan<char> line, bool pairs)
    {
        for (var i = 0; i < line.Length;)
        {
            if (!char.IsAsciiLetter(line[i]))
            {
                reading.Append(line[i++]);
                continue;
            }

            var end = i;
            while (end < line.Length && char.IsAsciiLetter(line[end]))
            {
                end++;
            }

            AppendEnglish(reading, line[i..end], pairs);
            i = end;
        }

        reading.Append('\n');
    }

    /// <summary>One word read back; a word that does not end in "ay" as written.</summary>
    private static void AppendEnglish(StringBuilder reading, ReadOnlySpan<char> word, bool pairs)
    {
        if (word.Length < 4 || !word.EndsWith("ay", StringComparison.OrdinalIgnoreCase))
        {
            reading.Append(word);
            return;
        }

        var stem = word[..^2];
        if (stem.EndsWith("w", StringComparison.OrdinalIgnoreCase) && stem.Length > 1 && IsVowel(stem[0]))
        {
            // "allway": a word that opens with a vowel took "way".
            reading.Append(stem[..^1]);
            return;
        }

        var vowelEnd = stem.Length;
        while (vowelEnd > 0 && !IsVowel(stem[vowelEnd - 1]))
        {
            vowelEnd--;
        }

        if (vowelEnd == 0 || vowelEnd == stem.Length)
        {
            reading.Append(stem);
            return;
        }

        // "eviouspr" + "ay": one or two of the consonants after the last vowel open the word.
        var consonants = pairs && stem.Length - vowelEnd >= 2 && IsOnset(stem[^2..]) ? stem.Length - 2 : stem.Length - 1;
        var moved = stem[consonants..];
        var upper = char.IsAsciiLetterUpper(stem[0]);
        reading.Append(upper ? char.ToUpperInvariant(moved[0]) : char.ToLowerInvariant(moved[0]));
        reading.Append(moved[1..]);
        reading.Append(upper ? char.ToLowerInvariant(stem[0]) : stem[0]);
        reading.Append(stem[1..consonants]);
    }

    private static bool IsOnset(ReadOnlySpan<char> pair)
    {
        foreach (var onset in Onsets)
        {
            if (pair.Equals(onset, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'A' or 'E' or 'I' or 'O' or 'U';
}
