using System.Buffers;
using System.Collections.Concurrent;
using AgentGuard.Provenance;

namespace AgentGuard.Policies;

/// <summary>
/// All live sessions, bounded in number and forgotten when idle, so memory stays bounded however many sessions run.
/// The default <see cref="ISessionStore"/>: it answers in process and completes synchronously.
/// </summary>
/// <remarks>
/// Nothing on the decision path is proportional to the number of sessions: the count is kept with
/// <see cref="Interlocked"/>, an open is one lock-free lookup and a touch of the session itself. Idle expiry and eviction
/// at <see cref="SessionLimits.MaxSessions"/> run in a background sweep (one at a time) that removes idle sessions and
/// then the least recently used, down to the limit less 1/<see cref="BatchFraction"/>, so a new session at the limit
/// costs an amortised fraction of one pass. A session opened while a sweep chose it is kept (<see cref="SessionState.TryMarkEvicted"/>).
/// Between sweeps the count may pass the limit by up to <see cref="Slack"/> (1/<see cref="SlackFraction"/>) plus the
/// number of threads creating sessions at that moment; beyond that, the creating call waits for the sweep (or sweeps).
/// </remarks>
internal sealed class SessionStore : ISessionStore
{
    /// <summary>A sweep at the limit brings the count this fraction (1/16) of the limit below it.</summary>
    public const int BatchFraction = 16;

    /// <summary>The count may pass the limit by this fraction (1/32) before the creating call sweeps itself.</summary>
    public const int SlackFraction = 32;

    private readonly ConcurrentDictionary<string, SessionState> _sessions = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly IRateLimitStore _rateLimits;
    private readonly SessionlessView _sessionless;
    private readonly SeenValueHasher _hasher = SeenValueHasher.CreateRandom();
    private readonly SharedNames _names = new();
    private readonly Lock _sweepGate = new();
    private int _count;
    private long _lastSweep;
    private int _sweepQueued;
    private Task _sweep = Task.CompletedTask;
    private SessionLimits _limits = new(100, TimeSpan.FromMinutes(30), 100_000);

    public SessionStore(TimeProvider time, IRateLimitStore? rateLimits = null)
    {
        _time = time;
        _rateLimits = rateLimits ?? new RateLimiterStore();
        _sessionless = new SessionlessView(_rateLimits);
        _lastSweep = time.GetTimestamp();
    }

    /// <summary>Live sessions (kept with <see cref="Interlocked"/>; never negative).</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>Entries in the dictionary (reads all its locks: for tests, never on the decision path).</summary>
    internal int EntryCount => _sessions.Count;

    /// <summary>Completes when no background sweep is running or queued (for tests).</summary>
    internal async Task SweepsDone()
    {
        while (true)
        {
            var sweep = Volatile.Read(ref _sweep);
            await sweep.ConfigureAwait(false);
            if (ReferenceEquals(sweep, Volatile.Read(ref _sweep)))
            {
                return;
            }
        }
    }

    /// <summary>How far past <see cref="SessionLimits.MaxSessions"/> the count may go before the creating call sweeps itself.</summary>
    public static int Slack(int maxSessions) => Math.Max(1, maxSessions / SlackFraction);

    /// <summary>How far below <see cref="SessionLimits.MaxSessions"/> a sweep at the limit brings the count.</summary>
    public static int Batch(int maxSessions) => Math.Max(1, maxSessions / BatchFraction);

    public bool ReadsAhead => false;

