namespace AgentGuard.Provenance;

/// <summary>
/// What an origin's bounded memory forgot of untrusted content, kept as a Bloom filter of value hashes so that
/// forgetting never launders a value: a value whose untrusted sighting was evicted still answers "maybe seen untrusted"
/// (false positives only, on the safe side: more values count as tainted, never fewer). Words are added one by one, so
/// a word sequence is answered "maybe" when every word of it was in evicted untrusted content. Fixed size; not
/// thread-safe (the session guards it).
/// </summary>
internal sealed class EvictedTaint
{
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

    private static (uint H1, uint H2) Split(ulong hash) => ((uint)hash, (uint)(hash >> 32) | 1);
}
