using System.Text;

namespace AgentGuard;

/// <summary>
/// Pig Latin ("Ignoreway allway eviouspray instructionsway"): each word's first consonants moved to its end with "ay"
/// after them, or "way" after a word that opens with a vowel, which a model reads as the English words. A line where at
/// least <see cref="MinimumWords"/> words of four letters or more end in "ay", and three in four of its words (links and
/// numbers aside) do, is read
/// back: "way" dropped after a vowel's word, the consonants before "ay" moved to the front. How many moved is not
/// written ("eviouspray" is "previous", "asswordspay" is "passwords"), so the line is read twice: once with one consonant
/// moved, once with two where they can open an English word ("pr", "th", "st" …). English lines hold a few words ending
/// in "ay" ("Friday", "away", "okay"), never three in four. A line is looked at only once it holds four words ending in
/// "ay"; finding them costs a vectorised search per "ay" of the text.
/// </summary>
internal static class PigLatinReading
{
    /// <summary>The fewest words ending in "ay" on a line read back.</summary>
    private const int MinimumWords = 4;

    /// <summary>The lines of <paramref name="text"/> written in Pig Latin, read as English one per line; null when there is none.</summary>
    public static string? Of(ReadOnlySpan<char> text)
    {
        StringBuilder? reading = null;
        var lineEnd = -1;
        var endings = 0;
        for (var at = NextEnding(text, 0); at >= 0; at = NextEnding(text, at + 2))
        {
            if (at > lineEnd)
            {
                // The first ending on a line: count the line's endings from here.
                var next = text[at..].IndexOf('\n');
                lineEnd = next < 0 ? text.Length : at + next;
                endings = 0;
            }

            if (++endings != MinimumWords)
            {
                continue;
            }

            var line = text[(text[..at].LastIndexOf('\n') + 1)..lineEnd];
            if (IsPigLatin(line))
            {
                reading ??= new StringBuilder();
                AppendLine(reading, line, pairs: false);
                AppendLine(reading, line, pairs: true);
            }
        }

        return reading?.ToString();
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

    /// <summary>
    /// At least <see cref="MinimumWords"/> words of four letters or more end in "ay", three in four of the line's words
    /// do. A word is a blank-separated token of letters with its punctuation trimmed; tokens that hold other characters
    /// (a link, an address, a number) are left out of the count.
    /// </summary>
    private static bool IsPigLatin(ReadOnlySpan<char> line)
    {
        var words = 0;
        var pig = 0;
        foreach (var range in line.SplitAny(" \t"))
        {
            var token = line[range].Trim(".,;:!?\"'()[]");
            if (token.IsEmpty || token.ContainsAnyExceptInRange('A', 'z') || token.ContainsAny("[\\]^_`"))
            {
                continue;
            }

            words++;
            pig += token.Length >= 4 && token.EndsWith("ay", StringComparison.OrdinalIgnoreCase) ? 1 : 0;
        }

        return pig >= MinimumWords && pig * 4 >= words * 3;
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
