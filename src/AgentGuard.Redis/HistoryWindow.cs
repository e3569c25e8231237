using System.Text;
using StackExchange.Redis;

namespace AgentGuard.Redis;

/// <summary>
/// The history one decision sees, oldest first: calls this replica already held (a prefix of the near-cache that is
/// never written again), the calls Redis sent, of which only the newest count (what Redis holds: its list length, the
/// depth read), then this replica's own calls whose records had not gone out when the read did (<see cref="WithQueued"/>).
/// </summary>
internal readonly struct HistoryWindow
{
    private readonly byte[][]? _older;
    private readonly int _olderCount;
    private readonly RedisValue[] _newer;
    private readonly int _newerStart;
    private readonly RecordedCall[]? _queued;

    /// <param name="older">Calls held before, oldest first.</param>
    /// <param name="olderCount">How many of <paramref name="older"/> are held.</param>
    /// <param name="newer">The calls Redis sent, oldest first.</param>
    /// <param name="newerStart">Where the calls that follow <paramref name="older"/> start in <paramref name="newer"/>.</param>
    /// <param name="limit">How many of the newest of the two count.</param>
    public HistoryWindow(byte[][]? older, int olderCount, RedisValue[] newer, int newerStart, int limit)
    {
        _older = older;
        _olderCount = olderCount;
        _newer = newer;
        _newerStart = newerStart;
        Count = Math.Min(limit, olderCount + newer.Length - newerStart);
    }

    private HistoryWindow(in HistoryWindow before, RecordedCall[] queued, int count)
    {
        _older = before._older;
        _olderCount = before._olderCount;
        _newer = before._newer;
        _newerStart = before._newerStart;
        _queued = queued;
        Count = count;
    }

    public static HistoryWindow Empty => new(null, 0, [], 0, 0);

    public int Count { get; }

    /// <summary>
    /// This window followed by <paramref name="queued"/> (calls oldest first, not in what Redis sent), as Redis's list
    /// will be once their records are applied: <paramref name="count"/> of the newest count (each append trims).
    /// </summary>
    public HistoryWindow WithQueued(RecordedCall[] queued, int count) => new(in this, queued, count);

    /// <summary>
    /// What a sequence pattern reads of the call <paramref name="fromNewest"/> places back from the newest (0 = newest),
    /// as its entry in Redis reads (<see cref="HistoryEntry.TryReadHeader(ReadOnlySpan{byte}, NamePool, out HistoryEntry.Header)"/>);
    /// false for an entry not in this format.
    /// </summary>
    public bool TryReadHeader(int fromNewest, NamePool names, out HistoryEntry.Header header)
    {
        if (_queued is { } queued)
        {
            if (fromNewest < queued.Length)
            {
                return HistoryEntry.TryReadHeader(in queued[queued.Length - 1 - fromNewest], names, out header);
            }

            fromNewest -= queued.Length;
        }

        return HistoryEntry.TryReadHeader(Stored(fromNewest), names, out header);
    }

    /// <summary>The call <paramref name="fromNewest"/> places back from the newest, decoded whole; null for an entry not in this format.</summary>
    public HistoryEntry? Decode(int fromNewest)
    {
        if (_queued is { } queued)
        {
            if (fromNewest < queued.Length)
            {
                return HistoryEntry.Decode(Encoding.UTF8.GetString(queued[queued.Length - 1 - fromNewest].Encode()));
            }

            fromNewest -= queued.Length;
        }

        return HistoryEntry.Decode(Encoding.UTF8.GetString(Stored(fromNewest)));
    }

    /// <summary>The stored entry <paramref name="fromNewest"/> places back from the newest of those held and sent.</summary>
    private ReadOnlySpan<byte> Stored(int fromNewest)
    {
        var inNewer = _newer.Length - 1 - fromNewest;
        return inNewer >= _newerStart ? ((ReadOnlyMemory<byte>)_newer[inNewer]).Span : _older![_olderCount + inNewer - _newerStart];
    }
}
