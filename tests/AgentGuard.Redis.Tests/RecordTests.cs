using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace AgentGuard.Redis.Tests;

/// <summary>
/// How a decided call is written: appended, trimmed to the history length, the session's keys given the idle expiry —
/// and an append Redis refuses is counted and logged, not lost in silence (the record is sent without waiting).
/// </summary>
public sealed class RecordTests(RedisFixture redis) : IClassFixture<RedisFixture>
{
    private const string Rules = """
        "Sessions": { "MaxHistory": 5, "IdleTimeout": "00:10:00" },
        "Rules": [
          { "Id": "third-export", "Effect": "Deny", "Match": { "Tools": ["send"] }, "When": { "Sequence": { "Tools": ["export"], "AtLeast": 3 } } }
        ]
        """;

    [Fact]
    public async Task ManyCalls_HistoryKeepsTheNewestMaxHistory_AndEveryKeyExpires()
    {
        var prefix = RedisFixture.Prefix();
        await using var replica = await Replica.StartAsync(redis.Server, Rules, prefix: prefix);
        var session = new GuardContext { SessionId = "trimmed", Prompt = "pay the invoice of ACME" };
        for (var i = 0; i < 12; i++)
        {
            await replica.Engine.EvaluateAsync(Replica.Call(i % 2 == 0 ? "export" : "poll", callId: "call-" + i), session);
        }

        await replica.Engine.InspectResultAsync(Replica.Call("poll"), session, new ToolResult("the invoice number is 4711"));
        await replica.FlushAsync();

        var keys = replica.Services.GetRequiredService<RedisSessionStore>().Keys;
        var database = (await replica.MultiplexerAsync()).GetDatabase();
        var history = await database.ListRangeAsync(keys.History("trimmed"));
        history.Should().HaveCount(5, "the history is trimmed to MaxHistory");
        history.Select(e => (string)e!).Last().Should().Contain("call-11", "the newest call is kept");
        foreach (var key in new[] { keys.History("trimmed"), keys.Seen("trimmed") })
        {
            var ttl = await database.KeyTimeToLiveAsync(key);
            ttl.Should().NotBeNull($"{key} must expire with the session");

            // 1.5 × the idle timeout from the last refresh, so a record may skip refreshing for half an idle timeout.
            ttl!.Value.Should().BeGreaterThan(TimeSpan.FromMinutes(14)).And.BeLessThanOrEqualTo(TimeSpan.FromMinutes(15));
        }
    }

    [Fact]
    public async Task RecordsThatSkipTheRefresh_LeaveEveryKeyAtLeastTheIdleTimeoutPastTheLastCall()
    {
        var prefix = RedisFixture.Prefix();
        await using var replica = await Replica.StartAsync(redis.Server, Rules, prefix: prefix);
        var session = new GuardContext { SessionId = "skipping", Prompt = "pay the invoice of ACME" };
        await replica.Engine.EvaluateAsync(Replica.Call("export", callId: "c0"), session);
        await replica.Engine.InspectResultAsync(Replica.Call("export", callId: "c0"), session, new ToolResult("a page") { Labels = ["untrusted"] });
        var keys = replica.Services.GetRequiredService<RedisSessionStore>().Keys;
        var database = (await replica.MultiplexerAsync()).GetDatabase();

        for (var i = 1; i < 30; i++)
        {
            await replica.Engine.EvaluateAsync(Replica.Call("poll", callId: "c" + i), session);
            await replica.FlushAsync();
            foreach (var key in new[] { keys.History("skipping"), keys.Labels("skipping"), keys.Seen("skipping") })
            {
                var ttl = await database.KeyTimeToLiveAsync(key);
                ttl.Should().NotBeNull($"{key} must expire with the session");
                ttl!.Value.Should().BeGreaterThan(TimeSpan.FromMinutes(10) - TimeSpan.FromSeconds(30), $"{key} must outlive call {i} by the idle timeout");
            }
        }
    }

