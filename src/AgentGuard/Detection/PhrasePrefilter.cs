using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace AgentGuard;

/// <summary>
/// A one-lookup test of whether any of a fixed set of lower-case ASCII phrases (at least three characters each) can
/// start at a position: the first four characters of every phrase (a three-character phrase with every ASCII character
/// after it) are hashed into a 32 K-bit table. At a word start the text's next four characters are read as one 64-bit value, letters lowered
/// with one OR, and looked up. "No" is exact (no phrase can match there, ignoring the case of ASCII letters); "maybe"
/// leaves the decision to the caller's full comparison, as do positions where fewer than four characters remain or
/// one of them is not ASCII (it may fold to an ASCII letter). Most word starts of ordinary prose ("the", "for",
/// "with") share two characters with some phrase but not four, so they end here.
/// </summary>
internal sealed class PhrasePrefilter
{
    private const int TableBits = 15;
    private const ulong NotAscii = 0xFF80_FF80_FF80_FF80;
    private const ulong FoldLetters = 0x0020_0020_0020_0020;

    private readonly ulong[] _table = new ulong[(1 << TableBits) / 64];

    /// <param name="phrases">Lower-case ASCII phrases of at least three characters.</param>
    public PhrasePrefilter(IEnumerable<string> phrases)
    {
        foreach (var phrase in phrases)
        {
            if (phrase.Length < 3 || !System.Text.Ascii.IsValid(phrase) || phrase != phrase.ToLowerInvariant())
            {
                throw new ArgumentException($"phrase '{phrase}' must be lower-case ASCII of at least three characters", nameof(phrases));
            }

            if (phrase.Length >= 4)
            {
                Set(Fold(Read(phrase, 0)));
                continue;
            }

            for (var next = '\0'; next <= '\x7F'; next++)
            {
                Set(Fold(Read(phrase + next, 0)));
            }
        }
    }

    /// <summary>False when none of the phrases can start at <paramref name="at"/>; true when one may.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool MayStartAt(ReadOnlySpan<char> text, int at)
    {
        if (at > text.Length - 4)
        {
            return true;
        }

        var chars = Unsafe.ReadUnaligned<ulong>(ref Unsafe.As<char, byte>(ref Unsafe.Add(ref MemoryMarshal.GetReference(text), at)));
        if ((chars & NotAscii) != 0)
        {
            return true;
        }

        return Has(Fold(chars));
    }

    /// <summary>
    /// Lowers the ASCII letters of four characters by setting bit 5 of each; other characters may change too, but the
    /// same way in the phrases and in the text, so a match still hashes alike (a collision only costs a full comparison).
    /// </summary>
    private static ulong Fold(ulong chars) => chars | FoldLetters;

    private static ulong Read(ReadOnlySpan<char> text, int at) => MemoryMarshal.Read<ulong>(MemoryMarshal.AsBytes(text.Slice(at, 4)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Slot(ulong key) => (int)((key * 0x9E37_79B9_7F4A_7C15UL) >> (64 - TableBits));

    private void Set(ulong key)
    {
        var slot = Slot(key);
        _table[slot >> 6] |= 1UL << (slot & 63);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool Has(ulong key)
    {
        var slot = Slot(key);
        return (_table[slot >> 6] & (1UL << (slot & 63))) != 0;
    }
}
