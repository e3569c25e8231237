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
    private readonly byte[][]? _queued;

    /// <param name="older">Calls held before, oldest first.</param>
    /// <param name="olderCount">How many of <paramref name="older"/> are held.</param>
    /// <param name="newer">The calls Redis sent, oldest first.</param>
    /// <param name="limit">How many of the newest of the two count.</param>
    public HistoryWindow(byte[][]? older, int olderCount, RedisValue[] newer, int limit)
    {
        _older = older;
        _olderCount = olderCount;
        _newer = newer;
        Count = Math.Min(limit, olderCount + newer.Length);
    }

    private HistoryWindow(in HistoryWindow before, byte[][] queued, int count)
    {
        _older = before._older;
        _olderCount = before._olderCount;
        _newer = before._newer;
        _queued = queued;
        Count = count;
    }

    public static HistoryWindow Empty => new(null, 0, [], 0);

    public int Count { get; }

    /// <summary>
    /// This window followed by <paramref name="calls"/> (oldest first; <paramref name="entries"/> are their encodings), as
    /// Redis's list will be once their records are applied: each append trims the list to the length its call keeps.
    /// </summary>
    public HistoryWindow WithQueued(byte[][] entries, ReadOnlySpan<RecordedCall> calls)
    {
        var count = Count;
        foreach (var call in calls)
        {
            count = Math.Min(count + 1, call.Keeps);
        }

        return new HistoryWindow(in this, entries, count);
    }

    /// <summary>The entry <paramref name="fromNewest"/> places back from the newest (0 = newest).</summary>
    public ReadOnlySpan<byte> FromNewest(int fromNewest)
    {
        if (_queued is { } queued)
        {
            if (fromNewest < queued.Length)
            {
                return queued[queued.Length - 1 - fromNewest];
            }

            fromNewest -= queued.Length;
        }

        var inNewer = _newer.Length - 1 - fromNewest;
        return inNewer >= 0 ? ((ReadOnlyMemory<byte>)_newer[inNewer]).Span : _older![_olderCount + inNewer];
    }
}
