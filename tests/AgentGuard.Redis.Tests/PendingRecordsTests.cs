using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace AgentGuard.Redis.Tests;

/// <summary>
/// A decided call is recorded by a thread-pool work item, after the decision has returned. How would that lose a call?
/// A read of this replica not counting a record it overtook, a result label overtaking the record, a record the work item holds while a read goes out,
/// a work item that never runs, a host that stops first — each tried here, on the queue alone and on a real redis-server.
/// </summary>
public sealed class PendingRecordsTests(RedisFixture redis) : IClassFixture<RedisFixture>
{
    private const string Rules = """
        "Rules": [ { "Id": "read-then-send", "Effect": "Deny", "Match": { "Tools": ["send_email"] }, "When": { "Sequence": { "Tools": ["read_secrets"], "AtLeast": 1 } } } ]
        """;

    private static readonly SessionLimits Limits = new(100, TimeSpan.FromMinutes(30), 1_000);

    [Fact]
    public void Add_SendsNothingItself_OneWorkItemSendsEverythingInOrder()
    {
        var (held, sent, records) = Queue();

        records.Add(Record("a"));
        records.Add(Record("b"));

        sent.Should().BeEmpty("the deciding thread only queues");
        held.Items.Should().ContainSingle("one work item is enough for records added before it runs");
        records.Unsent.Should().Be(2);
        held.RunAll();
        sent.Should().Equal("a", "b");
        records.Unsent.Should().Be(0);

        records.Add(Record("c"));
        held.Items.Should().ContainSingle("a record added after the work item ran schedules another");
        held.RunAll();
        sent.Should().Equal("a", "b", "c");
    }

    [Fact]
    public void SendAll_SendsWhatIsQueued_AndTheWorkItemThenFindsNothing()
    {
        var (held, sent, records) = Queue();
        records.Add(Record("a"));
        records.Add(Record("b"));

        records.SendAll();

        sent.Should().Equal("a", "b");
        held.RunAll();
        sent.Should().Equal(["a", "b"], "each record is sent once");
    }

