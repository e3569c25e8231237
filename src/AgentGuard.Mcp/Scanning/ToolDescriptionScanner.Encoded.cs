using System.Buffers;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace AgentGuard.Mcp;

/// <content>Commands and orders hidden in base64 or in <c>\x</c> escapes, which the model decodes and a reader does not see.</content>
internal static partial class ToolDescriptionScanner
{
    /// <summary>The fewest base64 characters (24 bytes) read as a hidden payload; shorter runs are words, ids and hashes' halves.</summary>
    internal const int Base64RunMinimum = 32;

    /// <summary>How much of one base64 run is decoded (3 KB of bytes).</summary>
    internal const int Base64RunLimit = 4096;

    /// <summary>The fewest <c>\xNN</c> escapes in a row read as a hidden payload ("curl http" is nine).</summary>
    internal const int HexRunMinimum = 8;

    /// <summary>How many escapes of one run are decoded.</summary>
    internal const int HexRunLimit = 1024;

    /// <summary>The share of decoded bytes that must be printable ASCII for the bytes to be read as text (tenths).</summary>
    internal const int PrintableTenths = 9;

    private static readonly SearchValues<char> Base64Characters =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=");

    /// <summary>
    /// A run of base64 (at least <see cref="Base64RunMinimum"/> characters) or of <c>\xNN</c> escapes (at least
    /// <see cref="HexRunMinimum"/>) decodes to printable text in which the scanner finds poisoning: a command
    /// ("aW1wb3J0IG9zOyBvcy5zeXN0ZW0o…" is "import os; os.system(…"), an order to the model, a secret's path. Encoded data
    /// vendors show (file contents, page cursors, images, hashes) decodes to bytes or to harmless text.
    /// </summary>
    private static bool HidesEncodedInstructions(ReadOnlySpan<char> text) => HidesBase64(text) || HidesHexEscapes(text);

    /// <summary>
    /// Base64 runs, found sixteen characters at a time: a run of <see cref="Base64RunMinimum"/> or more holds a whole
    /// aligned block of sixteen, and a block with a space, punctuation or a character above 'z' (every block of prose)
    /// is ruled out by two vector comparisons.
    /// </summary>
    private static bool HidesBase64(ReadOnlySpan<char> text)
    {
        var chars = MemoryMarshal.Cast<char, ushort>(text);
        ref var first = ref MemoryMarshal.GetReference(chars);
        var lowest = Vector128.Create((ushort)'+');
        var highest = Vector128.Create((ushort)'z');
        for (var i = 0; i + 16 <= chars.Length; i += 16)
        {
            var a = Vector128.LoadUnsafe(ref first, (nuint)i);
            var b = Vector128.LoadUnsafe(ref first, (nuint)(i + 8));
            var outside = Vector128.LessThan(a, lowest) | Vector128.GreaterThan(a, highest) | Vector128.LessThan(b, lowest) | Vector128.GreaterThan(b, highest);
            if (outside != Vector128<ushort>.Zero || text.Slice(i, 16).ContainsAnyExcept(Base64Characters))
            {
                continue;
            }

            var start = i;
            while (start > 0 && Base64Characters.Contains(text[start - 1]))
            {
                start--;
            }

            var end = i + 16;
            while (end < text.Length && Base64Characters.Contains(text[end]))
            {
                end++;
            }

            if (end - start >= Base64RunMinimum && Base64RunHidesInstructions(text[start..end]))
            {
                return true;
            }

            // The next block to look at is the first aligned one after the run.
            i = ((end + 15) / 16 * 16) - 16;
        }

        return false;
    }

    /// <summary>
    /// Each '='-free piece of the run, decoded from each of its first four characters (the payload may be glued to a
    /// word before it), is read as text.
    /// </summary>
    private static bool Base64RunHidesInstructions(ReadOnlySpan<char> run)
    {
        Span<byte> bytes = stackalloc byte[Base64RunLimit / 4 * 3];
        Span<char> decoded = stackalloc char[Base64RunLimit / 4 * 3];
        foreach (var range in run.Split('='))
        {
            var piece = run[range];
            piece = piece[..Math.Min(piece.Length, Base64RunLimit)];
            for (var shift = 0; shift < 4 && piece.Length - shift >= Base64RunMinimum; shift++)
            {
                var aligned = piece[shift..];
                aligned = aligned[..(aligned.Length & ~3)];
                if (Convert.TryFromBase64Chars(aligned, bytes, out var written) && ReadsAsPoisonedText(bytes[..written], decoded))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Runs of <c>\xNN</c> escapes, found with a vector search for <c>\x</c>.</summary>
    private static bool HidesHexEscapes(ReadOnlySpan<char> text)
    {
        for (var from = 0; from < text.Length;)
        {
            var found = text[from..].IndexOf("\\x", StringComparison.Ordinal);
            if (found < 0)
            {
                return false;
            }

            var at = from + found;
            var end = at;
            while (end + 3 < text.Length && text[end] == '\\' && text[end + 1] == 'x' && char.IsAsciiHexDigit(text[end + 2]) && char.IsAsciiHexDigit(text[end + 3]))
            {
                end += 4;
            }

            if ((end - at) / 4 >= HexRunMinimum && HexRunHidesInstructions(text[at..end]))
            {
                return true;
            }

            from = Math.Max(end, at + 2);
        }

        return false;
    }

    private static bool HexRunHidesInstructions(ReadOnlySpan<char> run)
    {
        var count = Math.Min(run.Length / 4, HexRunLimit);
        Span<byte> bytes = stackalloc byte[HexRunLimit];
        Span<char> decoded = stackalloc char[HexRunLimit];
        for (var k = 0; k < count; k++)
        {
            bytes[k] = (byte)((HexValue(run[(4 * k) + 2]) << 4) | HexValue(run[(4 * k) + 3]));
        }

        return ReadsAsPoisonedText(bytes[..count], decoded);

        static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
    }

    /// <summary>
    /// The decoded bytes are text (at least <see cref="PrintableTenths"/> tenths printable ASCII, line breaks and tabs) in
    /// which the phrase search finds something, an upper-case pseudo-tag stands, or the injection detector reads an
    /// instruction addressed to the model.
    /// </summary>
    private static bool ReadsAsPoisonedText(ReadOnlySpan<byte> bytes, Span<char> buffer)
    {
        var printable = 0;
        for (var k = 0; k < bytes.Length; k++)
        {
            var b = bytes[k];
            printable += b is (>= 0x20 and < 0x7F) or (byte)'\n' or (byte)'\r' or (byte)'\t' ? 1 : 0;
            buffer[k] = (char)b;
        }

        if (bytes.Length == 0 || printable * 10 < bytes.Length * PrintableTenths)
        {
            return false;
        }

        var decoded = buffer[..bytes.Length];
        var reader = new PhraseReader(decoded.ContainsAny(CollapsibleWhiteSpace) || decoded.Contains("  ", StringComparison.Ordinal), null);
        var assessment = Injection.Assess(decoded, ref reader);
        if (reader.Findings is not null || reader.SawPseudoMarkup)
        {
            return true;
        }

        if (assessment.Score < AddressedScore)
        {
            return false;
        }

        foreach (var marker in assessment.Markers)
        {
            if (!IsRequestMarker(marker))
            {
                return true;
            }
        }

        return false;
    }
}
