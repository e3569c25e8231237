using System.Collections.Concurrent;
using AgentGuard.Provenance;

namespace AgentGuard.Policies;

/// <summary>
/// All live sessions, bounded in number and forgotten when idle, so memory stays bounded however many sessions run.
/// The default <see cref="ISessionStore"/>: it answers in process and completes synchronously.
/// </summary>
/// <remarks>
/// Nothing on the decision path is proportional to the number of sessions: the count is kept with
/// <see cref="Interlocked"/>, an open is one lock-free lookup (<see cref="SessionTable"/>, whose slots also keep what the
/// collector must mark per new session small and in order) and a touch of the session itself. At
/// <see cref="SessionLimits.MaxSessions"/> each new session evicts one old one by the CLOCK (second-chance) algorithm —
/// an approximate least-recently-used order: sessions wait in a queue in the order they were created; the one at the
/// head goes unless it was opened since it last reached the head, in which case it goes to the back. At most
/// <see cref="MaxScan"/> sessions are looked at per eviction, so a new session at the limit costs O(1). A session opened
/// while it is being chosen is kept (<see cref="SessionState.TryMarkEvicted"/>). The count exceeds the limit by at most
/// the number of threads creating sessions at that moment. Idle sessions are removed by a background sweep once a
/// minute (or once per idle timeout, if shorter); one found idle before that starts afresh.
/// </remarks>
internal sealed class SessionStore : ISessionStore
{
    /// <summary>Sessions looked at per eviction at most; past it the next one goes even if it was used recently.</summary>
    public const int MaxScan = 64;

    /// <summary>Slots of <see cref="_recent"/>: sessions opened lately, found without the table.</summary>
    private const int RecentSlots = 256;

    private readonly SessionTable _sessions = new();
    private readonly ConcurrentQueue<SessionState> _clock = new();
    private readonly SessionState?[] _recent = new SessionState?[RecentSlots];
    private readonly IdleClock _idle;
    private readonly IRateLimitStore _rateLimits;
    private readonly SessionlessView _sessionless;
    private readonly SeenValueHasher _hasher = SeenValueHasher.CreateRandom();
    private readonly SharedNames _names = new();
    private readonly EvictedSessions _evicted;
    private readonly Lock _sweepGate = new();
    private int _count;
    private long _lastSweep;
    private int _sweepQueued;
    private Task _sweep = Task.CompletedTask;
    private SessionLimits _limits = new(100, TimeSpan.FromMinutes(30), 100_000);
    private SessionShared? _shared;

    public SessionStore(TimeProvider time, IRateLimitStore? rateLimits = null)
    {
        _idle = new IdleClock(time);
        _rateLimits = rateLimits ?? new RateLimiterStore();
        _sessionless = new SessionlessView(_rateLimits);
        _evicted = new EvictedSessions(_hasher);
        _lastSweep = _idle.Now;
    }

    /// <summary>Live sessions (kept with <see cref="Interlocked"/>; never negative).</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>Sessions in the table (for tests: the Interlocked count must match it).</summary>
    internal int EntryCount => _sessions.Count;

    /// <summary>Slots the table has allocated (for tests).</summary>
    internal int TableSlots => _sessions.SlotCapacity;

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
    {
        var key = SessionKeys.Bound(sessionId)!;
        var hash = key.GetHashCode(StringComparison.Ordinal);
        var state = _sessions.Find(key, hash) ?? _sessions.FindLocked(key, hash);
        return state is not null && !state.IsEvicted && !IsIdle(state, _idle.Now, _limits.IdleTimeout) ? state : null;
    }

    public SessionState GetOrCreate(string sessionId, CompiledPolicy policy)
        => GetOrCreate(sessionId, policy.SessionLimits);

