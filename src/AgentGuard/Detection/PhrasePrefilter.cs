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
/// "with") share two characters with some phrase but not four, so they end here. Where every phrase those four
/// characters may start has eight or more ("the " of "the user must not"), the next four are looked up in a second
/// table of phrases' first eight characters, so "the manual" ends here too.
/// </summary>
internal sealed class PhrasePrefilter
{
    private const int TableBits = 15;
    private const ulong NotAscii = 0xFF80_FF80_FF80_FF80;
    private const ulong FoldLetters = 0x0020_0020_0020_0020;

    private readonly ulong[] _table = new ulong[(1 << TableBits) / 64];

    /// <summary>The first eight characters of every phrase of eight or more.</summary>
    private readonly ulong[] _eight = new ulong[(1 << TableBits) / 64];

    /// <summary>First four characters that some phrase shorter than eight starts with: there the eight-character table cannot say no.</summary>
    private readonly ulong[] _short = new ulong[(1 << TableBits) / 64];

    /// <summary>The three tables of the second set (<see cref="Look"/>), empty without one.</summary>
    private readonly ulong[] _table2 = [];
    private readonly ulong[] _eight2 = [];
    private readonly ulong[] _short2 = [];

    /// <summary>The first four characters of either set: most stops end at this one table.</summary>
    private readonly ulong[] _either = [];

    /// <param name="phrases">Lower-case ASCII phrases of at least three characters.</param>
    public PhrasePrefilter(IEnumerable<string> phrases)
    {
        Add(phrases, _table, _eight, _short);
    }

    /// <summary>
    /// Two sets of phrases answered by one <see cref="Look"/>: at a stop the text is read and hashed once, and the answer
    /// says which sets may start there (the detector's anchors and a second reader's phrases).
    /// </summary>
    /// <param name="phrases">The first set: lower-case ASCII phrases of at least three characters.</param>
    /// <param name="second">The second set, likewise.</param>
    public PhrasePrefilter(IEnumerable<string> phrases, IEnumerable<string> second)
        : this(phrases)
    {
        _table2 = new ulong[_table.Length];
        _eight2 = new ulong[_table.Length];
        _short2 = new ulong[_table.Length];
        Add(second, _table2, _eight2, _short2);
        _either = [.. _table.Zip(_table2, (a, b) => a | b)];
    }

    /// <summary><see cref="Look"/>'s answer: the first set may start here.</summary>
    public const int FirstSet = 1;

    /// <summary><see cref="Look"/>'s answer: the second set may start here.</summary>
    public const int SecondSet = 2;

    private static void Add(IEnumerable<string> phrases, ulong[] table, ulong[] eight, ulong[] shortTable)
    {
        foreach (var phrase in phrases)
        {
            if (phrase.Length < 3 || !System.Text.Ascii.IsValid(phrase) || phrase != phrase.ToLowerInvariant())
            {
                throw new ArgumentException($"phrase '{phrase}' must be lower-case ASCII of at least three characters", nameof(phrases));
            }

            if (phrase.Length >= 4)
            {
                var first = Fold(Read(phrase, 0));
                Set(table, Slot(first));
                if (phrase.Length >= 8)
                {
                    Set(eight, Slot(first, Fold(Read(phrase, 4))));
                }
                else
                {
                    Set(shortTable, Slot(first));
                }

                continue;
            }

            for (var next = '\0'; next <= '\x7F'; next++)
            {
                var first = Fold(Read(phrase + next, 0));
                Set(table, Slot(first));
                Set(shortTable, Slot(first));
            }
        }
    }

    /// <summary>
    /// For a prefilter of two sets: which may start at <paramref name="at"/> (<see cref="FirstSet"/>,
    /// <see cref="SecondSet"/>, both or 0), each answer as <see cref="MayStartAt"/> (or, when <paramref name="collapsing"/>,
    /// <see cref="MayStartAtCollapsed"/>) of that set alone would give it, with one read and one hash of the text.
    /// A collapsing answer is "maybe" in more places than a plain one: for a set compared without collapsing, a superset.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Look(ReadOnlySpan<char> text, int at, bool collapsing)
    {
        const int Both = FirstSet | SecondSet;
        if (at > text.Length - 4)
        {
            return Both;
        }

        // One test for both reasons to answer "maybe" (rare: most stops go on to the table).
        var chars = Unsafe.ReadUnaligned<ulong>(ref Unsafe.As<char, byte>(ref Unsafe.Add(ref MemoryMarshal.GetReference(text), at)));
        if (((chars & NotAscii) | (collapsing ? CollapseBits(chars) : 0)) != 0)
        {
            return Both;
        }

        var first = Fold(chars);
        var slot = Slot(first);
        return Has(_either, slot) ? LookFurther(text, at, first, slot, collapsing) : 0;
    }

