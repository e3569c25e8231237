using AgentGuard.Policies;
using Microsoft.Extensions.Time.Testing;

namespace AgentGuard.Tests.Sessions;

/// <summary>
/// The in-memory store at its limit: the count stays bounded (at the limit, plus one per thread creating a session at
/// that moment), the least recently used go first (CLOCK: a session used since the hand last passed gets a second
/// chance), a session opened while it is being chosen is kept, and the count kept with Interlocked never drifts from
/// the dictionary or goes negative.
/// </summary>
public sealed class SessionStoreEvictionTests
{
    private static SessionLimits Limits(int maxSessions, TimeSpan? idle = null) => new(10, idle ?? TimeSpan.FromHours(1), maxSessions);

    [Fact]
    public async Task ManyNewSessions_CountNeverAboveTheLimit_NewestKept()
    {
        var time = new FakeTimeProvider();
        var store = new SessionStore(time);
        var limits = Limits(200);
        var highest = 0;
        for (var i = 0; i < 5_000; i++)
        {
            time.Advance(TimeSpan.FromMilliseconds(1));
            store.GetOrCreate("s" + i, limits);
            highest = Math.Max(highest, store.Count);
        }

        await store.SweepsDone();
        highest.Should().BeLessThanOrEqualTo(200, "each new session at the limit evicts one before it returns");
        store.Count.Should().Be(200);
        store.Count.Should().Be(store.EntryCount, "the Interlocked count matches the dictionary");
        store.Find("s4999").Should().NotBeNull("the newest session is kept");
    }

    [Fact]
    public async Task AtTheLimit_LeastRecentlyUsedGoFirst_ARecentlyUsedOldSessionStays()
    {
        var time = new FakeTimeProvider();
        var store = new SessionStore(time);
        var limits = Limits(64);
        for (var i = 0; i < 64; i++)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            store.GetOrCreate("s" + i, limits);
        }

        time.Advance(TimeSpan.FromSeconds(1));
        store.GetOrCreate("s0", limits).Record("read", ToolKind.Function, null, [], DecisionEffect.Allow, time.GetUtcNow(), "c");
        time.Advance(TimeSpan.FromSeconds(1));
        store.GetOrCreate("new", limits);
        await store.SweepsDone();

        store.Count.Should().BeLessThanOrEqualTo(64);
        store.Find("s1").Should().BeNull("s1 was the least recently used");
        store.Find("s0")!.HistoryCount.Should().Be(1, "s0 was used recently: kept with its history");
        store.Find("new").Should().NotBeNull();
        store.Find("s63").Should().NotBeNull();
    }

    [Fact]
    public void SessionOpenedAfterTheSweepChoseIt_IsNotEvicted()
    {
        var state = new SessionState("s", maxHistory: 10, now: 0);
        var touchesWhenChosen = state.Touches;

        state.Touch(1).Should().BeTrue();

        state.TryMarkEvicted(touchesWhenChosen).Should().BeFalse("it was opened after the sweep read it");
        state.IsEvicted.Should().BeFalse();
        state.TryMarkEvicted(state.Touches).Should().BeTrue();
        state.Touch(2).Should().BeFalse("a caller that opens an evicted session looks it up again");
    }

    [Fact]
    public void EvictedSession_OpenedAgain_StartsAfreshAndIsCounted()
    {
        var time = new FakeTimeProvider();
        var store = new SessionStore(time);
        var limits = Limits(10, idle: TimeSpan.FromMinutes(5));
        var first = store.GetOrCreate("s", limits);
        first.Record("read", ToolKind.Function, null, [], DecisionEffect.Allow, time.GetUtcNow(), "c");

        time.Advance(TimeSpan.FromMinutes(6));
        var again = store.GetOrCreate("s", limits);

        again.Should().NotBeSameAs(first, "idle past the timeout: a fresh session even before a sweep ran");
        again.HistoryCount.Should().Be(0);
        store.Count.Should().Be(1);
        store.Count.Should().Be(store.EntryCount);
    }

    [Fact]
    public async Task ManyThreadsCreatingSessions_NeverExceedTheSlack_CountNeverNegative_NoDrift()
    {
        var store = new SessionStore(TimeProvider.System);
        var limits = Limits(500);
        const int threads = 8;
        var highest = 0;
        var lowest = int.MaxValue;
        var busy = store.GetOrCreate("busy", limits);
        await Task.WhenAll(Enumerable.Range(0, threads).Select(t => Task.Run(() =>
        {
            for (var i = 0; i < 3_000; i++)
            {
                store.GetOrCreate($"t{t}-{i}", limits);
                if (i % 10 == 0)
                {
                    store.GetOrCreate("busy", limits).Record("read", ToolKind.Function, null, [], DecisionEffect.Allow, DateTimeOffset.UtcNow, null);
                }

                var count = store.Count;
                InterlockedMax(ref highest, count);
                InterlockedMin(ref lowest, count);
            }
        })));
        await store.SweepsDone();

        highest.Should().BeLessThanOrEqualTo(500 + threads, "the documented slack: one per thread creating a session at that moment");
        lowest.Should().BeGreaterThanOrEqualTo(0);
        store.Count.Should().Be(store.EntryCount);
        store.Count.Should().BeLessThanOrEqualTo(500);
        store.Find("busy")!.HistoryCount.Should().BeGreaterThan(0, "the session in use every few calls was never the one evicted");
    }

    private static void InterlockedMax(ref int target, int value)
    {
        var current = Volatile.Read(ref target);
        while (value > current && Interlocked.CompareExchange(ref target, value, current) != current)
        {
            current = Volatile.Read(ref target);
        }
    }

    private static void InterlockedMin(ref int target, int value)
    {
        var current = Volatile.Read(ref target);
        while (value < current && Interlocked.CompareExchange(ref target, value, current) != current)
        {
            current = Volatile.Read(ref target);
        }
    }
}