    [Fact]
    public async Task SendAll_WaitsForARecordTheWorkItemHasTakenButNotHandedOver()
    {
        // The work item has dequeued the record and is inside the send: the queue is empty, but the record is not on the
        // connection yet. A read that went out now would overtake it.
        var held = new HeldWork();
        using var send = new HeldSend("a");
        var records = new PendingRecords(send.Send, new RecordScheduler(held.Add));
        records.Add(Record("a"));
        var workItem = Task.Run(held.RunAll);
        send.Inside.Wait(TimeSpan.FromSeconds(30)).Should().BeTrue();

        // A thread of its own, so that a busy thread pool cannot delay the read past the check.
        using var returned = new ManualResetEventSlim();
        var read = new Thread(() =>
        {
            records.SendAll();
            returned.Set();
        });
        read.Start();

        returned.Wait(TimeSpan.FromMilliseconds(300)).Should().BeFalse("the record being sent is not on the connection yet");
        send.Release.Set();
        returned.Wait(TimeSpan.FromSeconds(30)).Should().BeTrue();
        send.Sent.Should().Equal("a");
        await workItem.WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task Queued_NamesTheSessionsRecordsInOrder_TheOneBeingHandedOverIncluded_UntilItIsOnTheConnection()
    {
        // The work item is inside the send of the first record: a read going out now may or may not find it in Redis, so
        // it must still be named (the reader tells by its id); once handed over, it is not.
        var held = new HeldWork();
        using var send = new HeldSend("a");
        var records = new PendingRecords(send.Send, new RecordScheduler(held.Add));
        records.Add(new PendingRecord("a", Limits, Call(1)));
        records.Add(new PendingRecord("b", Limits, Call(2)));
        records.Add(new PendingRecord("a", Limits, Call(3)));
        records.Queued("a").Select(Id).Should().Equal(1UL, 3UL);
        records.Queued("c").Should().BeEmpty();

        var workItem = Task.Run(held.RunAll);
        send.Inside.Wait(TimeSpan.FromSeconds(30)).Should().BeTrue();
        records.Queued("a").Select(Id).Should().Equal([1UL, 3UL], "the first is being handed over, not yet on the connection");

        send.Release.Set();
        await workItem.WaitAsync(TimeSpan.FromSeconds(30));
        records.Queued("a").Should().BeEmpty("all are on the connection");
        records.Queued("b").Should().BeEmpty();
    }

    [Fact]
    public void Queued_KeepsTheOrder_WhenTheQueueGrowsAroundItsEnd()
    {
        var (held, sent, records) = Queue();
        for (var i = 0; i < 10; i++)
        {
            records.Add(new PendingRecord("x", Limits, Call((ulong)i)));
        }

        held.RunAll();
        for (var i = 10; i < 60; i++)
        {
            records.Add(new PendingRecord(i % 2 == 0 ? "x" : "y", Limits, Call((ulong)i)));
        }

        records.Queued("x").Select(e => (int)Id(e)).Should().Equal(Enumerable.Range(10, 50).Where(i => i % 2 == 0));
        held.RunAll();
        sent.Should().HaveCount(60);
    }

    [Fact]
    public void AFlood_NeverLeavesMoreThanTheBoundWaiting_TheDecidingThreadSendsTheRest()
    {
        // The work item never runs here: decisions made faster than records are sent must not pile up without end.
        var held = new HeldWork();
        var sent = new List<int>();
        var records = new PendingRecords(record => sent.Add((int)record.Call.Id), new RecordScheduler(held.Add));

        for (var i = 0; i < PendingRecords.MaxQueued * 4; i++)
        {
            records.Add(new PendingRecord("flood", new SessionLimits(100, TimeSpan.FromMinutes(30), 1_000), Call((ulong)i)));
            records.Unsent.Should().BeLessThanOrEqualTo(PendingRecords.MaxQueued);
        }

        sent.Should().HaveCountGreaterThanOrEqualTo(PendingRecords.MaxQueued * 3).And.BeInAscendingOrder("in the order added");
        held.Items.Should().ContainSingle("one work item at a time");
        held.RunAll();
        sent.Should().Equal(Enumerable.Range(0, PendingRecords.MaxQueued * 4));
    }

    [Fact]
    public void AWorkItemSendsOneTurn_ThenMakesWayForOtherWork_AndAFreshOneSendsTheRest()
    {
        // A work item that drains a flood in one turn holds a pool thread the client's own socket work waits for.
        var (held, sent, records) = Queue();
        var count = PendingRecords.MaxPerTurn + 10;
        for (var i = 0; i < count; i++)
        {
            records.Add(Record("r" + i));
        }

        held.RunOne();

        sent.Should().HaveCount(PendingRecords.MaxPerTurn, "one turn sends at most MaxPerTurn records");
        held.Items.Should().ContainSingle("it queued a fresh work item for the rest, behind the pool's other work");
        held.RunAll();
        sent.Should().Equal(Enumerable.Range(0, count).Select(i => "r" + i));
        records.Unsent.Should().Be(0);
        held.Items.Should().BeEmpty();
    }

    [Fact]
    public void WhileTheWorkItemSends_NewRecordsScheduleNoSecondOne_AndItSendsThemToo()
    {
        var held = new HeldWork();
        using var send = new HeldSend("a");
        var records = new PendingRecords(send.Send, new RecordScheduler(held.Add));
        records.Add(Record("a"));
        held.Items.Should().ContainSingle();
        var running = new Thread(held.RunAll);
        running.Start();
        send.Inside.Wait(TimeSpan.FromSeconds(30)).Should().BeTrue();

        records.Add(Record("b"));
        records.Add(Record("c"));

        held.Items.Should().BeEmpty("the running work item is still the one");
        send.Release.Set();
        running.Join(TimeSpan.FromSeconds(30)).Should().BeTrue();
        send.Sent.Should().Equal("a", "b", "c");
        records.Unsent.Should().Be(0);
    }

    [Fact]
    public async Task AFloodOfDecisions_LosesNoRecord()
    {
        // Decisions whose rules read nothing do not wait for Redis at all: 20,000 of them, as fast as one thread makes
        // them, each with a prompt (a second write), and a short budget. Without a bound on the writes in flight the
        // client queues tens of thousands of commands, the oldest outlive the budget and are dropped as timed out.
        // Every call must reach its session's history, and no write may fail.
        const string rules = """
            "Sessions": { "MaxHistory": 5 },
            "Rules": [ { "Id": "never", "Effect": "Deny", "Match": { "Tools": ["never_called"] } } ]
            """;
        const int sessions = 4_000;
        const int calls = 5;
        using var failures = new WriteFailures();
        await using var replica = await Replica.StartAsync(
            redis.Server,
            rules,
            redisJson: """, "OperationTimeout": "00:00:00.100" """,
            prefix: RedisFixture.Prefix(),
            configure: failures.Register);

        for (var i = 0; i < sessions; i++)
        {
            var session = new GuardContext { SessionId = "flood-" + i, Prompt = "prompt " + i };
            for (var c = 0; c < calls; c++)
            {
                await replica.Engine.EvaluateAsync(Replica.Call("search", callId: $"c{c}"), session);
            }
        }

        await replica.FlushAsync();
        var keys = replica.Services.GetRequiredService<RedisSessionStore>().Keys;
        var database = (await replica.MultiplexerAsync()).GetDatabase();
        var lengths = await Task.WhenAll(Enumerable.Range(0, sessions).Select(i => database.ListLengthAsync(keys.History("flood-" + i))));
        failures.Operations.Should().BeEmpty("no write may fail");
        lengths.Should().AllSatisfy(length => length.Should().Be(calls), "every call reached its session's history");
    }

    [Fact]
    public async Task ManyThreadsAdding_OnTheThreadPool_EveryRecordSentOnce_EachThreadsInItsOrder()
    {
        const int threads = 4;
        const int each = 5_000;
        var sent = new ConcurrentQueue<string>();
        var records = new PendingRecords(record => sent.Enqueue(record.SessionId), RecordScheduler.ThreadPool);
        using var stop = new CancellationTokenSource();
        var reader = Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                records.SendAll();
            }
        });

        await Task.WhenAll(Enumerable.Range(0, threads).Select(t => Task.Run(() =>
        {
            for (var i = 0; i < each; i++)
            {
                records.Add(Record($"{t}:{i}"));
            }
        })));
        records.SendAll();
        await stop.CancelAsync();
        await reader;

        records.Unsent.Should().Be(0);
        var all = sent.ToArray();
        all.Should().HaveCount(threads * each).And.OnlyHaveUniqueItems();
        for (var t = 0; t < threads; t++)
        {
            var prefix = $"{t}:";
            all.Where(s => s.StartsWith(prefix, StringComparison.Ordinal)).Select(s => int.Parse(s[prefix.Length..], System.Globalization.CultureInfo.InvariantCulture))
                .Should().BeInAscendingOrder($"thread {t}'s records keep their order");
        }
    }

    [Fact]
    public async Task ARecordStillQueued_IsCountedByThisReplicasNextRead()
    {
        var held = new HeldWork();
        await using var replica = await Replica.StartHeldAsync(redis.Server, Rules, held, RedisFixture.Prefix());
        var session = new GuardContext { SessionId = "queued" };

        (await replica.Engine.EvaluateAsync(Replica.Call("read_secrets"), session)).Effect.Should().Be(DecisionEffect.Allow);
        replica.Services.GetRequiredService<RedisSessionStore>().UnsentRecords.Should().Be(1, "the work item that would send it is held");
        var decision = await replica.Engine.EvaluateAsync(Replica.Call("send_email"), session);

        decision.Effect.Should().Be(DecisionEffect.Deny, "the read adds the queued call to what Redis sent");
        held.Items.Should().NotBeEmpty("nothing here ran the work item");
    }

    [Fact]
    public async Task AResultLabel_AttachesToACallWhoseRecordIsStillQueued()
    {
        var held = new HeldWork();
        var policy = new LastSessionPolicy();
        // No rule reads the session when the result is inspected, so the label write is the first command after the record.
        const string rules = """
            "EvaluationTimeout": "00:00:05",
            "Tools": { "browse": { "Untrusted": true } },
            "Rules": []
            """;
        await using var replica = await Replica.StartHeldAsync(redis.Server, rules, held, RedisFixture.Prefix(), b => b.AddPolicy(policy));
        var session = new GuardContext { SessionId = "labelled" };

        await replica.Engine.EvaluateAsync(Replica.Call("browse", callId: "c1"), session);
        await replica.Engine.InspectResultAsync(Replica.Call("browse", callId: "c1"), session, new ToolResult("a page"));
        await replica.Engine.EvaluateAsync(Replica.Call("noop", callId: "c2"), session);

        var history = policy.Last!.History;
        history.Select(h => h.CallId).Should().Equal("c1");
        history[0].ResultLabels.Should().Contain(SessionLabels.Untrusted, "the label write sent the queued record ahead of itself, so it found its call");
    }

    [Fact]
    public async Task WithNoLaterCall_TheWorkItemAloneBringsTheCallToTheOtherReplica()
    {
        var prefix = RedisFixture.Prefix();
        await using var a = await Replica.StartAsync(redis.Server, Rules, prefix: prefix);
        await using var b = await Replica.StartAsync(redis.Server, Rules, prefix: prefix);
        var session = new GuardContext { SessionId = "alone" };

        await a.Engine.EvaluateAsync(Replica.Call("read_secrets"), session);

        // Nothing else happens on replica a: only its work item can send the record.
        var keys = a.Services.GetRequiredService<RedisSessionStore>().Keys;
        var database = (await b.MultiplexerAsync()).GetDatabase();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (await database.ListLengthAsync(keys.History("alone")) == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }

        (await b.Engine.EvaluateAsync(Replica.Call("send_email"), session)).Effect.Should().Be(DecisionEffect.Deny);
    }

    [Fact]
    public async Task APoolThreadThatDecides_ThenBlocks_DoesNotHoldItsRecordBack()
    {
        // This pool thread decides (synchronously: the call reads nothing) and then does not return to the pool until the
        // record is in Redis: a work item queued where only this thread would run it (its own queue, with no other thread
        // taking it, or after its next decision) would never send it.
        var prefix = RedisFixture.Prefix();
        await using var a = await Replica.StartAsync(redis.Server, Rules, prefix: prefix);
        await using var b = await Replica.StartAsync(redis.Server, Rules, prefix: prefix);
        var session = new GuardContext { SessionId = "blocking" };
        var key = a.Services.GetRequiredService<RedisSessionStore>().Keys.History("blocking");
        var database = (await b.MultiplexerAsync()).GetDatabase();
        using var arrived = new ManualResetEventSlim();
        var decided = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        ThreadPool.UnsafeQueueUserWorkItem(
            _ =>
            {
                var effect = a.Engine.EvaluateAsync(Replica.Call("read_secrets"), session).AsTask().GetAwaiter().GetResult().Effect;
                decided.SetResult(effect == DecisionEffect.Allow);
                arrived.Wait(TimeSpan.FromSeconds(30));
            },
            null);

        (await decided.Task.WaitAsync(TimeSpan.FromSeconds(30))).Should().BeTrue();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (await database.ListLengthAsync(key) == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }

        var length = await database.ListLengthAsync(key);
        arrived.Set();
        length.Should().Be(1, "another thread of the pool sent the record while the deciding thread was blocked");
        (await b.Engine.EvaluateAsync(Replica.Call("send_email"), session)).Effect.Should().Be(DecisionEffect.Deny);
    }

    [Fact]
    public async Task AHostThatStops_SendsTheRecordsStillQueued()
    {
        var held = new HeldWork();
        var prefix = RedisFixture.Prefix();
        var replica = await Replica.StartHeldAsync(redis.Server, Rules, held, prefix);
        var keys = replica.Services.GetRequiredService<RedisSessionStore>().Keys;
        await replica.Engine.EvaluateAsync(Replica.Call("read_secrets", callId: "last"), new GuardContext { SessionId = "stopping" });

        await replica.DisposeAsync();

        await using var observer = await ConnectionMultiplexer.ConnectAsync(redis.Server.Configuration);
        var history = await observer.GetDatabase().ListRangeAsync(keys.History("stopping"));
        history.Should().ContainSingle().Which.ToString().Should().Contain("last");
    }

    /// <summary>A queue whose work items wait for the test, and the session ids it has sent, in order.</summary>
    private static (HeldWork Held, List<string> Sent, PendingRecords Records) Queue()
    {
        var held = new HeldWork();
        var sent = new List<string>();
        return (held, sent, new PendingRecords(record => sent.Add(record.SessionId), new RecordScheduler(held.Add)));
    }

    private static ulong Id(RecordedCall call)
    {
        HistoryEntry.TryStamp(call.Encode(), out var id, out _).Should().BeTrue();
        return id;
    }

    private static PendingRecord Record(string sessionId) => new(sessionId, Limits, Call(0));

    private static RecordedCall Call(ulong id) => new("t", ToolKind.Function, null, [], DecisionEffect.Allow, DateTimeOffset.UnixEpoch, null, id, 100);

    /// <summary>A send that holds the record of one session inside it (as a slow hand-over would) until released.</summary>
    private sealed class HeldSend(string heldSessionId) : IDisposable
    {
        public ManualResetEventSlim Inside { get; } = new();

        public ManualResetEventSlim Release { get; } = new();

        public ConcurrentQueue<string> Sent { get; } = new();

        public void Send(PendingRecord record)
        {
            if (record.SessionId == heldSessionId)
            {
                Inside.Set();
                Release.Wait(TimeSpan.FromSeconds(30));
            }

            Sent.Enqueue(record.SessionId);
        }

        public void Dispose()
        {
            Inside.Dispose();
            Release.Dispose();
        }
    }
}
