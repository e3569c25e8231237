using AgentGuard.Policies;
using Microsoft.Extensions.Time.Testing;

namespace AgentGuard.Tests.Sessions;

/// <summary>
/// The session store's table of live sessions: a lookup answers the session with that id or nothing — never another
/// session, also while slots are freed and taken by other sessions and the table grows under it — and slots freed by
/// removals are taken again, so churn does not grow the table.
/// </summary>
public sealed class SessionTableTests
{
    [Fact]
    public void Find_ManyIdsSharingBuckets_EachAnswersItsOwnSession_RemovedOnesAnswerNothing()
    {
        var table = new SessionTable();
        var states = Enumerable.Range(0, 5_000).Select(i => new SessionState("s" + i, maxHistory: 1, now: 0)).ToArray();
        foreach (var state in states)
        {
            table.GetOrAdd(state).Should().BeSameAs(state);
        }

        for (var i = 0; i < states.Length; i += 2)
        {
            table.TryRemove(states[i]).Should().BeTrue();
            table.TryRemove(states[i]).Should().BeFalse("removed already");
        }

        for (var i = 0; i < states.Length; i++)
        {
            var id = new string("s" + i);
            var hash = id.GetHashCode(StringComparison.Ordinal);
            var expected = i % 2 == 0 ? null : states[i];
            table.Find(id, hash).Should().BeSameAs(expected, id);
            table.FindLocked(id, hash).Should().BeSameAs(expected, id);
        }

        table.Count.Should().Be(2_500);
        table.Snapshot().Should().BeEquivalentTo(states.Where((_, i) => i % 2 == 1));
    }

    [Fact]
    public void GetOrAdd_ASecondSessionWithAHeldId_GetsTheHeldOne()
    {
        var table = new SessionTable();
        var first = new SessionState("same", maxHistory: 1, now: 0);
        table.GetOrAdd(first);

        table.GetOrAdd(new SessionState(new string("same"), maxHistory: 1, now: 0)).Should().BeSameAs(first);
        table.Count.Should().Be(1);
    }

    [Fact]
    public async Task LookupsWithoutTheLock_WhileSlotsAreFreedAndTakenAndTheTableGrows_NeverAnswerAnotherSession()
    {
        var table = new SessionTable();
        var held = Enumerable.Range(0, 64).Select(i => new SessionState("held-" + i, maxHistory: 1, now: 0)).ToArray();
        foreach (var state in held)
        {
            table.GetOrAdd(state);
        }

        var wrong = 0;
        var lockedMisses = 0;
        using var stop = new CancellationTokenSource();

        // Two threads add and remove other sessions all the time: slots are freed and taken again, chains change, and
        // the table grows now and then (each keeps up to 3,000 of its own live).
        var churners = Enumerable.Range(0, 2).Select(t => Task.Run(() =>
        {
            var live = new Queue<SessionState>();
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var state = new SessionState($"churn-{t}-{i}", maxHistory: 1, now: 0);
                table.GetOrAdd(state);
                live.Enqueue(state);
                if (live.Count > (i / 10_000 % 2 == 0 ? 300 : 3_000))
                {
                    table.TryRemove(live.Dequeue());
                }
            }
        })).ToArray();
        var readers = Enumerable.Range(0, 2).Select(t => Task.Run(() =>
        {
            for (var i = 0; i < 200_000; i++)
            {
                var expected = held[(i * 7 + t) % held.Length];
                var id = expected.Id;
                var hash = id.GetHashCode(StringComparison.Ordinal);
                if (table.Find(id, hash) is { } found && !ReferenceEquals(found, expected))
                {
                    Interlocked.Increment(ref wrong);
                }

                if (i % 64 == 0 && !ReferenceEquals(table.FindLocked(id, hash), expected))
                {
                    Interlocked.Increment(ref lockedMisses);
                }
            }
        })).ToArray();

        await Task.WhenAll(readers);
        await stop.CancelAsync();
        await Task.WhenAll(churners);

        wrong.Should().Be(0, "a lookup without the lock may miss, never answer another session");
        lockedMisses.Should().Be(0, "under the lock a held session is always found");
    }

    [Fact]
    public void Churn_SlotsFreedByRemovals_AreTakenAgain_TheTableDoesNotGrow()
    {
        var table = new SessionTable();
        var live = new Queue<SessionState>();
        for (var i = 0; i < 100_000; i++)
        {
            var state = new SessionState("s" + i, maxHistory: 1, now: 0);
            table.GetOrAdd(state);
            live.Enqueue(state);
            if (live.Count > 100)
            {
                table.TryRemove(live.Dequeue());
            }
        }

        table.Count.Should().Be(100);
        table.SlotCapacity.Should().BeLessThanOrEqualTo(128, "at most 101 sessions were held at once");
    }

    [Fact]
    public async Task Store_ChurnAtTheLimit_TableStaysWithinTheLimitRoundedUp()
    {
        var time = new FakeTimeProvider();
        var store = new SessionStore(time);
        var limits = new SessionLimits(10, TimeSpan.FromHours(1), 200);
        for (var i = 0; i < 20_000; i++)
        {
            time.Advance(TimeSpan.FromMilliseconds(1));
            store.GetOrCreate("s" + i, limits);
        }

        await store.SweepsDone();
        store.Count.Should().Be(200);
        store.EntryCount.Should().Be(200);
        store.TableSlots.Should().BeLessThanOrEqualTo(256, "one slot per session held at once (201 at most), doubled from 64");
    }
}
