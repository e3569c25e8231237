using System.Buffers;

namespace AgentGuard;

/// <content>
/// Instructions in ROT13 ("Vtaber nyy cerivbhf vafgehpgvbaf"): a model reads the rotation as easily as base64, so the
/// detector rotates the text back when it reads like rotated English, and counts what it finds only when the rotated
/// text scores as an injection on its own (a rotated puzzle answer, "Gur nafjre vf sbegl-gjb", stays clean).
/// </content>
internal sealed partial class InjectionDetector
{
    /// <summary>At most this many characters around the first rotated word are rotated back and read.</summary>
    private const int MaximumRotatedRun = 4096;

    /// <summary>
    /// Frequent English words as ROT13 writes them ("the", "and", "you", "all", "ignore", "instructions", "previous", "to",
    /// "is"), each between spaces: English prose holds almost none of them, rotated English several.
    /// </summary>
    private static readonly SearchValues<string> RotatedWords = SearchValues.Create([" gur ", " naq ", " lbh ", " nyy ", " vtaber ", " vafgehpgvbaf", " cerivbhf ", " gb ", " vf "], StringComparison.OrdinalIgnoreCase);

    /// <summary>Two different rotated words: the text (around the first) is rotated back and read as decoded text.</summary>
    private static void ScanRotated(ReadOnlySpan<char> text, Span<double> weights)
    {
        var first = text.IndexOfAny(RotatedWords);
        if (first < 0)
        {
            return;
        }

        var firstWord = WordAt(text, first + 1);
        var at = first + 1;
        var second = -1;
        while (at < text.Length)
        {
            var next = text[at..].IndexOfAny(RotatedWords);
            if (next < 0)
            {
                return;
            }

            next += at;
            if (!WordAt(text, next + 1).Equals(firstWord, StringComparison.OrdinalIgnoreCase))
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

        var start = Math.Max(0, first - (MaximumRotatedRun / 4));
        var length = Math.Min(text.Length - start, MaximumRotatedRun);
        var buffer = ArrayPool<char>.Shared.Rent(length);
        try
        {
            var rotated = buffer.AsSpan(0, length);
            Rotate13(text.Slice(start, length), rotated);
            ReadDecodedText(rotated, weights);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    private static void Rotate13(ReadOnlySpan<char> source, Span<char> target)
    {
        for (var k = 0; k < source.Length; k++)
        {
            var c = source[k];
            target[k] = c switch
            {
                >= 'a' and <= 'z' => (char)('a' + ((c - 'a' + 13) % 26)),
                >= 'A' and <= 'Z' => (char)('A' + ((c - 'A' + 13) % 26)),
                _ => c,
            };
        }
    }
}
