using System.Buffers;

namespace AgentGuard;

/// <content>
/// Instructions written in hex, base64 or binary ("49676e6f7265…", "SWdub3Jl…", "01001001 01100111 …"): a model reads
/// them decoded, so the detector does too. Encoded data is everywhere (hashes, keys, images, encoded prose), so the
/// encoding proves nothing by itself: only decoded text that scores as an injection on its own counts, as a hidden instruction.
/// </content>
internal sealed partial class InjectionDetector
{
    /// <summary>Shortest run of base64 or hex characters that is decoded.</summary>
    private const int MinimumEncodedRun = 24;

    /// <summary>Binary needs at least this many space-separated bytes ("01001001 01100111 …").</summary>
    private const int MinimumBinaryBytes = 8;

    /// <summary>At most this many characters of one run are decoded (the decoded prefix is what is read).</summary>
    private const int MaximumEncodedRun = 1024;

    private static readonly SearchValues<char> EncodedChars = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=");

    private static readonly SearchValues<char> HexChars = SearchValues.Create("0123456789abcdefABCDEF");

    /// <summary>
    /// Every encoded run holds a digit (hex and binary of text always do; base64 of text almost always), so the scan goes
    /// from digit to digit (one vector search each) and reads the run around it; prose with few numbers costs a few searches.
    /// </summary>
    private static void ScanEncoded(ReadOnlySpan<char> text, Span<double> weights)
    {
        ScanPercentEncoded(text, weights);
        var at = text.IndexOfAnyInRange('0', '9');
        while (at >= 0)
        {
            var start = RunStart(text, at);
            var end = RunEnd(text, at + 1);

            if (end - start >= MinimumEncodedRun)
            {
                ReadEncoded(text[start..Math.Min(end, start + MaximumEncodedRun)], weights);
                EncodedRecipient(text, start, end, weights);
            }
            else if (end - start is 2 or 3 && TryReadDecimalCodes(text, start, weights, out var codesEnd))
            {
                end = codesEnd;
            }
            else if (end - start == 8 && IsBinaryByte(text[start..end]))
            {
                end = ReadBinary(text, start, weights);
            }
            else if (end - start == 2 && IsSpacedHexPair(text, start))
            {
                end = ReadSpacedHex(text, start, weights);
            }

            var next = end < text.Length ? text[end..].IndexOfAnyInRange('0', '9') : -1;
            at = next < 0 ? -1 : end + next;
        }
    }

    /// <summary>
    /// Where the run of encoded characters around <paramref name="at"/> opens. Most runs around a digit are short numbers:
    /// a few characters are compared one by one before a vector search takes over a long run.
    /// </summary>
    private static int RunStart(ReadOnlySpan<char> text, int at)
    {
        var start = at;
        for (var k = 0; k < ShortRun && start > 0; k++, start--)
        {
            if (!EncodedChars.Contains(text[start - 1]))
            {
                return start;
            }
        }

        return start == 0 ? 0 : text[..start].LastIndexOfAnyExcept(EncodedChars) + 1;
    }

    /// <summary>Where the run of encoded characters from <paramref name="from"/> ends (as <see cref="RunStart"/>).</summary>
    private static int RunEnd(ReadOnlySpan<char> text, int from)
    {
        var end = from;
        for (var k = 0; k < ShortRun && end < text.Length; k++, end++)
        {
            if (!EncodedChars.Contains(text[end]))
            {
                return end;
            }
        }

        var after = end < text.Length ? text[end..].IndexOfAnyExcept(EncodedChars) : -1;
        return after < 0 ? text.Length : end + after;
    }

    /// <summary>Characters compared one by one at each end of a run before a vector search.</summary>
    private const int ShortRun = 16;

    private static bool IsBinaryByte(ReadOnlySpan<char> word) => word.Length == 8 && word.IndexOfAnyExcept('0', '1') < 0;

    /// <summary>Hex (an even run of hex digits) or base64 (a run of whole quads), decoded and read when it is text.</summary>
    private static void ReadEncoded(ReadOnlySpan<char> run, Span<double> weights)
    {
        Span<byte> bytes = stackalloc byte[MaximumEncodedRun];
        int written;
        if (run.IndexOfAnyExcept(HexChars) < 0)
        {
            var even = run[..(run.Length & ~1)];
            if (Convert.FromHexString(even, bytes, out _, out written) != OperationStatus.Done)
            {
                return;
            }
        }
        else
        {
            var whole = run[..(run.Length & ~3)];
            if (!Convert.TryFromBase64Chars(whole, bytes, out written))
            {
                return;
            }
        }

        ReadDecoded(bytes[..written], weights);
    }

