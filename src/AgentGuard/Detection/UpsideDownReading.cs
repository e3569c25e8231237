using System.Buffers;
using System.Collections.Frozen;
using System.Text;

namespace AgentGuard;

/// <summary>
/// Text turned upside down ("suoᴉʇɔnɹʇsuᴉ snoᴉʌǝɹd llɐ ǝɹouƃᴉ"): each letter swapped for one that looks like it rotated
/// half a turn, and the line written backwards, which a model reads the right way up. A line with at least
/// <see cref="MinimumDistinct"/> different turned letters that no alphabet writes in words (ɐ, ǝ, ɹ, ʇ, ɥ, ɯ, ʍ, ʎ, ƃ, ᴉ,
/// ʞ …) is turned back; phonetic transcriptions hold a few of them and read as nonsense turned. A text without any costs
/// one vectorised search.
/// </summary>
internal static class UpsideDownReading
{
    /// <summary>How many different turned letters a line holds before it is read turned back.</summary>
    private const int MinimumDistinct = 3;

    /// <summary>Turned letters and signs, each read as the upright one at the same place of <see cref="Upright"/>.</summary>
    private const string TurnedLetters = "ɐɔǝɟƃɥᴉɾʞɯɹʇʌʍʎן∀ƆƎℲ⅁ſ⅂Ԁ⊥∩Λ⅄˙¡¿";

    private const string Upright = "acefghijkmrtvwylACEFGJLPTUVY.!?";

    private static readonly FrozenDictionary<char, char> Turned = TurnedLetters.Select((c, i) => (c, i)).ToFrozenDictionary(p => p.c, p => Upright[p.i]);

    /// <summary>The turned letters that mark a line as turned: ones written in no word of any language's alphabet.</summary>
    private static readonly SearchValues<char> Marks = SearchValues.Create("ɐǝɹʇɥɯʍʎƃᴉʞɟ∀Ǝ⊥");

    /// <summary>Letters an upright one becomes when turned: b and q, d and p, n and u; and the apostrophe a comma.</summary>
    private static char TurnedAscii(char c) => c switch
    {
        'b' => 'q',
        'q' => 'b',
        'd' => 'p',
        'p' => 'd',
        'n' => 'u',
        'u' => 'n',
        ',' => '\'',
        '\'' => ',',
        _ => c,
    };

    /// <summary>The turned lines of <paramref name="text"/> read the right way up, one per line; null when there is none.</summary>
    public static string? Of(ReadOnlySpan<char> text)
    {
        if (text.IndexOfAny(Marks) < 0)
        {
            return null;
        }

        StringBuilder? reading = null;
        foreach (var range in text.Split('\n'))
        {
            var line = text[range];
            if (DistinctMarks(line) < MinimumDistinct)
            {
                continue;
            }

            reading ??= new StringBuilder();
            for (var i = line.Length - 1; i >= 0; i--)
            {
                var c = line[i];
                reading.Append(Turned.TryGetValue(c, out var upright) ? upright : TurnedAscii(c));
            }

            reading.Append('\n');
        }

        return reading?.ToString();
    }

    private static int DistinctMarks(ReadOnlySpan<char> line)
    {
        Span<char> seen = stackalloc char[MinimumDistinct];
        var count = 0;
        for (var at = line.IndexOfAny(Marks); at >= 0 && count < MinimumDistinct; at = Next(line, at))
        {
            if (!seen[..count].Contains(line[at]))
            {
                seen[count++] = line[at];
            }
        }

        return count;

        static int Next(ReadOnlySpan<char> line, int at)
        {
            var next = line[(at + 1)..].IndexOfAny(Marks);
            return next < 0 ? -1 : at + 1 + next;
        }
    }
}