    public SessionState GetOrCreate(string sessionId, SessionLimits limits)
    {
        sessionId = SessionKeys.Bound(sessionId)!;
        if (_limits != limits)
        {
            _limits = limits;
        }

        var now = _idle.Now;
        ref var recent = ref _recent[RecentSlot(sessionId)];
        while (true)
        {
            // A session opened lately is found in its slot when its id is equal (ordinally) and it was not evicted since:
            // then it is the table's session for the id (a session leaves the table only once marked evicted, and
            // the touch below re-checks that mark). Otherwise the table answers (a miss there is confirmed under its lock
            // when the session is created).
            var state = Volatile.Read(ref recent);
            if ((state is null || state.IsEvicted || !string.Equals(state.Id, sessionId))
                && (state = _sessions.Find(sessionId, sessionId.GetHashCode(StringComparison.Ordinal))) is null)
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
                if (!ReferenceEquals(Volatile.Read(ref recent), state))
                {
                    Volatile.Write(ref recent, state);
                }

                MaybeSweep(now, limits);
                return state;
            }

            // Evicted between the lookup and the touch: it is leaving the table; look again.
            Thread.Yield();
        }
    }

    private SessionState Create(string sessionId, SessionLimits limits, long now)
    {
        var created = new SessionState(sessionId, Shared(limits), now);
        var restored = _evicted.Recall(sessionId) is { } labels ? [.. labels, SessionLabels.Evicted] : (string[]?)null;
        if (restored is not null)
        {
            created.AddLabels(restored);
        }

        var state = _sessions.GetOrAdd(created);
        if (restored is not null && !ReferenceEquals(state, created))
        {
            // Another call created it first, without the labels this one recalled.
            state.AddLabels(restored);
        }

        if (ReferenceEquals(state, created))
        {
            // The creating call's own touch is the use that put it in the queue, not a use since the hand passed.
            created.ClockTouches = 1;
            _clock.Enqueue(created);
            if (Interlocked.Increment(ref _count) > limits.MaxSessions)
            {
                // One in, one out (two if others left the count above the limit), never the one just created.
                for (var i = 0; i < 2 && Count > limits.MaxSessions && EvictOne(created); i++)
                {
                }
            }
        }

        return state;
    }

    /// <summary>The settings shared by sessions created under <paramref name="limits"/> (one instance while they hold).</summary>
    private SessionShared Shared(SessionLimits limits)
    {
        var shared = Volatile.Read(ref _shared);
        if (shared is null || shared.MaxHistory != Math.Max(1, limits.MaxHistory) || shared.MaxSeenValues != limits.SeenSlots)
        {
            shared = new SessionShared(limits.MaxHistory, limits.SeenSlots, _hasher, _rateLimits, _names);
            Volatile.Write(ref _shared, shared);
        }

        return shared;
    }

    /// <summary>Evicts the session the CLOCK hand points at (see the remarks); false when there is none to evict.</summary>
    private bool EvictOne(SessionState keep)
    {
        for (var scanned = 0; scanned <= 2 * MaxScan && _clock.TryDequeue(out var state); scanned++)
        {
            if (state.IsEvicted)
            {
                // Removed by the idle sweep: its queue entry is dropped here.
                continue;
            }

            var touches = state.Touches;
            if (ReferenceEquals(state, keep) || (scanned < MaxScan && touches != state.ClockTouches))
            {
                // Used since the hand last passed: a second chance.
                state.ClockTouches = touches;
                _clock.Enqueue(state);
                continue;
            }

            if (Evict(state.Id, state, touches, remember: true))
            {
                return true;
            }

            // Opened while it was being chosen: kept.
            state.ClockTouches = state.Touches;
            _clock.Enqueue(state);
        }

        return false;
    }

    private void MaybeSweep(long now, SessionLimits limits)
    {
        var sweepEvery = limits.IdleTimeout < TimeSpan.FromMinutes(1) ? limits.IdleTimeout : TimeSpan.FromMinutes(1);
        // A plain (volatile) read: Interlocked.Read is a locked compare-exchange, a write to this line from every
        // deciding thread on every call, which made two threads bounce it between their cores.
        if (!IdleClock.HasPassed(Volatile.Read(ref _lastSweep), now, sweepEvery)
            || Interlocked.CompareExchange(ref _sweepQueued, 1, 0) != 0)
        {
            return;
        }

        Interlocked.Exchange(ref _lastSweep, now);
        StartIdleSweep(limits);
    }

    /// <summary>Runs <see cref="SweepIdle"/> on the thread pool (a method of its own: the closure is allocated only here).</summary>
    private void StartIdleSweep(SessionLimits limits)
    {
        Volatile.Write(ref _sweep, Task.Run(() =>
        {
            try
            {
                SweepIdle(limits);
            }
            finally
            {
                Volatile.Write(ref _sweepQueued, 0);
            }
        }));
    }

    /// <summary>
    /// In the background: removes sessions idle past the timeout, then drops their entries from the CLOCK queue (each
    /// live session keeps its place), so the queue holds no evicted session for long.
    /// </summary>
    private void SweepIdle(SessionLimits limits)
    {
        lock (_sweepGate)
        {
            var now = _idle.Now;
            var removed = 0;
            foreach (var state in _sessions.Snapshot())
            {
                if (IsIdle(state, now, limits.IdleTimeout) && Evict(state.Id, state, state.Touches))
                {
                    removed++;
                }
            }

            if (removed == 0)
            {
                return;
            }

            for (var n = _clock.Count; n > 0 && _clock.TryDequeue(out var state); n--)
            {
                if (!state.IsEvicted)
                {
                    _clock.Enqueue(state);
                }
            }
        }
    }

    /// <summary>
    /// Removes the session unless it was opened since <paramref name="touches"/> was read; one evicted at the limit
    /// (<paramref name="remember"/>) leaves its labels behind (<see cref="EvictedSessions"/>), one idle past the timeout does not.
    /// </summary>
    private bool Evict(string id, SessionState state, int touches, bool remember = false)
    {
        if (!state.TryMarkEvicted(touches))
        {
            return false;
        }

        if (_sessions.TryRemove(state))
        {
            Interlocked.Decrement(ref _count);
        }

        var labels = state.Release();
        if (remember)
        {
            _evicted.Remember(id, labels, _limits.MaxSessions);
        }

        return true;
    }

    /// <summary>
    /// The slot of <see cref="_recent"/> for an id: from its length and a few of its characters. Ids that share a slot
    /// take turns in it (each then costs the table look-up it always cost); the slot never answers another id.
    /// </summary>
    internal static int RecentSlot(string sessionId)
        => sessionId.Length == 0
            ? 0
            : ((sessionId.Length * 31) + (sessionId[0] * 7) + (sessionId[sessionId.Length / 2] * 3) + (sessionId[^1] * 13) + (sessionId.Length > 1 ? sessionId[^2] * 61 : 0)) & (RecentSlots - 1);

    private static bool IsIdle(SessionState state, long now, TimeSpan idleTimeout)
        => IdleClock.HasPassed(state.LastTouched, now, idleTimeout);
}