    /// <summary>Space-separated binary bytes from <paramref name="start"/>; returns where they end.</summary>
    private static int ReadBinary(ReadOnlySpan<char> text, int start, Span<double> weights)
    {
        Span<byte> bytes = stackalloc byte[MaximumEncodedRun / 8];
        var count = 0;
        var i = start;
        while (count < bytes.Length && i + 8 <= text.Length && IsBinaryByte(text.Slice(i, 8)) && (i + 8 == text.Length || !char.IsLetterOrDigit(text[i + 8])))
        {
            var value = 0;
            for (var k = 0; k < 8; k++)
            {
                value = (value << 1) | (text[i + k] - '0');
            }

            bytes[count++] = (byte)value;
            i += 8;
            if (i < text.Length && text[i] == ' ')
            {
                i++;
            }
        }

        if (count >= MinimumBinaryBytes)
        {
            ReadDecoded(bytes[..count], weights);
        }

        return Math.Max(i, start + 8);
    }

    /// <summary>
    /// Two hex digits at <paramref name="start"/> followed by a space and two more: the opening of hex bytes written apart
    /// ("5b 61 64 6d 69 6e 5d …"), as a dump or a tool's hex view prints them.
    /// </summary>
    private static bool IsSpacedHexPair(ReadOnlySpan<char> text, int start)
        => start + 5 <= text.Length && HexChars.Contains(text[start]) && HexChars.Contains(text[start + 1]) && text[start + 2] == ' '
            && HexChars.Contains(text[start + 3]) && HexChars.Contains(text[start + 4]);

    /// <summary>Space-separated hex bytes from <paramref name="start"/>, decoded and read when there are enough; returns where they end.</summary>
    private static int ReadSpacedHex(ReadOnlySpan<char> text, int start, Span<double> weights)
    {
        Span<byte> bytes = stackalloc byte[MaximumEncodedRun / 3];
        var count = 0;
        var i = start;
        while (count < bytes.Length && i + 2 <= text.Length && HexChars.Contains(text[i]) && HexChars.Contains(text[i + 1])
            && (i + 2 == text.Length || !char.IsLetterOrDigit(text[i + 2])))
        {
            bytes[count++] = (byte)((HexValue(text[i]) << 4) | HexValue(text[i + 1]));
            i += 2;
            if (i < text.Length && text[i] == ' ')
            {
                i++;
            }
        }

        if (count >= MinimumBinaryBytes)
        {
            ReadDecoded(bytes[..count], weights);
        }

        return Math.Max(i, start + 2);
    }

    /// <summary>What decoded text may hold besides printable ASCII: its line breaks and tabs.</summary>
    private static readonly SearchValues<byte> TextBytes = SearchValues.Create([.. Enumerable.Range(0x20, 0x7F - 0x20).Select(b => (byte)b), (byte)'\t', (byte)'\n', (byte)'\r']);

    /// <summary>
    /// Decoded bytes that are printable ASCII text of several words (line breaks and tabs allowed: an instruction may
    /// span lines) are scanned; their markers count when they alone reach the threshold.
    /// </summary>
    private static void ReadDecoded(ReadOnlySpan<byte> bytes, Span<double> weights)
    {
        if (bytes.Length < 8 || bytes.IndexOfAnyExcept(TextBytes) >= 0 || bytes.Count((byte)' ') < 2)
        {
            return;
        }

        Span<char> decoded = stackalloc char[bytes.Length];
        for (var k = 0; k < bytes.Length; k++)
        {
            decoded[k] = (char)bytes[k];
        }

        ReadDecodedText(decoded, weights);
    }

    /// <summary>Decoded text is scanned on its own; its markers count, as a hidden instruction, when they alone reach the threshold.</summary>
    private static void ReadDecodedText(ReadOnlySpan<char> decoded, Span<double> weights)
    {
        Span<double> inner = stackalloc double[WeightSlots];
        ScanPhrases(decoded, inner);
        ScanOpenings(decoded, inner);
        if (ScoreOf(inner) < 0.5 && !ReadsAsOrderRespelt(decoded, inner))
        {
            return;
        }

        for (var m = 0; m < (int)Marker.Count; m++)
        {
            if (inner[m] > 0)
            {
                Raise(weights, (Marker)m, inner[m]);
            }
        }

        Raise(weights, Marker.HiddenInstruction, 0.65);
    }
}
