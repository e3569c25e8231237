using System.Numerics;

namespace AgentGuard.Provenance;

/// <summary>
/// What an origin's bounded memory forgot of untrusted content, kept as a Bloom filter of value hashes so that
/// forgetting never launders a value: a value whose untrusted sighting was evicted still answers "maybe seen untrusted"
/// (false positives only, on the safe side: more values count as tainted, never fewer). Two kinds of keys share the
/// filter: a value alone (<see cref="Single"/>) and two adjacent words (<see cref="Pair"/>). Fixed size
/// (<see cref="BytesPerSlot"/> per seen-value slot of the origin): with three probes, about 1 % of unrelated values answer
/// "maybe" once 1.5 keys per filter byte are in it (a forgotten word adds up to two), that is after forgetting about three
/// times what the origin keeps; a session that forgets far more untrusted content sees that share grow (more denials,
/// never fewer). Not thread-safe (the session guards it).
/// </summary>
internal sealed class EvictedTaint
{
    /// <summary>Filter bytes per seen-value slot of the untrusted origin.</summary>
    public const int BytesPerSlot = 4;

    private const int Probes = 3;
    private readonly ulong[] _bits;
    private readonly uint _mask;

    /// <summary>A filter of <paramref name="bytes"/> bytes (rounded down to a power of two, at least 64).</summary>
    public EvictedTaint(int bytes)
    {
        var words = 8;
        while (words * 2 * 8 <= bytes)
        {
            words *= 2;
        }

        _bits = new ulong[words];
        _mask = (uint)(words * 64) - 1;
    }

    /// <summary>How many hashes were added.</summary>
    public int Added { get; private set; }

    /// <summary>The filter's size in bytes.</summary>
    public int Bytes => _bits.Length * 8;

    public void Add(ulong hash)
    {
        Added++;
        var (h1, h2) = Split(hash);
        for (var i = 0u; i < Probes; i++)
        {
            var bit = (h1 + (i * h2)) & _mask;
            _bits[bit >> 6] |= 1UL << (int)(bit & 63);
        }
    }

    public bool MayContain(ulong hash)
    {
        var (h1, h2) = Split(hash);
        for (var i = 0u; i < Probes; i++)
        {
            var bit = (h1 + (i * h2)) & _mask;
            if ((_bits[bit >> 6] & (1UL << (int)(bit & 63))) == 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The key of a value (typed, or one word) that was itself untrusted.</summary>
    public static ulong Single(ulong hash) => hash;

    /// <summary>The key of two adjacent words of an untrusted run that no trusted result showed together first.</summary>
    public static ulong Pair(ulong first, ulong second) => (BitOperations.RotateLeft(first, 17) * 0xC2B2AE3D27D4EB4FUL) ^ second ^ 0x27D4EB2F165667C5UL;

    private static (uint H1, uint H2) Split(ulong hash) => ((uint)hash, (uint)(hash >> 32) | 1);
}