    [Fact]
    public async Task AnActiveSession_KeepsItsLabelPastTheIdleTimeout_ThoughMostRecordsSkipTheRefresh()
    {
        const string rules = """
            "Sessions": { "IdleTimeout": "00:00:04" },
            "Rules": [ { "Id": "no-post-when-untrusted", "Effect": "Deny", "Match": { "Tools": ["post"] }, "When": { "SessionLabels": ["untrusted"] } } ]
            """;
        var prefix = RedisFixture.Prefix();
        await using var a = await Replica.StartAsync(redis.Server, rules, prefix: prefix);
        await using var b = await Replica.StartAsync(redis.Server, rules, prefix: prefix);
        var session = new GuardContext { SessionId = "active" };
        await a.Engine.EvaluateAsync(Replica.Call("browse", callId: "c0"), session);
        await a.Engine.InspectResultAsync(Replica.Call("browse", callId: "c0"), session, new ToolResult("a page") { Labels = ["untrusted"] });
        await a.FlushAsync();

        // Calls every 250 ms, alternating replicas, for 9 s — past the 6 s expiry (1.5 × the idle timeout) the label was
        // given when it was set, so only the records' refreshes keep it: it must never lapse. The idle timeout leaves a
        // replica's refreshes (every 2 s or so) 3.5 s of slack for a loaded machine (CI runs test projects side by side).
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var previous = TimeSpan.Zero;
        for (var i = 1; watch.Elapsed < TimeSpan.FromSeconds(9); i++)
        {
            var replica = i % 2 == 0 ? a : b;
            var started = watch.Elapsed;
            (await replica.Engine.EvaluateAsync(Replica.Call("post", callId: "c" + i), session)).Effect.Should().Be(
                DecisionEffect.Deny, $"the session was active {started.TotalSeconds:F1} s in (previous call {(started - previous).TotalMilliseconds:F0} ms before)");
            previous = started;
            await Task.Delay(250);
        }
    }

    [Fact]
    public async Task CallsATrimMissed_AtTheHeadOfTheList_AreNeverCounted_ByTheRecordingReplicaOrAnother()
    {
        var prefix = RedisFixture.Prefix();
        await using var a = await Replica.StartAsync(redis.Server, Rules, prefix: prefix);
        await using var b = await Replica.StartAsync(redis.Server, Rules, prefix: prefix);
        var session = new GuardContext { SessionId = "untrimmed" };
        await a.Engine.EvaluateAsync(Replica.Call("export", callId: "c0"), session);
        for (var i = 1; i < 5; i++)
        {
            await a.Engine.EvaluateAsync(Replica.Call("poll", callId: "c" + i), session);
        }

        await a.FlushAsync();

        // The append and the trim are two commands: a trim that never ran leaves calls beyond the five kept at the head.
        var keys = a.Services.GetRequiredService<RedisSessionStore>().Keys;
        var database = (await a.MultiplexerAsync()).GetDatabase();
        var stale = HistoryEntry.Encode("export", ToolKind.Function, null, [], DecisionEffect.Allow, DateTimeOffset.UtcNow, "old", RedisSessionStore.NextEntryId(), 5);
        await database.ListLeftPushAsync(keys.History("untrimmed"), [stale, stale]);

        (await a.Engine.EvaluateAsync(Replica.Call("send", callId: "s1"), session)).Effect.Should().Be(DecisionEffect.Allow, "this replica's near-cache holds the five kept calls, one export");
        (await b.Engine.EvaluateAsync(Replica.Call("send", callId: "s2"), session)).Effect.Should().Be(DecisionEffect.Allow, "a full read takes the newest five calls, one export");

        // The control: three exports among the kept calls are counted, on the other replica too.
        for (var i = 0; i < 3; i++)
        {
            await a.Engine.EvaluateAsync(Replica.Call("export", callId: "e" + i), session);
        }

        await a.FlushAsync();
        (await b.Engine.EvaluateAsync(Replica.Call("send", callId: "s3"), session)).Effect.Should().Be(DecisionEffect.Deny);
        (await database.ListLengthAsync(keys.History("untrimmed"))).Should().Be(5, "the next trim removed what the missed one left");
    }

