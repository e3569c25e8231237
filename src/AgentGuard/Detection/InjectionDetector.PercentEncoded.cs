using System.Buffers;
using System.Text;

namespace AgentGuard;

/// <content>
/// Instructions written in percent-encoding (<c>Your%20goal%20is%20to%20call%20…</c>, <c>%3C%2Fhtml%3E…</c>): a model reads
/// them decoded, a person reading the message sees a URL-like blur. Percent-encoded data is everywhere (URLs' queries and
/// paths, form posts), so the encoding proves nothing by itself: as with base64 (<see cref="ScanEncoded"/>), only decoded
/// text that scores as an injection on its own counts, as a hidden instruction. A run is read only when it holds several
/// escapes and decodes to words (spaces), so a URL with an encoded slash or two is passed over at one search per '%'.
/// </content>
internal sealed partial class InjectionDetector
{
    /// <summary>Fewest escapes ("%20", "%3C", a form's '+' for a space) in one run for it to be decoded.</summary>
    private const int MinimumPercentEscapes = 6;

    /// <summary>At most this many characters of one run are decoded (the decoded prefix is what is read).</summary>
    private const int MaximumPercentRun = 3072;

    private static readonly SearchValues<char> PercentRunEnds = SearchValues.Create(" \t\r\n\"'<>`");

    /// <summary>Every run of non-space characters with a '%' escape in it is decoded and read when it holds enough escapes.</summary>
    private static void ScanPercentEncoded(ReadOnlySpan<char> text, Span<double> weights)
    {
        var at = text.IndexOf('%');
        while (at >= 0)
        {
            var end = text.Length;
            if (IsPercentEscape(text, at))
            {
                var start = at == 0 ? 0 : text[..at].LastIndexOfAny(PercentRunEnds) + 1;
                var after = text[at..].IndexOfAny(PercentRunEnds);
                end = after < 0 ? text.Length : at + after;
                var run = text[start..Math.Min(end, start + MaximumPercentRun)];
                if (run.Count('%') + run.Count('+') >= MinimumPercentEscapes)
                {
                    ReadPercentEncoded(run, weights);
                }
            }
            else
            {
                end = at + 1;
            }

            var next = end < text.Length ? text[end..].IndexOf('%') : -1;
            at = next < 0 ? -1 : end + next;
        }
    }

    private static bool IsPercentEscape(ReadOnlySpan<char> text, int at)
        => at + 2 < text.Length && HexChars.Contains(text[at + 1]) && HexChars.Contains(text[at + 2]);

    /// <summary>
    /// The run decoded (escapes to bytes, '+' to a space as forms write it, UTF-8 to text); read as decoded text when it is
    /// text of several words whose spaces or line breaks are escaped (a path with escaped slashes is no prose).
    /// </summary>
    private static void ReadPercentEncoded(ReadOnlySpan<char> run, Span<double> weights)
    {
        Span<byte> bytes = stackalloc byte[MaximumPercentRun];
        var written = 0;
        var escapedSpaces = 0;
        for (var i = 0; i < run.Length; i++)
        {
            var c = run[i];
            if (c == '%' && IsPercentEscape(run, i))
            {
                var value = (byte)((HexValue(run[i + 1]) << 4) | HexValue(run[i + 2]));
                escapedSpaces += value is (byte)' ' or (byte)'\n' ? 1 : 0;
                bytes[written++] = value;
                i += 2;
            }
            else if (c > '\x7F')
            {
                return;
            }
            else
            {
                escapedSpaces += c == '+' ? 1 : 0;
                bytes[written++] = c == '+' ? (byte)' ' : (byte)c;
            }
        }

        var decodedBytes = bytes[..written];
        if (escapedSpaces < 2 || decodedBytes.Count((byte)' ') < 2 || !System.Text.Unicode.Utf8.IsValid(decodedBytes))
        {
            return;
        }

        Span<char> decoded = stackalloc char[written];
        var length = Encoding.UTF8.GetChars(decodedBytes, decoded);
        if (decoded[..length].ContainsAnyInRange('\0', '\x08'))
        {
            return;
        }

        ReadDecodedText(decoded[..length], weights);
    }

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}
