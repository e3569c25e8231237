using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace AgentGuard;

/// <summary>
/// The first (up to) eight characters of a lower-case ASCII phrase as one 128-bit vector, so that a case-insensitive
/// prefix test against ASCII text is one OR, one AND and one comparison. Text with fewer than eight characters left or
/// with a non-ASCII character among them (which may fold to an ASCII letter) is left to the caller's full comparison.
/// </summary>
internal readonly struct AsciiPrefix
{
    /// <summary>How many characters the prefix covers.</summary>
    public const int Length = 8;

    private readonly Vector128<ushort> _value;
    private readonly Vector128<ushort> _fold;
    private readonly Vector128<ushort> _mask;

    public AsciiPrefix(string phrase)
    {
        Span<ushort> value = stackalloc ushort[Length];
        Span<ushort> fold = stackalloc ushort[Length];
        Span<ushort> mask = stackalloc ushort[Length];
        value.Clear();
        fold.Clear();
        mask.Clear();
        for (var k = 0; k < Math.Min(Length, phrase.Length); k++)
        {
            var c = char.ToLowerInvariant(phrase[k]);
            value[k] = c;
            fold[k] = (ushort)(char.IsAsciiLetter(c) ? 0x20 : 0);
            mask[k] = 0xFFFF;
        }

        _value = Vector128.Create<ushort>(value);
        _fold = Vector128.Create<ushort>(fold);
        _mask = Vector128.Create<ushort>(mask);
    }

    /// <summary>The eight characters at <paramref name="at"/>, or false when fewer remain or one is not ASCII.</summary>
    public static bool TryRead(ReadOnlySpan<char> text, int at, out Vector128<ushort> chars)
    {
        if (at + Length > text.Length)
        {
            chars = default;
            return false;
        }

        chars = Vector128.Create<ushort>(MemoryMarshal.Cast<char, ushort>(text.Slice(at, Length)));
        return (chars & Vector128.Create((ushort)0xFF80)) == Vector128<ushort>.Zero;
    }

    /// <summary>True when the ASCII <paramref name="chars"/> start with this prefix, ignoring the case of letters.</summary>
    public bool Matches(Vector128<ushort> chars) => ((chars | _fold) & _mask) == _value;
}
