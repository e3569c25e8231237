using System.Buffers;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Unicode;

namespace AgentGuard.Policies;

/// <summary>
/// Reads a JSON string value's characters into a caller's buffer without making a string: the value's UTF-8 as it
/// stands in the arguments, decoded. Only a value written without escapes and made of valid UTF-8 is read this way;
/// for any other (<c>\u0072</c>, <c>\"</c>, <c>\/</c>, bytes that are not UTF-8) it answers false and the caller reads
/// the value with <see cref="JsonElement.GetString"/>, which decodes escapes and throws where it always did.
/// </summary>
internal static class JsonStringText
{
    /// <summary>Values up to this many bytes are decoded into a buffer on the stack; longer ones into a pooled array.</summary>
    public const int StackBytes = 256;

    /// <summary>The value's text without its quotes, as UTF-8 (a <see cref="JsonValueKind.String"/> value only).</summary>
    public static ReadOnlySpan<byte> Utf8(JsonElement value)
    {
        var raw = JsonMarshal.GetRawUtf8Value(value);
        return raw[1..^1];
    }

    /// <summary>
    /// Decodes <paramref name="utf8"/> into <paramref name="buffer"/> (at least as long as <paramref name="utf8"/>, as
    /// UTF-8 never takes fewer bytes than UTF-16 characters); false when it holds an escape or is not valid UTF-8.
    /// </summary>
    public static bool TryDecode(ReadOnlySpan<byte> utf8, Span<char> buffer, out int written)
    {
        if (utf8.IndexOf((byte)'\\') >= 0)
        {
            written = 0;
            return false;
        }

        return System.Text.Unicode.Utf8.ToUtf16(utf8, buffer, out _, out written, replaceInvalidSequences: false) == OperationStatus.Done;
    }
}
