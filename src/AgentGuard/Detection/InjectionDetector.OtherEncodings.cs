using System.Buffers;

namespace AgentGuard;

/// <content>
/// Instructions in Morse code ("..  --. -. --- .-. . / .--. .-. . ...- …"), written backwards ("snoitcurtsni suoiverp
/// erongI") or as decimal character codes ("73 103 110 111 114 101 …"): a model reads all three, so the detector decodes
/// them too, and, as with hex and base64, counts what it finds only when the decoded text scores as an injection on its
/// own (a Morse greeting, a reversed palindrome or a row of numbers stays clean). English prose pays one search for the
/// reversed words and a look at each full stop or hyphen that opens a run of dots and dashes.
/// </content>
internal sealed partial class InjectionDetector
{
    /// <summary>A Morse run has at least this many letters.</summary>
    private const int MinimumMorseLetters = 12;

    /// <summary>Decimal character codes: at least this many in a row.</summary>
    private const int MinimumDecimalCodes = 12;

    private static readonly SearchValues<char> MorseChars = SearchValues.Create(".- /|\u00B7\u2013\u2014_");

    /// <summary>A dot next to a dash: every run of Morse code of more than a few letters holds one, and prose seldom does.</summary>
    private static readonly SearchValues<string> MorsePairs = SearchValues.Create([".-", "-."], StringComparison.Ordinal);

    /// <summary>The letters and digits of Morse code, by their dots (0) and dashes (1) read as a binary number under a leading 1.</summary>
    private static readonly Dictionary<int, char> MorseLetters = BuildMorseLetters();

    /// <summary>
    /// Frequent English words written backwards ("the", "and", "you", "all", "ignore", "instructions", "previous",
    /// "your"), each at a word's start: English prose holds almost none of them, reversed English several. Searched
    /// without the blank before them (a search that starts at every blank is slow), which is checked after.
    /// </summary>
    private static readonly SearchValues<string> ReversedWords = SearchValues.Create(["eht ", "dna ", "uoy ", "lla ", "erongi", "snoitcurtsni", "suoiverp ", "ruoy "], StringComparison.OrdinalIgnoreCase);

    /// <summary>At most this many characters around the first reversed word are turned round and read.</summary>
    private const int MaximumReversedRun = 4096;

    /// <summary>Every run of dots and dashes with enough letters, decoded and read as decoded text.</summary>
    private static void ScanMorse(ReadOnlySpan<char> text, Span<double> weights)
    {
        var at = text.IndexOfAny(MorsePairs);
        while (at >= 0)
        {
            var start = at;
            while (start > 0 && MorseChars.Contains(text[start - 1]))
            {
                start--;
            }

            var length = text[at..].IndexOfAnyExcept(MorseChars);
            var end = length < 0 ? text.Length : at + length;
            if (end - start >= MinimumMorseLetters * 2)
            {
                ReadMorse(text[start..end], weights);
            }

            var next = end < text.Length ? text[end..].IndexOfAny(MorsePairs) : -1;
            at = next < 0 ? -1 : end + next;
        }
    }

    /// <summary>Decodes a run of Morse code (letters apart by a space, words by a slash, a bar or two spaces) and reads it.</summary>
    private static void ReadMorse(ReadOnlySpan<char> run, Span<double> weights)
    {
        Span<char> decoded = stackalloc char[Math.Min(run.Length, MaximumEncodedRun)];
        var written = 0;
        var letters = 0;
        var unknown = 0;
        var code = 1;
        var spaces = 0;
        foreach (var c in run)
        {
            if (written >= decoded.Length - 1)
            {
                break;
            }

            if (c is '.' or '\u00B7' or '-' or '_' or '\u2013' or '\u2014')
            {
                if (spaces >= 2 && written > 0 && decoded[written - 1] != ' ')
                {
                    decoded[written++] = ' ';
                }

                spaces = 0;
                code = (code << 1) | (c is '.' or '\u00B7' ? 0 : 1);
                if (code > 1 << 7)
                {
                    return;
                }

                continue;
            }

            if (code > 1)
            {
                if (MorseLetters.TryGetValue(code, out var letter))
                {
                    decoded[written++] = letter;
                    letters++;
                }
                else
                {
                    unknown++;
                }

                code = 1;
            }

            if (c is '/' or '|')
            {
                if (written > 0 && decoded[written - 1] != ' ')
                {
                    decoded[written++] = ' ';
                }

                spaces = 0;
            }
            else
            {
                spaces++;
            }
        }

        if (code > 1 && written < decoded.Length && MorseLetters.TryGetValue(code, out var last))
        {
            decoded[written++] = last;
            letters++;
        }

        if (letters >= MinimumMorseLetters && unknown * 10 <= letters && decoded[..written].Count(' ') >= 2)
        {
            ReadDecodedText(decoded[..written], weights);
        }
    }

