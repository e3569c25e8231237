using System.Buffers;

namespace AgentGuard;

/// <summary>Text hidden as hex digits (<c>414b4941…</c> for <c>AKIA…</c>), decoded when it is printable.</summary>
internal static class HexText
{
    public static SearchValues<char> Digits { get; } = SearchValues.Create("0123456789abcdefABCDEF");

    /// <summary>Decodes an even run of hex digits into text when the bytes are printable UTF-8; no allocation on rejection.</summary>
    public static bool TryDecode(ReadOnlySpan<char> run, out string text)
    {
        text = string.Empty;
        var length = run.Length / 2;
        byte[]? rented = null;
        var bytes = length <= 512 ? stackalloc byte[length] : (rented = ArrayPool<byte>.Shared.Rent(length)).AsSpan(0, length);
        try
        {
            return Convert.FromHexString(run, bytes, out _, out var written) == OperationStatus.Done && DecodedText.TryRead(bytes[..written], out text);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }
}