    public ValueTask<ISessionView> OpenAsync(SessionRequest request, CancellationToken cancellationToken)
    {
        if (_rateLimits is RateLimiterStore counters)
        {
            counters.Configure(request.Limits.RateLimitCounters, request.Limits.RateLimitHitsKept);
        }

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

    /// <summary>The live session with this id, or null (also when it has been idle past the timeout and not yet swept).</summary>
    public SessionState? Find(string sessionId)
        => _sessions.TryGetValue(sessionId, out var state) && !state.IsEvicted && !IsIdle(state, _time.GetTimestamp(), _limits.IdleTimeout) ? state : null;

    public SessionState GetOrCreate(string sessionId, CompiledPolicy policy)
        => GetOrCreate(sessionId, policy.SessionLimits);

    public SessionState GetOrCreate(string sessionId, SessionLimits limits)
    {
        if (_limits != limits)
        {
            _limits = limits;
        }

        var now = _time.GetTimestamp();
        while (true)
        {
            if (!_sessions.TryGetValue(sessionId, out var state))
            {
                state = Create(sessionId, limits, now);
            }
            else if (IsIdle(state, now, limits.IdleTimeout) && Evict(sessionId, state, state.Touches))
            {
                // Idle past the timeout but not swept yet: it starts afresh, as if the sweep had run.
                continue;
            }

            if (state.Touch(now))
            {
                MaybeSweep(now, limits);
                return state;
            }

            // Evicted between the lookup and the touch: it is leaving the dictionary; look again.
            Thread.Yield();
        }
    }

    private SessionState Create(string sessionId, SessionLimits limits, long now)
    {
        var created = new SessionState(sessionId, limits.MaxHistory, now, _rateLimits, limits.SeenSlots, _hasher, _names);
        var state = _sessions.GetOrAdd(sessionId, created);
        if (ReferenceEquals(state, created))
        {
            var count = Interlocked.Increment(ref _count);
            if (count > limits.MaxSessions + Slack(limits.MaxSessions))
            {
                // Creation outran the background sweep: this call makes room itself, so the count stays bounded.
                SweepNow(now, limits);
            }
            else if (count > limits.MaxSessions)
            {
                QueueSweep(now, limits);
            }
        }

        return state;
    }

    private void MaybeSweep(long now, SessionLimits limits)
    {
        var sweepEvery = limits.IdleTimeout < TimeSpan.FromMinutes(1) ? limits.IdleTimeout : TimeSpan.FromMinutes(1);
        if (_time.GetElapsedTime(Interlocked.Read(ref _lastSweep), now) >= sweepEvery)
        {
            QueueSweep(now, limits);
        }
    }

    private void QueueSweep(long now, SessionLimits limits)
    {
        if (Interlocked.CompareExchange(ref _sweepQueued, 1, 0) != 0)
        {
            return;
        }

        Interlocked.Exchange(ref _lastSweep, now);
        Volatile.Write(ref _sweep, Task.Run(() =>
        {
            try
            {
                Sweep(limits);
            }
            finally
            {
                Volatile.Write(ref _sweepQueued, 0);
            }

            // Sessions created while this sweep ran (it may have been an idle sweep) can leave the store over the limit.
            if (Count > limits.MaxSessions)
            {
                QueueSweep(_time.GetTimestamp(), limits);
            }
        }));
    }

    private void SweepNow(long now, SessionLimits limits)
    {
        Interlocked.Exchange(ref _lastSweep, now);
        Sweep(limits, onlyAboveSlack: true);
    }

    /// <summary>
    /// One pass: removes idle sessions, then — when over the limit — the least recently used, down to the limit less a
    /// batch. Selecting the oldest is a linear-time selection over one array of timestamps, never a sort of sessions.
    /// </summary>
    private void Sweep(SessionLimits limits, bool onlyAboveSlack = false)
    {
        lock (_sweepGate)
        {
            if (onlyAboveSlack && Count <= limits.MaxSessions + Slack(limits.MaxSessions))
            {
                // The sweep this call waited for made room already.
                return;
            }

            var now = _time.GetTimestamp();
            var candidates = ArrayPool<Candidate>.Shared.Rent(Math.Max(16, Count + 64));
            try
            {
                SweepWith(candidates, now, limits);
            }
            finally
            {
                ArrayPool<Candidate>.Shared.Return(candidates, clearArray: true);
            }
        }
    }

    private void SweepWith(Candidate[] candidates, long now, SessionLimits limits)
    {
        {
            var n = 0;
            foreach (var (id, state) in _sessions)
            {
                var touches = state.Touches;
                if (IsIdle(state, now, limits.IdleTimeout))
                {
                    Evict(id, state, touches);
                }
                else if (n < candidates.Length)
                {
                    candidates[n++] = new Candidate(id, state, state.LastTouched, touches);
                }
            }

            var excess = Count - (limits.MaxSessions - Batch(limits.MaxSessions));
            if (Count <= limits.MaxSessions || excess <= 0 || n == 0)
            {
                return;
            }

            var times = ArrayPool<long>.Shared.Rent(n);
            for (var i = 0; i < n; i++)
            {
                times[i] = candidates[i].LastTouched;
            }

            var cutoff = OldestSelection.KthSmallest(times.AsSpan(0, n), Math.Min(excess, n) - 1);
            ArrayPool<long>.Shared.Return(times);
            for (var i = 0; i < n && excess > 0; i++)
            {
                if (candidates[i].LastTouched < cutoff && Evict(candidates[i].Id, candidates[i].State, candidates[i].Touches))
                {
                    excess--;
                }
            }

            for (var i = 0; i < n && excess > 0; i++)
            {
                if (candidates[i].LastTouched == cutoff && Evict(candidates[i].Id, candidates[i].State, candidates[i].Touches))
                {
                    excess--;
                }
            }
        }
    }

    /// <summary>Removes the session unless it was opened since <paramref name="touches"/> was read.</summary>
    private bool Evict(string id, SessionState state, int touches)
    {
        if (!state.TryMarkEvicted(touches))
        {
            return false;
        }

        if (_sessions.TryRemove(KeyValuePair.Create(id, state)))
        {
            Interlocked.Decrement(ref _count);
        }

        return true;
    }

    private bool IsIdle(SessionState state, long now, TimeSpan idleTimeout)
        => _time.GetElapsedTime(state.LastTouched, now) >= idleTimeout;

    private readonly record struct Candidate(string Id, SessionState State, long LastTouched, int Touches);
}
