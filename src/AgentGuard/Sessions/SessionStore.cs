using System.Collections.Concurrent;

namespace AgentGuard.Policies;

/// <summary>
/// All live sessions, bounded in number and forgotten when idle, so memory stays bounded however many sessions run.
/// Expired sessions are swept on use, at most once per sweep interval, by whichever caller gets there first.
/// </summary>
internal sealed class SessionStore
{
    private readonly ConcurrentDictionary<string, SessionState> _sessions = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private long _lastSweep;
    private int _sweeping;

    public SessionStore(TimeProvider time)
    {
        _time = time;
        _lastSweep = time.GetTimestamp();
    }

    public int Count => _sessions.Count;

    public SessionState? Find(string sessionId) => _sessions.TryGetValue(sessionId, out var state) ? state : null;

    public SessionState GetOrCreate(string sessionId, CompiledPolicy policy)
    {
        var now = _time.GetTimestamp();
        if (!_sessions.TryGetValue(sessionId, out var state))
        {
            state = _sessions.GetOrAdd(sessionId, static (id, arg) => new SessionState(id, arg.policy.MaxHistory, arg.now), (policy, now));
        }

        state.LastTouched = now;
        MaybeSweep(now, policy);
        return state;
    }

    private void MaybeSweep(long now, CompiledPolicy policy)
    {
        var sweepEvery = policy.IdleTimeout < TimeSpan.FromMinutes(1) ? policy.IdleTimeout : TimeSpan.FromMinutes(1);
        var overCapacity = _sessions.Count > policy.MaxSessions;
        if ((!overCapacity && _time.GetElapsedTime(Interlocked.Read(ref _lastSweep), now) < sweepEvery)
            || Interlocked.Exchange(ref _sweeping, 1) == 1)
        {
            return;
        }

        try
        {
            Interlocked.Exchange(ref _lastSweep, now);
            foreach (var (id, state) in _sessions)
            {
                if (_time.GetElapsedTime(state.LastTouched, now) >= policy.IdleTimeout)
                {
                    _sessions.TryRemove(id, out _);
                }
            }

            var excess = _sessions.Count - policy.MaxSessions;
            if (excess > 0)
            {
                foreach (var (id, _) in _sessions.OrderBy(p => p.Value.LastTouched).Take(excess).ToList())
                {
                    _sessions.TryRemove(id, out _);
                }
            }
        }
        finally
        {
            Volatile.Write(ref _sweeping, 0);
        }
    }
}
