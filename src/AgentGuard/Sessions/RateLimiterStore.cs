using System.Buffers;
using System.Collections.Concurrent;

namespace AgentGuard.Policies;

/// <summary>
/// Sliding-window counters for <c>When.RateLimit</c>, one per rule and key, bounded in number
/// (<see cref="SessionLimits.MaxRateLimitCounters"/>) and in size: a counter keeps only the newest
/// <see cref="SessionLimits.RateLimitHitsKept"/> hits (one more than the largest limit of the policy), which answers
/// "more than Max within the window" exactly. The count is kept with <see cref="Interlocked"/>; past the bound, one caller
/// sweeps in a batch (idle counters, then the least recently hit, down to the bound less 1/16), never per call.
/// </summary>
internal sealed class RateLimiterStore : IRateLimitStore
{
    /// <summary>Hits a counter keeps when no rule said how many it needs (a code path calling <see cref="Hit"/> directly).</summary>
    internal const int FallbackHitsKept = 10_000;

    /// <summary>A sweep past the bound brings the count this fraction (1/16) of the bound below it.</summary>
    private const int BatchFraction = 16;

    private readonly ConcurrentDictionary<(string Rule, string Key), Window> _windows = new();
    private int _count;
    private int _sweeping;
    private int _maxCounters = SessionLimits.DefaultMaxRateLimitCounters;
    private int _hitsKept = FallbackHitsKept;

    /// <summary>Live counters.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>Applies the policy's bounds (called on every open; a no-op unless they changed).</summary>
    public void Configure(int maxCounters, int hitsKept)
    {
        if (_maxCounters != maxCounters)
        {
            Volatile.Write(ref _maxCounters, Math.Max(1, maxCounters));
        }

        var kept = hitsKept > 0 ? hitsKept : FallbackHitsKept;
        if (_hitsKept != kept)
        {
            Volatile.Write(ref _hitsKept, kept);
        }
    }

    /// <summary>Records a call and returns how many calls (including it) fall within the window, up to the hits kept.</summary>
    public long Hit(string ruleId, string key, DateTimeOffset now, TimeSpan window)
    {
        if (!_windows.TryGetValue((ruleId, key), out var counter))
        {
            var created = new Window();
            counter = _windows.GetOrAdd((ruleId, key), created);
            if (ReferenceEquals(counter, created) && Interlocked.Increment(ref _count) > Volatile.Read(ref _maxCounters))
            {
                Sweep(now);
            }
        }

        return counter.Hit(now.UtcTicks, window.Ticks, Volatile.Read(ref _hitsKept));
    }

    /// <summary>Removes idle counters (by their own window), then the least recently hit, down to the bound less a batch.</summary>
    private void Sweep(DateTimeOffset now)
    {
        if (Interlocked.Exchange(ref _sweeping, 1) == 1)
        {
            return;
        }

        var candidates = ArrayPool<(ValueTuple<string, string> Key, Window Counter, long LastHit)>.Shared.Rent(Count + 64);
        var times = ArrayPool<long>.Shared.Rent(Count + 64);
        try
        {
            var n = 0;
            foreach (var (key, counter) in _windows)
            {
                var lastHit = counter.LastHit;
                if (counter.IsIdle(now.UtcTicks))
                {
                    Remove(key, counter);
                }
                else if (n < candidates.Length)
                {
                    times[n] = lastHit;
                    candidates[n++] = (key, counter, lastHit);
                }
            }

            var max = Volatile.Read(ref _maxCounters);
            var excess = Count - (max - Math.Max(1, max / BatchFraction));
            if (Count <= max || excess <= 0 || n == 0)
            {
                return;
            }

            var cutoff = OldestSelection.KthSmallest(times.AsSpan(0, n), Math.Min(excess, n) - 1);
            for (var i = 0; i < n && excess > 0; i++)
            {
                if (candidates[i].LastHit <= cutoff && Remove(candidates[i].Key, candidates[i].Counter))
                {
                    excess--;
                }
            }
        }
        finally
        {
            ArrayPool<(ValueTuple<string, string>, Window, long)>.Shared.Return(candidates, clearArray: true);
            ArrayPool<long>.Shared.Return(times);
            Volatile.Write(ref _sweeping, 0);
        }
    }

    private bool Remove((string, string) key, Window counter)
    {
        if (!_windows.TryRemove(KeyValuePair.Create(key, counter)))
        {
            return false;
        }

        Interlocked.Decrement(ref _count);
        return true;
    }

    /// <summary>The newest hits of one counter (UTC ticks) in a ring that grows on demand up to the hits kept.</summary>
    private sealed class Window
    {
        private readonly Lock _gate = new();
        private long[] _hits = [];
        private int _start;
        private int _count;
        private long _window;

        /// <summary>The last hit (UTC ticks), for eviction order.</summary>
        public long LastHit
        {
            get
            {
                lock (_gate)
                {
                    return _count == 0 ? long.MinValue : _hits[(_start + _count - 1) % _hits.Length];
                }
            }
        }

        public int Hit(long now, long window, int kept)
        {
            lock (_gate)
            {
                _window = window;
                while (_count > 0 && now - _hits[_start] >= window)
                {
                    _start = (_start + 1) % _hits.Length;
                    _count--;
                }

                if (_count == _hits.Length && _hits.Length < kept)
                {
                    Grow(kept);
                }

                if (_count == _hits.Length)
                {
                    // Full: the oldest hit makes way, so the newest are kept (exact for every limit below the hits kept).
                    _start = (_start + 1) % _hits.Length;
                    _count--;
                }

                _hits[(_start + _count) % _hits.Length] = now;
                _count++;
                return _count;
            }
        }

        public bool IsIdle(long now)
        {
            lock (_gate)
            {
                return _count == 0 || now - _hits[(_start + _count - 1) % _hits.Length] >= _window;
            }
        }

        private void Grow(int kept)
        {
            var grown = new long[Math.Min(kept, Math.Max(4, _hits.Length * 2))];
            for (var i = 0; i < _count; i++)
            {
                grown[i] = _hits[(_start + i) % _hits.Length];
            }

            _hits = grown;
            _start = 0;
        }
    }
}