    [Fact]
    public async Task TheStoredEntry_IsTheCallAsDecided_ThoughItIsEncodedAfterTheDecisionReturns()
    {
        // The record's entry is encoded by the work item that sends it, after the decision has returned: what reaches
        // Redis must still be the call as decided — its name, tags, call id and the effect (a sequence rule that skips
        // denied calls reads it) — not a default or a later call's.
        var prefix = RedisFixture.Prefix();
        await using var replica = await Replica.StartAsync(redis.Server, Rules, prefix: prefix);
        var session = new GuardContext { SessionId = "as-decided" };
        for (var i = 0; i < 3; i++)
        {
            (await replica.Engine.EvaluateAsync(new ToolCallEvent("export") { CallId = "e" + i, Tags = ["pii"] }, session)).Effect.Should().Be(DecisionEffect.Allow);
        }

        (await replica.Engine.EvaluateAsync(Replica.Call("send", callId: "denied"), session)).Effect.Should().Be(DecisionEffect.Deny);
        await replica.FlushAsync();

        var keys = replica.Services.GetRequiredService<RedisSessionStore>().Keys;
        var stored = await (await replica.MultiplexerAsync()).GetDatabase().ListRangeAsync(keys.History("as-decided"));
        var entries = stored.Select(value => HistoryEntry.Decode(value)!.Value).ToList();
        entries.Select(e => (e.ToolName, e.CallId, e.Effect)).Should().Equal(
            ("export", "e0", DecisionEffect.Allow), ("export", "e1", DecisionEffect.Allow), ("export", "e2", DecisionEffect.Allow), ("send", "denied", DecisionEffect.Deny));
        entries.Take(3).Should().AllSatisfy(e => e.Tags.Should().Contain("pii"));
        entries[^1].Tags.Should().NotContain("pii");
    }

    [Fact]
    public async Task AHugeSessionId_IsNotWrittenIntoRedisKeys_YetNamesOneSessionOnEveryReplica()
    {
        var prefix = RedisFixture.Prefix();
        await using var a = await Replica.StartAsync(redis.Server, Rules, prefix: prefix);
        await using var b = await Replica.StartAsync(redis.Server, Rules, prefix: prefix);
        var id = new string('s', 100_000);
        for (var i = 0; i < 3; i++)
        {
            await (i % 2 == 0 ? a : b).Engine.EvaluateAsync(Replica.Call("export", callId: new string('c', 50_000) + i), new GuardContext { SessionId = id });
        }

        await a.FlushAsync();
        await b.FlushAsync();
        (await b.Engine.EvaluateAsync(Replica.Call("send"), new GuardContext { SessionId = new string('s', 100_000) })).Effect
            .Should().Be(DecisionEffect.Deny, "the three exports were made in one session, on two replicas");

        var multiplexer = await a.MultiplexerAsync();
        var server = multiplexer.GetServer(multiplexer.GetEndPoints()[0]);
        var keys = server.Keys(pattern: "*" + prefix + "*").Select(k => (string)k!).ToList();
        keys.Should().NotBeEmpty();
        keys.Max(k => k.Length).Should().BeLessThan(prefix.Length + 64, "a caller's huge id must not become a huge Redis key");
        var history = await multiplexer.GetDatabase().ListRangeAsync(keys.Single(k => k.Contains(":h:", StringComparison.Ordinal)));
        history.Max(entry => ((byte[])entry!).Length).Should().BeLessThan(1_000, "nor a huge history entry");
    }

    [Fact]
    public async Task AppendRefusedByRedis_IsCountedAsAWriteFailure_AndTheDecisionStands()
    {
        using var failures = new WriteFailures();
        await using var replica = await Replica.StartAsync(redis.Server, Rules, prefix: RedisFixture.Prefix(), configure: failures.Register);

        // Something else wrote a string where the history list belongs: Redis answers the append with WRONGTYPE.
        var keys = replica.Services.GetRequiredService<RedisSessionStore>().Keys;
        var database = (await replica.MultiplexerAsync()).GetDatabase();
        await database.StringSetAsync(keys.History("clobbered"), "not a list");

        var decision = await replica.Engine.EvaluateAsync(Replica.Call("poll"), new GuardContext { SessionId = "clobbered" });
        decision.Effect.Should().Be(DecisionEffect.Allow);
        await replica.FlushAsync();

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline && !failures.Operations.Contains("record"))
        {
            await Task.Delay(20);
        }

