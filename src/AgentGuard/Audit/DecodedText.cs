using System.Text;

namespace AgentGuard;

/// <summary>
/// Decoded bytes read as text only when they are printable UTF-8 (at least 95 % of the characters not control
/// characters other than line breaks and tabs): what a hidden secret decodes to. Hashes, ids and other binary
/// encodings are rejected without allocating.
/// </summary>
internal static class DecodedText
{
    public static bool TryRead(ReadOnlySpan<byte> bytes, out string text)
    {
        text = string.Empty;
        if (!System.Text.Unicode.Utf8.IsValid(bytes))
        {
            return false;
        }

        var printable = 0;
        var chars = 0;
        for (var rest = bytes; !rest.IsEmpty;)
        {
            Rune.DecodeFromUtf8(rest, out var rune, out var consumed);
            rest = rest[consumed..];
            chars++;
            printable += Rune.IsControl(rune) && rune.Value is not ('\n' or '\r' or '\t') ? 0 : 1;
        }

        if (printable < chars * 0.95)
        {
            return false;
        }

        text = Encoding.UTF8.GetString(bytes);
        return true;
    }
}