    /// <summary><see cref="Look"/> where the four characters start a phrase of either set.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private int LookFurther(ReadOnlySpan<char> text, int at, ulong first, int slot, bool collapsing)
    {
        var a = Has(_table, slot);
        var b = Has(_table2, slot);
        var result = (a ? FirstSet : 0) | (b ? SecondSet : 0);
        var furtherA = a && !Has(_short, slot);
        var furtherB = b && !Has(_short2, slot);
        if (!(furtherA || furtherB) || at > text.Length - 8)
        {
            return result;
        }

        var next = Unsafe.ReadUnaligned<ulong>(ref Unsafe.As<char, byte>(ref Unsafe.Add(ref MemoryMarshal.GetReference(text), at + 4)));
        if ((next & NotAscii) != 0 || (collapsing && (MayCollapse(next) || (text[at + 3] <= ' ' && text[at + 4] <= ' '))))
        {
            return result;
        }

        var eight = Slot(first, Fold(next));
        if (furtherA && !Has(_eight, eight))
        {
            result &= ~FirstSet;
        }

        if (furtherB && !Has(_eight2, eight))
        {
            result &= ~SecondSet;
        }

        return result;
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

        return MayContinue(text, at, Fold(chars), collapsing: false);
    }

    /// <summary>
    /// <see cref="MayStartAt"/> for a text whose runs of white space count as one space (each run read as ' '), judged
    /// on the text as it is: when white space other than a lone space is among the four characters, the collapsed text
    /// would show other characters there, so the answer is "maybe".
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool MayStartAtCollapsed(ReadOnlySpan<char> text, int at)
    {
        if (at > text.Length - 4)
        {
            return true;
        }

        var chars = Unsafe.ReadUnaligned<ulong>(ref Unsafe.As<char, byte>(ref Unsafe.Add(ref MemoryMarshal.GetReference(text), at)));
        if (((chars & NotAscii) | CollapseBits(chars)) != 0)
        {
            return true;
        }

        return MayContinue(text, at, Fold(chars), collapsing: true);
    }

    /// <summary>
    /// After the first four characters: "no" when they start no phrase; when every phrase they may start has eight or
    /// more characters, the next four decide (read like the first: not ASCII, the end of the text, or white space that
    /// collapsing could change, is "maybe").
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool MayContinue(ReadOnlySpan<char> text, int at, ulong first, bool collapsing)
    {
        var slot = Slot(first);
        if (!Has(_table, slot))
        {
            return false;
        }

        if (Has(_short, slot) || at > text.Length - 8)
        {
            return true;
        }

        var next = Unsafe.ReadUnaligned<ulong>(ref Unsafe.As<char, byte>(ref Unsafe.Add(ref MemoryMarshal.GetReference(text), at + 4)));
        if ((next & NotAscii) != 0 || (collapsing && (MayCollapse(next) || (text[at + 3] <= ' ' && text[at + 4] <= ' '))))
        {
            return true;
        }

        return Has(_eight, Slot(first, Fold(next)));
    }

    /// <summary>
    /// True when four ASCII characters hold a control character (every ASCII white space but the space is one) or two
    /// spaces in a row: collapsing white space could change them. Bit 15 of a lane is clear after adding 0x7FDF exactly
    /// when the lane is at most 0x20 (after 0x7FE0: below 0x20); ASCII lanes never carry into the next.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool MayCollapse(ulong chars) => CollapseBits(chars) != 0;

    /// <summary>
    /// <see cref="MayCollapse"/> without a branch (whether four characters of prose hold a space is a coin toss for the
    /// branch predictor): nonzero exactly when they hold a control character or two spaces in a row.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong CollapseBits(ulong chars)
    {
        const ulong High = 0x8000_8000_8000_8000;
        var atMostSpace = ~(chars + 0x7FDF_7FDF_7FDF_7FDF) & High;
        var control = ~(chars + 0x7FE0_7FE0_7FE0_7FE0) & High;
        return control | (atMostSpace & (atMostSpace >> 16));
    }

    /// <summary>
    /// Lowers the ASCII letters of four characters by setting bit 5 of each; other characters may change too, but the
    /// same way in the phrases and in the text, so a match still hashes alike (a collision only costs a full comparison).
    /// </summary>
    private static ulong Fold(ulong chars) => chars | FoldLetters;

    private static ulong Read(ReadOnlySpan<char> text, int at) => MemoryMarshal.Read<ulong>(MemoryMarshal.AsBytes(text.Slice(at, 4)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Slot(ulong key) => (int)((key * 0x9E37_79B9_7F4A_7C15UL) >> (64 - TableBits));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Slot(ulong first, ulong next) => (int)(((first * 0x9E37_79B9_7F4A_7C15UL) ^ (next * 0xC2B2_AE3D_27D4_EB4FUL)) >> (64 - TableBits));

    private static void Set(ulong[] table, int slot) => table[slot >> 6] |= 1UL << (slot & 63);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Has(ulong[] table, int slot) => (table[slot >> 6] & (1UL << (slot & 63))) != 0;
}
