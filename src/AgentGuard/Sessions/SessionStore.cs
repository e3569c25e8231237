using System.Collections.Concurrent;

namespace AgentGuard.Policies;

/// <summary>
/// All live sessions, bounded in number and forgotten when idle, so memory stays bounded however many sessions run.
/// Expired sessions are swept on use, at most once per sweep interval, by whichever caller gets there first.
/// The default <see cref="ISessionStore"/>: it answers in process and completes synchronously.
/// </summary>
internal sealed class SessionStore : ISessionStore
{
    private readonly ConcurrentDictionary<string, SessionState> _sessions = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly IRateLimitStore _rateLimits;
    private readonly SessionlessView _sessionless;
    private long _lastSweep;
    private int _sweeping;

    public SessionStore(TimeProvider time, IRateLimitStore? rateLimits = null)
    {
        _time = time;
        _rateLimits = rateLimits ?? new RateLimiterStore();
        _sessionless = new SessionlessView(_rateLimits);
        _lastSweep = time.GetTimestamp();
    }

    public int Count => _sessions.Count;

    public bool ReadsAhead => false;

    public ValueTask<ISessionView> OpenAsync(SessionRequest request, CancellationToken cancellationToken)
    {
        if (request.SessionId is not { Length: > 0 } sessionId)
        {
            return new ValueTask<ISessionView>(_sessionless);
        }

        var state = GetOrCreate(sessionId, request.Limits);
        if (request.Prompt is { } prompt)
        {
            state.Observe(ValueOrigin.Prompt, prompt);
        }

        return new ValueTask<ISessionView>(state);
    }

    public SessionState? Find(string sessionId) => _sessions.TryGetValue(sessionId, out var state) ? state : null;

    public SessionState GetOrCreate(string sessionId, CompiledPolicy policy)
        => GetOrCreate(sessionId, new SessionLimits(policy.MaxHistory, policy.IdleTimeout, policy.MaxSessions));

    public SessionState GetOrCreate(string sessionId, SessionLimits policy)
    {
        var now = _time.GetTimestamp();
        if (!_sessions.TryGetValue(sessionId, out var state))
        {
            state = _sessions.GetOrAdd(sessionId, static (id, arg) => new SessionState(id, arg.policy.MaxHistory, arg.now, arg.rateLimits), (policy, now, rateLimits: _rateLimits));
        }

        state.LastTouched = now;
        MaybeSweep(now, policy);
        return state;
    }

    private void MaybeSweep(long now, SessionLimits policy)
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