    private static Dictionary<int, char> BuildMorseLetters()
    {
        (char Letter, string Code)[] table =
        [
            ('a', ".-"), ('b', "-..."), ('c', "-.-."), ('d', "-.."), ('e', "."), ('f', "..-."), ('g', "--."), ('h', "...."), ('i', ".."),
            ('j', ".---"), ('k', "-.-"), ('l', ".-.."), ('m', "--"), ('n', "-."), ('o', "---"), ('p', ".--."), ('q', "--.-"), ('r', ".-."),
            ('s', "..."), ('t', "-"), ('u', "..-"), ('v', "...-"), ('w', ".--"), ('x', "-..-"), ('y', "-.--"), ('z', "--.."),
            ('0', "-----"), ('1', ".----"), ('2', "..---"), ('3', "...--"), ('4', "....-"), ('5', "....."), ('6', "-...."), ('7', "--..."),
            ('8', "---.."), ('9', "----."), ('.', ".-.-.-"), (',', "--..--"), ('?', "..--.."), ('\'', ".----."), ('!', "-.-.--"), (':', "---..."),
            ('"', ".-..-."), ('@', ".--.-."), ('=', "-...-"), ('-', "-....-"),
        ];
        var letters = new Dictionary<int, char>(table.Length);
        foreach (var (letter, code) in table)
        {
            var value = 1;
            foreach (var c in code)
            {
                value = (value << 1) | (c == '.' ? 0 : 1);
            }

            letters[value] = letter;
        }

        return letters;
    }

    /// <summary>Two different reversed words: the text around the first is turned round and read as decoded text.</summary>
    private static void ScanReversed(ReadOnlySpan<char> text, Span<double> weights)
    {
        var first = NextReversedWord(text, 0);
        if (first < 0)
        {
            return;
        }

        var firstWord = WordAt(text, first);
        var second = -1;
        for (var at = first + 1; at < text.Length;)
        {
            var next = NextReversedWord(text, at);
            if (next < 0)
            {
                return;
            }

            if (!WordAt(text, next).Equals(firstWord, StringComparison.OrdinalIgnoreCase))
            {
                second = next;
                break;
            }

            at = next + 1;
        }

        if (second < 0)
        {
            return;
        }

        var start = Math.Max(0, first - (MaximumReversedRun / 2));
        var length = Math.Min(text.Length - start, MaximumReversedRun);
        var buffer = ArrayPool<char>.Shared.Rent(length);
        try
        {
            var reversed = buffer.AsSpan(0, length);
            text.Slice(start, length).CopyTo(reversed);
            reversed.Reverse();
            ReadDecodedText(reversed, weights);

            // Each word written backwards where it stands ("erongI lla suoiverp snoitcurtsni"): the same reversed
            // words, read in their own order.
            text.Slice(start, length).CopyTo(reversed);
            ReverseEachWord(reversed);
            ReadDecodedText(reversed, weights);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>Turns round each run of letters, digits and apostrophes in place ("s'resu" → "user's").</summary>
    private static void ReverseEachWord(Span<char> text)
    {
        for (var i = 0; i < text.Length;)
        {
            if (!IsWordLetter(text[i]))
            {
                i++;
                continue;
            }

            var end = i;
            while (end < text.Length && IsWordLetter(text[end]))
            {
                end++;
            }

            text[i..end].Reverse();
            i = end;
        }

        static bool IsWordLetter(char c) => char.IsLetterOrDigit(c) || c is '\'' or '\u2019';
    }

    /// <summary>The next word of <see cref="ReversedWords"/> from <paramref name="from"/> that starts a word, or -1.</summary>
    private static int NextReversedWord(ReadOnlySpan<char> text, int from)
    {
        while (from < text.Length)
        {
            var found = text[from..].IndexOfAny(ReversedWords);
            if (found < 0)
            {
                return -1;
            }

            var at = from + found;
            if (at == 0 || !char.IsLetter(text[at - 1]))
            {
                return at;
            }

            from = at + 1;
        }

        return -1;
    }

    /// <summary>
    /// Decimal character codes from <paramref name="start"/> ("73 103 110 …", "73,103,110"), each a printable character's
    /// (32–126): decoded and read when there are at least <see cref="MinimumDecimalCodes"/>. False, at once, when the
    /// number there is no such code followed by another; <paramref name="end"/> is where the codes end.
    /// </summary>
    private static bool TryReadDecimalCodes(ReadOnlySpan<char> text, int start, Span<double> weights, out int end)
    {
        Span<byte> bytes = stackalloc byte[MaximumEncodedRun / 3];
        var count = 0;
        var i = start;
        end = start;
        while (count < bytes.Length)
        {
            var digits = 0;
            var value = 0;
            while (i + digits < text.Length && digits < 4 && char.IsAsciiDigit(text[i + digits]))
            {
                value = (value * 10) + (text[i + digits] - '0');
                digits++;
            }

            if (digits is < 2 or > 3 || value is < 32 or > 126 || (i + digits < text.Length && char.IsAsciiLetterOrDigit(text[i + digits])))
            {
                break;
            }

            bytes[count++] = (byte)value;
            i += digits;
            end = i;
            if (i < text.Length && text[i] == ',')
            {
                i++;
            }

            if (i < text.Length && text[i] == ' ')
            {
                i++;
            }

            if (i >= text.Length || !char.IsAsciiDigit(text[i]))
            {
                break;
            }
        }

        if (count < MinimumDecimalCodes)
        {
            return false;
        }

        ReadDecoded(bytes[..count], weights);
        return true;
    }
}
