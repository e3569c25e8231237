using StackExchange.Redis;

namespace AgentGuard.Redis;

/// <summary>
/// The history one decision sees, oldest first: calls this replica already held (<paramref name="older"/>, a prefix of
/// the near-cache that is never written again) followed by the calls Redis sent (<paramref name="newer"/>), of which
/// only the last <paramref name="limit"/> count (what Redis holds: its list length, the depth read).
/// </summary>
internal readonly struct HistoryWindow(byte[][]? older, int olderCount, RedisValue[] newer, int limit)
{
    public static HistoryWindow Empty => new(null, 0, [], 0);

    public int Count => Math.Min(limit, olderCount + newer.Length);

    /// <summary>The entry <paramref name="fromNewest"/> places back from the newest (0 = newest).</summary>
    public ReadOnlySpan<byte> FromNewest(int fromNewest)
    {
        var inNewer = newer.Length - 1 - fromNewest;
        return inNewer >= 0 ? ((ReadOnlyMemory<byte>)newer[inNewer]).Span : older![olderCount + inNewer];
    }
}
