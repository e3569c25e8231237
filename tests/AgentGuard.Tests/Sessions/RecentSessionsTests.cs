using AgentGuard.Policies;
using Microsoft.Extensions.Time.Testing;

namespace AgentGuard.Tests.Sessions;

/// <summary>
/// The store's slots of recently opened sessions, which answer an open without the dictionary. A slot may answer only
/// the session whose id it was asked for, only while that session is live: a slot that answered another id would mix
/// two conversations' histories (a sequence rule would count the other session's calls), and one that answered an
/// evicted or idle session would bring back history the store had forgotten. The ids below share one slot: they differ
/// only in a character the slot does not look at.
/// </summary>
public sealed class RecentSessionsTests
{
    private static SessionLimits Limits(int maxSessions = 1_000, TimeSpan? idle = null) => new(10, idle ?? TimeSpan.FromHours(1), maxSessions);

    /// <summary>Ids of one length that differ only in their second character.</summary>
    private static string[] IdsSharingASlot(int count)
    {
        var ids = Enumerable.Range(0, count).Select(i => $"s{(char)('a' + i)}-conversation-42").ToArray();
        ids.Select(SessionStore.RecentSlot).Distinct().Should().ContainSingle("the test needs ids that share a slot");
        return ids;
    }

    [Fact]
    public void SessionsSharingASlot_EachKeepTheirOwnHistory_WhicheverOpenedLast()
    {
        var time = new FakeTimeProvider();
        var store = new SessionStore(time);
        var ids = IdsSharingASlot(5);
        for (var round = 0; round < 3; round++)
        {
            foreach (var id in round == 1 ? ids.Reverse() : ids)
            {
                // A fresh copy of the id each time: equal text, another instance, as a host reading it from a request.
                var state = store.GetOrCreate(new string(id), Limits());
                state.Id.Should().Be(id);
                state.Record(id, ToolKind.Function, null, [], DecisionEffect.Allow, time.GetUtcNow(), null);
            }
        }

        foreach (var id in ids)
        {
            var history = store.Find(id)!.Snapshot().History;
            history.Should().HaveCount(3);
            history.Should().OnlyContain(call => call.ToolName == id, "no other session's calls");
        }

        store.Count.Should().Be(5);
    }

    [Fact]
    public void ASessionIdlePastTheTimeout_WhileAnotherHeldItsSlot_StartsAfresh()
    {
        // Found through the dictionary, not the slot: the idle check must apply there too.
        var time = new FakeTimeProvider();
        var store = new SessionStore(time);
        var limits = Limits(idle: TimeSpan.FromMinutes(5));
        var ids = IdsSharingASlot(2);
        var first = store.GetOrCreate(ids[0], limits);
        first.Record("read", ToolKind.Function, null, [], DecisionEffect.Allow, time.GetUtcNow(), null);
        time.Advance(TimeSpan.FromMinutes(6));
        store.GetOrCreate(ids[1], limits);

        var again = store.GetOrCreate(ids[0], limits);

        again.Should().NotBeSameAs(first, "idle past the timeout: a fresh session even before a sweep ran");
        again.HistoryCount.Should().Be(0);
    }

    [Fact]
    public void ASessionIdlePastTheTimeout_InItsOwnSlot_StartsAfresh()
    {
        var time = new FakeTimeProvider();
        var store = new SessionStore(time);
        var limits = Limits(idle: TimeSpan.FromMinutes(5));
        var first = store.GetOrCreate("alone", limits);
        first.Record("read", ToolKind.Function, null, [], DecisionEffect.Allow, time.GetUtcNow(), null);
        time.Advance(TimeSpan.FromMinutes(6));

        var again = store.GetOrCreate("alone", limits);

        again.Should().NotBeSameAs(first);
        again.HistoryCount.Should().Be(0);
        store.Count.Should().Be(1);
    }

    [Fact]
    public async Task ASessionEvictedAtTheLimit_WhileStillInItsSlot_OpensAsANewSession()
    {
        var time = new FakeTimeProvider();
        var store = new SessionStore(time);
        var limits = Limits(maxSessions: 4);
        var evicted = store.GetOrCreate("victim", limits);
        evicted.Record("read", ToolKind.Function, null, [], DecisionEffect.Allow, time.GetUtcNow(), null);
        for (var i = 0; i < 20; i++)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            store.GetOrCreate("other-" + i, limits);
        }

        await store.SweepsDone();
        evicted.IsEvicted.Should().BeTrue("the test needs the first session evicted");

        var again = store.GetOrCreate("victim", limits);

        again.Should().NotBeSameAs(evicted);
        again.HistoryCount.Should().Be(0, "the evicted session's history is gone");
        store.Count.Should().BeLessThanOrEqualTo(4);
        store.Count.Should().Be(store.EntryCount);
    }

    [Fact]
    public async Task ThreadsOpeningSessionsThatShareASlot_UnderEviction_NeverSeeAnotherSessionsCalls()
    {
        var store = new SessionStore(TimeProvider.System);
        var limits = Limits(maxSessions: 6);
        var ids = IdsSharingASlot(4);
        var failures = 0;
        using var stop = new CancellationTokenSource();

        // One thread churns new sessions so the shared ids are evicted and created again all the time.
        var churn = Task.Run(() =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                store.GetOrCreate("churn-" + i, limits);
            }
        });
        var workers = ids.Select(id => Task.Run(() =>
        {
            for (var i = 0; i < 20_000; i++)
            {
                var state = store.GetOrCreate(new string(id), limits);
                state.Record(id, ToolKind.Function, null, [], DecisionEffect.Allow, DateTimeOffset.UtcNow, null);
                if (state.Id != id || state.Snapshot().History.Any(call => call.ToolName != id))
                {
                    Interlocked.Increment(ref failures);
                }
            }
        })).ToArray();

        await Task.WhenAll(workers);
        await stop.CancelAsync();
        await churn;
        await store.SweepsDone();

        failures.Should().Be(0);
        store.Count.Should().Be(store.EntryCount);
    }
}