        failures.Operations.Should().Contain("record", "a refused append must be visible in the write-failure metric");
    }

    [Fact]
    public async Task AWriteRedisHoldsLongerThanTheReadBudget_IsNotDroppedAsTimedOut()
    {
        // Redis pauses writes for 2.5 s: a busy host or Redis can hold a write longer than a read may wait. The decision
        // did not wait for the write; dropping it at the read budget would lose the call from the shared history (and
        // raise a false alarm).
        using var failures = new WriteFailures();
        var (replica, keys, admin) = await StartWithWritesPausedAsync(failures, budget: "00:00:00.100", pauseMs: 2_500);
        await using var _ = replica;
        await using var __ = admin;

        var decision = await replica.Engine.EvaluateAsync(Replica.Call("poll"), new GuardContext { SessionId = "held" });
        decision.Effect.Should().Be(DecisionEffect.Allow);
        await replica.FlushAsync();
        await Task.Delay(3_500); // the pause, and a heartbeat of the client (it looks for timed-out commands once a second)

        failures.Operations.Should().BeEmpty("the write was answered within the write timeout");
        (await admin.GetDatabase().ListLengthAsync(keys.History("held"))).Should().Be(1);
    }

    [Fact]
    public async Task WritesPilingUpWhileRedisHoldsThem_MakeTheNextDecisionsWait_AndNoneIsLost()
    {
        // Redis holds every write for 3 s, and decisions that read nothing keep coming: without a bound they would pile
        // up writes in the client as fast as they are made. Past the bound, a decision waits (at most the budget) first.
        const int decisions = 2 * WritesInFlight.Stride * WritesInFlight.Checkpoints;
        using var failures = new WriteFailures();
        var (replica, keys, admin) = await StartWithWritesPausedAsync(failures, budget: "00:00:00.250", pauseMs: 3_000);
        await using var _ = replica;
        await using var __ = admin;
        var database = admin.GetDatabase();
        try
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            for (var i = 0; i < decisions; i++)
            {
                await replica.Engine.EvaluateAsync(Replica.Call("poll", callId: "c" + i), new GuardContext { SessionId = "held-" + (i % 10) });
                replica.Services.GetRequiredService<RedisSessionStore>().SendRecords();
            }

            clock.Elapsed.Should().BeGreaterThan(TimeSpan.FromMilliseconds(200), "past the bound a decision waits for Redis, up to the budget");
        }
        finally
        {
            await database.ExecuteAsync("CLIENT", "UNPAUSE");
        }

        await replica.FlushAsync();
        var lengths = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => database.ListLengthAsync(keys.History("held-" + i))));
        failures.Operations.Should().BeEmpty();
        lengths.Should().AllSatisfy(length => length.Should().Be(5), "every session got its calls, trimmed to the newest five");
    }

    /// <summary>A replica with its own write-failure meters and the given budget, and Redis pausing every client's writes.</summary>
    private async Task<(Replica Replica, RedisKeys Keys, ConnectionMultiplexer Admin)> StartWithWritesPausedAsync(WriteFailures failures, string budget, int pauseMs)
    {
        var replica = await Replica.StartAsync(
            redis.Server, Rules, redisJson: $$""", "OperationTimeout": "{{budget}}" """, prefix: RedisFixture.Prefix(), configure: failures.Register);
        var admin = await redis.Server.InspectAsync();
        (await admin.GetDatabase().ExecuteAsync("CLIENT", "PAUSE", pauseMs.ToString(System.Globalization.CultureInfo.InvariantCulture), "WRITE")).ToString().Should().Be("OK");
        return (replica, replica.Services.GetRequiredService<RedisSessionStore>().Keys, admin);
    }
}
