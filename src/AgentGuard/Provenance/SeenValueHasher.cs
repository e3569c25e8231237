using System.Buffers;
using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace AgentGuard.Provenance;

/// <summary>
/// 64-bit keyed hashes of seen values (SipHash-2-4 of the value's key, e.g. <c>e:bob@example.com</c> or <c>w:bob</c>),
/// so a session keeps 8 bytes per value instead of its text. The key is random per instance (one per process for the
/// in-memory store), so nobody outside the process can build a value that hashes like one the session saw. The top bit
/// says whether a hash is of a typed value (set) or of a word (clear); 0 is never a hash (it marks a text boundary).
/// </summary>
internal sealed class SeenValueHasher
{
    /// <summary>The top bit: set for typed values (addresses, IBANs, URLs, numbers), clear for words.</summary>
    public const ulong TypedBit = 1UL << 63;

    private const int StackChars = 256;
    private readonly ulong _k0;
    private readonly ulong _k1;

    /// <summary>A hasher with the given 128-bit key (tests use known keys; the stores use <see cref="CreateRandom"/>).</summary>
    public SeenValueHasher(ulong k0, ulong k1)
    {
        _k0 = k0;
        _k1 = k1;
    }

    /// <summary>A hasher with a fresh random key.</summary>
    public static SeenValueHasher CreateRandom()
    {
        Span<byte> key = stackalloc byte[16];
        RandomNumberGenerator.Fill(key);
        return new SeenValueHasher(BinaryPrimitives.ReadUInt64LittleEndian(key), BinaryPrimitives.ReadUInt64LittleEndian(key[8..]));
    }

    /// <summary>The hash of one token.</summary>
    public ulong Of(ValueToken token) => Of(token.Kind switch
    {
        ValueTokenKind.Email => 'e',
        ValueTokenKind.Iban => 'i',
        ValueTokenKind.Url => 'u',
        ValueTokenKind.Digits => 'd',
        ValueTokenKind.Identifier => 'x',
        ValueTokenKind.Host => 'h',
        _ => 'w',
    }, token.Canonical);

    /// <summary>The hash of a seen-value key of a typed value (<c>e:…</c>, <c>i:…</c>, <c>u:…</c>, <c>d:…</c>).</summary>
    public ulong OfTypedKey(string key) => key.Length >= 2 && key[1] == ':' ? Of(key[0], key.AsSpan(2)) : Of('?', key);

    /// <summary>The hash of one word (canonical: lower case letters and digits).</summary>
    public ulong OfWord(ReadOnlySpan<char> word) => Of('w', word);

    /// <summary>The hash of the value of <paramref name="kind"/> (<c>w</c> for a word) with <paramref name="canonical"/> form.</summary>
    public ulong Of(char kind, ReadOnlySpan<char> canonical)
    {
        var length = canonical.Length + 2;
        char[]? rented = null;
        var buffer = length <= StackChars ? stackalloc char[StackChars] : (rented = ArrayPool<char>.Shared.Rent(length));
        buffer[0] = kind;
        buffer[1] = ':';
        canonical.CopyTo(buffer[2..]);
        var hash = SipHash24(MemoryMarshal.AsBytes(buffer[..length]));
        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
        }

        return kind == 'w' ? (hash & ~TypedBit) is 0 ? 1 : hash & ~TypedBit : hash | TypedBit;
    }

    /// <summary>SipHash-2-4 (Aumasson and Bernstein) of <paramref name="data"/> under this instance's key.</summary>
    internal ulong SipHash24(ReadOnlySpan<byte> data)
    {
        var v0 = 0x736f6d6570736575UL ^ _k0;
        var v1 = 0x646f72616e646f6dUL ^ _k1;
        var v2 = 0x6c7967656e657261UL ^ _k0;
        var v3 = 0x7465646279746573UL ^ _k1;
        var blocks = data.Length / 8;
        for (var i = 0; i < blocks; i++)
        {
            var m = BinaryPrimitives.ReadUInt64LittleEndian(data.Slice(i * 8, 8));
            v3 ^= m;
            Round(ref v0, ref v1, ref v2, ref v3);
            Round(ref v0, ref v1, ref v2, ref v3);
            v0 ^= m;
        }

        var last = (ulong)data.Length << 56;
        var tail = data[(blocks * 8)..];
        for (var i = 0; i < tail.Length; i++)
        {
            last |= (ulong)tail[i] << (8 * i);
        }

        v3 ^= last;
        Round(ref v0, ref v1, ref v2, ref v3);
        Round(ref v0, ref v1, ref v2, ref v3);
        v0 ^= last;
        v2 ^= 0xff;
        Round(ref v0, ref v1, ref v2, ref v3);
        Round(ref v0, ref v1, ref v2, ref v3);
        Round(ref v0, ref v1, ref v2, ref v3);
        Round(ref v0, ref v1, ref v2, ref v3);
        return v0 ^ v1 ^ v2 ^ v3;
    }

    private static void Round(ref ulong v0, ref ulong v1, ref ulong v2, ref ulong v3)
    {
        v0 += v1;
        v1 = BitOperations.RotateLeft(v1, 13);
        v1 ^= v0;
        v0 = BitOperations.RotateLeft(v0, 32);
        v2 += v3;
        v3 = BitOperations.RotateLeft(v3, 16);
        v3 ^= v2;
        v0 += v3;
        v3 = BitOperations.RotateLeft(v3, 21);
        v3 ^= v0;
        v2 += v1;
        v1 = BitOperations.RotateLeft(v1, 17);
        v1 ^= v2;
        v2 = BitOperations.RotateLeft(v2, 32);
    }
}
