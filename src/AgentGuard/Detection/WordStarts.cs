using System.Numerics;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace AgentGuard;

/// <summary>
/// One vectorized pass over a text that yields, in order, every position where a word-anchored phrase could start: an
/// ASCII letter not preceded by an ASCII letter or digit, one of a few <c>extra</c> characters (phrases that start with
/// punctuation), and optionally every non-ASCII character (one that case-folds to an ASCII letter). The positions are a
/// superset of where a phrase can match; the caller confirms each one. This replaces one multi-string search per group
/// of phrases with a single scan (16 characters per step), whatever the number of phrases.
/// </summary>
internal ref struct WordStarts
{
    private readonly ReadOnlySpan<char> _text;
    private readonly ReadOnlySpan<char> _extra;
    private readonly bool _nonAscii;
    /// <summary>Characters per step: two 256-bit vectors narrowed to one of bytes (or four 128-bit ones).</summary>
    private const int BlockLength = 32;

    /// <summary>
    /// The extra characters as a nibble table: byte <c>c &amp; 0xF</c> has bit <c>c &gt;&gt; 4</c> set for each extra
    /// ASCII character <c>c</c>, so one byte shuffle classifies sixteen characters whatever the number of extras.
    /// </summary>
    private readonly Vector128<byte> _extraTable;

    /// <summary>False when an extra character is not ASCII: the nibble table cannot hold it.</summary>
    private readonly bool _tableHoldsExtras;

    private int _block;
    private uint _bits;

    /// <param name="text">The text to scan.</param>
    /// <param name="extra">Up to a handful of characters that are candidate positions wherever they occur.</param>
    /// <param name="nonAscii">True to yield every non-ASCII character as well.</param>
    public WordStarts(ReadOnlySpan<char> text, ReadOnlySpan<char> extra, bool nonAscii)
    {
        _text = text;
        _extra = extra;
        _nonAscii = nonAscii;
        _tableHoldsExtras = true;
        Span<byte> table = stackalloc byte[16];
        table.Clear();
        foreach (var c in extra)
        {
            _tableHoldsExtras &= c <= '\x7F';
            table[c & 0xF] |= (byte)(1 << ((c >> 4) & 7));
        }

        _extraTable = Vector128.Create((ReadOnlySpan<byte>)table);
        _block = -BlockLength;
        Current = -1;
    }

    /// <summary>The current candidate position.</summary>
    public int Current { get; private set; }

    public readonly WordStarts GetEnumerator() => this;

    public bool MoveNext()
    {
        while (_bits == 0)
        {
            _block += BlockLength;
            if (_block >= _text.Length)
            {
                return false;
            }

            _bits = BlockBits(_block);
        }

        Current = _block + BitOperations.TrailingZeroCount(_bits);
        _bits &= _bits - 1;
        return true;
    }

    /// <summary>
    /// The walk a block at a time, for a caller that keeps the bits in a register: the start of the next block of (up to)
    /// 32 characters that holds a stop and one bit per stop (bit <c>i</c> for position <paramref name="block"/> + <c>i</c>);
    /// false at the end of the text. Not to be mixed with <see cref="MoveNext"/>.
    /// </summary>
    public bool NextBlock(out int block, out uint bits)
    {
        while (true)
        {
            _block += BlockLength;
            if (_block >= _text.Length)
            {
                block = _text.Length;
                bits = 0;
                return false;
            }

            bits = BlockBits(_block);
            if (bits != 0)
            {
                block = _block;
                return true;
            }
        }
    }

    /// <summary>Goes on from <paramref name="at"/>: the next block <see cref="NextBlock"/> yields starts there.</summary>
    public void SkipTo(int at) => _block = at - BlockLength;

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private readonly uint BlockBits(int at)
        => at + BlockLength > _text.Length || at == 0 ? ScalarBlock(at)
            : Avx2.IsSupported && _tableHoldsExtras ? PackedBlock(at)
            : Vector256.IsHardwareAccelerated ? WideBlock(at) | (WideBlock(at + 16) << 16)
            : Vector128.IsHardwareAccelerated ? VectorBlock(at) | (VectorBlock(at + 8) << 8) | (VectorBlock(at + 16) << 16) | (VectorBlock(at + 24) << 24)
            : ScalarBlock(at);

    /// <summary>
    /// Thirty-two characters classified as bytes: each character is capped at 0xFF and narrowed (so every ASCII
    /// character keeps its value and every other one reads as a byte of 0x80 or more), then letters, digits, non-ASCII
    /// characters and extra characters are tested 32 lanes at a time. Exact: no character above 0xFF adds a stop.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private readonly uint PackedBlock(int at)
    {
        ref var start = ref System.Runtime.CompilerServices.Unsafe.As<char, ushort>(ref System.Runtime.InteropServices.MemoryMarshal.GetReference(_text));
        var current = Narrow(Vector256.LoadUnsafe(ref start, (nuint)at), Vector256.LoadUnsafe(ref start, (nuint)(at + 16)));
        var previous = Narrow(Vector256.LoadUnsafe(ref start, (nuint)(at - 1)), Vector256.LoadUnsafe(ref start, (nuint)(at + 15)));
        var letters = Vector256.LessThan((current | Vector256.Create((byte)0x20)) - Vector256.Create((byte)'a'), Vector256.Create((byte)26));
        var previousLetters = Vector256.LessThan((previous | Vector256.Create((byte)0x20)) - Vector256.Create((byte)'a'), Vector256.Create((byte)26));
        var previousDigits = Vector256.LessThan(previous - Vector256.Create((byte)'0'), Vector256.Create((byte)10));
        var mask = (letters & ~(previousLetters | previousDigits)).ExtractMostSignificantBits();
        if (_nonAscii)
        {
            mask |= current.ExtractMostSignificantBits();
        }

        var table = Vector256.Create(_extraTable, _extraTable);
        var rows = Avx2.Shuffle(table, current & Vector256.Create((byte)0x0F));
        var bitTable = Vector256.Create((byte)1, 2, 4, 8, 16, 32, 64, 128, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 4, 8, 16, 32, 64, 128, 0, 0, 0, 0, 0, 0, 0, 0);
        var bit = Avx2.Shuffle(bitTable, Vector256.ShiftRightLogical(current.AsUInt16(), 4).AsByte() & Vector256.Create((byte)0x0F));
        return mask | ~Vector256.Equals(rows & bit, Vector256<byte>.Zero).ExtractMostSignificantBits();

        static Vector256<byte> Narrow(Vector256<ushort> low, Vector256<ushort> high)
        {
            var cap = Vector256.Create((ushort)0xFF);
            var packed = Avx2.PackUnsignedSaturate(Vector256.Min(low, cap).AsInt16(), Vector256.Min(high, cap).AsInt16());
            return Avx2.Permute4x64(packed.AsUInt64(), 0b11_01_10_00).AsByte();
        }
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private readonly uint WideBlock(int at)
    {
        ref var start = ref System.Runtime.CompilerServices.Unsafe.As<char, ushort>(ref System.Runtime.InteropServices.MemoryMarshal.GetReference(_text));
        var current = Vector256.LoadUnsafe(ref start, (nuint)at);
        var previous = Vector256.LoadUnsafe(ref start, (nuint)(at - 1));
        var letters = Vector256.LessThan((current | Vector256.Create((ushort)0x20)) - Vector256.Create((ushort)'a'), Vector256.Create((ushort)26));
        var previousLetters = Vector256.LessThan((previous | Vector256.Create((ushort)0x20)) - Vector256.Create((ushort)'a'), Vector256.Create((ushort)26));
        var previousDigits = Vector256.LessThan(previous - Vector256.Create((ushort)'0'), Vector256.Create((ushort)10));
        var mask = letters & ~(previousLetters | previousDigits);
        if (_nonAscii)
        {
            mask |= Vector256.GreaterThan(current, Vector256.Create((ushort)0x7F));
        }

        if (Ssse3.IsSupported && _tableHoldsExtras)
        {
            return mask.ExtractMostSignificantBits() | ExtraCharacters(Vector128.Narrow(current.GetLower(), current.GetUpper()));
        }

        foreach (var c in _extra)
        {
            mask |= Vector256.Equals(current, Vector256.Create((ushort)c));
        }

        return mask.ExtractMostSignificantBits();
    }

    /// <summary>
    /// The lanes of sixteen characters (each narrowed to its low byte) that are extra characters: the nibble table's byte
    /// for the low nibble, tested against the bit of the high nibble (0 for 8–15). A character above 0xFF narrowed
    /// this way may look like one: a superset of stops changes nothing a reader finds.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private readonly uint ExtraCharacters(Vector128<byte> bytes)
    {
        var rows = Ssse3.Shuffle(_extraTable, bytes & Vector128.Create((byte)0x0F));
        var bit = Ssse3.Shuffle(Vector128.Create((byte)1, 2, 4, 8, 16, 32, 64, 128, 0, 0, 0, 0, 0, 0, 0, 0), Vector128.ShiftRightLogical(bytes, 4));
        return ~Vector128.Equals(rows & bit, Vector128<byte>.Zero).ExtractMostSignificantBits() & 0xFFFF;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private readonly uint VectorBlock(int at)
    {
        ref var start = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(_text);
        var current = Vector128.LoadUnsafe(ref System.Runtime.CompilerServices.Unsafe.As<char, ushort>(ref start), (nuint)at);
        var previous = Vector128.LoadUnsafe(ref System.Runtime.CompilerServices.Unsafe.As<char, ushort>(ref start), (nuint)(at - 1));
        var mask = IsAsciiLetter(current) & ~(IsAsciiLetter(previous) | IsAsciiDigit(previous));
        foreach (var c in _extra)
        {
            mask |= Vector128.Equals(current, Vector128.Create((ushort)c));
        }

        if (_nonAscii)
        {
            mask |= Vector128.GreaterThan(current, Vector128.Create((ushort)0x7F));
        }

        return mask.ExtractMostSignificantBits();
    }

    private readonly uint ScalarBlock(int at)
    {
        var bits = 0u;
        var end = Math.Min(_text.Length, at + BlockLength);
        for (var i = at; i < end; i++)
        {
            var c = _text[i];
            var candidate = (char.IsAsciiLetter(c) && (i == 0 || !char.IsAsciiLetterOrDigit(_text[i - 1])))
                || _extra.Contains(c)
                || (_nonAscii && c > '\x7F');
            if (candidate)
            {
                bits |= 1u << (i - at);
            }
        }

        return bits;
    }

    private static Vector128<ushort> IsAsciiLetter(Vector128<ushort> chars)
        => Vector128.LessThan((chars | Vector128.Create((ushort)0x20)) - Vector128.Create((ushort)'a'), Vector128.Create((ushort)26));

    private static Vector128<ushort> IsAsciiDigit(Vector128<ushort> chars)
        => Vector128.LessThan(chars - Vector128.Create((ushort)'0'), Vector128.Create((ushort)10));
}
