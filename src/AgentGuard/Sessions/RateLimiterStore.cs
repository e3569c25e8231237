using System.Collections.Concurrent;

namespace AgentGuard.Policies;

/// <summary>Sliding-window counters for <c>When.RateLimit</c>, one per rule and key; each keeps at most the timestamps its window needs.</summary>
internal sealed class RateLimiterStore : IRateLimitStore
{
    private const int MaxKeys = 100_000;
    private readonly ConcurrentDictionary<(string Rule, string Key), Window> _windows = new();

    /// <summary>Records a call and returns how many calls (including it) fall within the window.</summary>
    public long Hit(string ruleId, string key, DateTimeOffset now, TimeSpan window)
    {
        if (_windows.Count >= MaxKeys)
        {
            Prune(now, window);
        }

        var counter = _windows.GetOrAdd((ruleId, key), static _ => new Window());
        return counter.Hit(now, window);
    }

    private void Prune(DateTimeOffset now, TimeSpan window)
    {
        foreach (var (key, counter) in _windows)
        {
            if (counter.IsIdle(now, window))
            {
                _windows.TryRemove(key, out _);
            }
        }
    }

    private sealed class Window
    {
        private readonly Queue<DateTimeOffset> _hits = new();

        public int Hit(DateTimeOffset now, TimeSpan window)
        {
            lock (_hits)
            {
                while (_hits.Count > 0 && now - _hits.Peek() >= window)
                {
                    _hits.Dequeue();
                }

                // Keep a bounded number of timestamps: beyond a few thousand the rule has long applied.
                if (_hits.Count < 10_000)
                {
                    _hits.Enqueue(now);
                }

                return _hits.Count;
            }
        }

        public bool IsIdle(DateTimeOffset now, TimeSpan window)
        {
            lock (_hits)
            {
                return _hits.Count == 0 || now - _hits.Peek() >= window;
            }
        }
    }
}
