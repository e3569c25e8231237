using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace AgentGuard.Redis.Tests;

/// <summary>
/// A decision's read goes out at once, ahead of this replica's records still queued for Redis, and the decision counts
/// those records itself. How would that change a decision? A queued call missed, counted twice (its record reaching
/// Redis while the read is under way), counted in the wrong place or past the history limit, counted in another session,
/// a failed record counted as if stored, another replica's call hidden by this one's — each tried here on a real
/// redis-server, the records held in the queue (a scheduler that never runs them) unless the test sends them.
/// </summary>
public sealed class QueuedRecordsTests(RedisFixture redis) : IClassFixture<RedisFixture>
{
    private const string Rules = """
        "Sessions": { "MaxHistory": 4 },
        "Rules": [
          { "Id": "second-export", "Effect": "Deny", "Match": { "Tools": ["send"] }, "When": { "Sequence": { "Tools": ["export"], "AtLeast": 2 } } },
          { "Id": "any-export", "Effect": "Deny", "Match": { "Tools": ["archive"] }, "When": { "Sequence": { "Tools": ["export"], "AtLeast": 1 } } },
          { "Id": "right-after-export", "Effect": "Deny", "Match": { "Tools": ["upload"] }, "When": { "Sequence": { "Tools": ["export"], "AtLeast": 1, "WithinCalls": 1 } } }
        ]
        """;

    [Fact]
    public async Task CallsStillQueued_AreCountedByThisReplicasNextDecision_WhoseReadDoesNotSendThemFirst()
    {
        var held = new HeldWork();
        await using var a = await HeldReplicaAsync(held, RedisFixture.Prefix());
        var session = new GuardContext { SessionId = "queued" };

        await Decide(a, "export", session);
        await Decide(a, "export", session);
        Store(a).UnsentRecords.Should().Be(2, "the work item that would send them is held");

        (await Decide(a, "send", session)).Should().Be(DecisionEffect.Deny, "both exports were decided here before");
        Store(a).UnsentRecords.Should().Be(3, "the read went out at once: the two records still wait for their work item, and the send's own joined them");
        held.Items.Should().NotBeEmpty();
    }

    [Fact]
    public async Task QueuedCalls_FollowTheCallsInRedis_InTheOrderDecided()
    {
        var held = new HeldWork();
        var prefix = RedisFixture.Prefix();
        await using var a = await HeldReplicaAsync(held, prefix);
        var session = new GuardContext { SessionId = "ordered" };

        await Decide(a, "export", session);
        await a.FlushAsync();
        await Decide(a, "poll", session);
        (await Decide(a, "upload", session)).Should().Be(DecisionEffect.Allow, "the newest call is the queued poll, not the export in Redis before it");
        await Decide(a, "export", session);
        (await Decide(a, "upload", session)).Should().Be(DecisionEffect.Deny, "the newest call is the queued export");
        Store(a).UnsentRecords.Should().BeGreaterThan(0);
    }

    [Fact]
    public async Task QueuedCalls_AreTrimmedToTheHistoryLimit_WithTheCallsInRedis()
    {
        var held = new HeldWork();
        await using var a = await HeldReplicaAsync(held, RedisFixture.Prefix());
        var session = new GuardContext { SessionId = "trimmed" };

        // In Redis: the export; queued: two polls. The archive decision sees export, poll, poll (MaxHistory 4).
        await Decide(a, "export", session);
        await a.FlushAsync();
        await Decide(a, "poll", session);
        await Decide(a, "poll", session);
        (await Decide(a, "archive", session)).Should().Be(DecisionEffect.Deny, "the export is among the newest four calls");

        // Queued now: poll, poll, archive, and one more poll: the export is the fifth newest, past the limit.
        await Decide(a, "poll", session);
        (await Decide(a, "archive", session)).Should().Be(DecisionEffect.Allow, "five calls since the export would be kept only without the trim");
    }

    [Fact]
    public async Task MoreQueuedCallsThanTheHistoryLimit_OnlyTheNewestCount()
    {
        var held = new HeldWork();
        await using var a = await HeldReplicaAsync(held, RedisFixture.Prefix());
        var session = new GuardContext { SessionId = "all-queued" };
        (await Decide(a, "archive", session)).Should().Be(DecisionEffect.Allow, "a first read of the empty history");

        await Decide(a, "export", session);
        for (var i = 0; i < 4; i++)
        {
            await Decide(a, "poll", session);
        }

        (await Decide(a, "archive", session)).Should().Be(DecisionEffect.Allow, "the export is the fifth newest of the queued calls");
    }

    [Fact]
    public async Task AQueuedCall_AndTheOtherReplicasCall_AreBothCounted_TheOtherSeesTheQueuedOneOnceSent()
    {
        var held = new HeldWork();
        var prefix = RedisFixture.Prefix();
        await using var a = await HeldReplicaAsync(held, prefix);
        await using var b = await Replica.StartAsync(redis.Server, Rules, prefix: prefix);
        var session = new GuardContext { SessionId = "shared" };

        await Decide(a, "export", session);
        await Decide(b, "export", session);
        await b.FlushAsync();

        (await Decide(a, "send", session)).Should().Be(DecisionEffect.Deny, "the other replica's export from Redis, this one's from its queue");
        (await Decide(b, "send", session)).Should().Be(DecisionEffect.Allow, "another replica sees a call once its record is sent (multi-replica.md)");

        held.RunAll();
        await a.FlushAsync();
        (await Decide(a, "send", session)).Should().Be(DecisionEffect.Deny, "sent now, and still counted here");
        (await Decide(b, "send", session)).Should().Be(DecisionEffect.Deny, "sent now");
    }

    [Fact]
    public async Task AQueuedCall_ThatReachedRedisWhileTheReadWasUnderWay_IsCountedOnce()
    {
        var held = new HeldWork();
        var prefix = RedisFixture.Prefix();
        await using var a = await HeldReplicaAsync(held, prefix);
        var store = Store(a);
        var database = (await a.MultiplexerAsync()).GetDatabase();

        // Held in the near-cache (a tail read next), and not held (a whole read next).
        var cached = new GuardContext { SessionId = "raced-held" };
        await Decide(a, "poll", cached);
        await a.FlushAsync();
        (await Decide(a, "send", cached)).Should().Be(DecisionEffect.Allow);
        await a.FlushAsync();
        var fresh = new GuardContext { SessionId = "raced-fresh" };

        foreach (var session in new[] { cached, fresh })
        {
            await Decide(a, "export", session);

            // The work item hands the record over at the moment the next read goes out: Redis has it, and so does the queue.
            var queued = store.Queued(session.SessionId!);
            queued.Should().ContainSingle();
            await database.ListRightPushAsync(store.Keys.History(session.SessionId!), queued[0].Encode());

            (await Decide(a, "send", session)).Should().Be(DecisionEffect.Allow, $"one export in {session.SessionId}, in Redis and in the queue: counted once");
        }
    }

    [Fact]
    public async Task ARecordRedisRefuses_IsCountedAsAFailureOnce_NotCountedAfterward_AndTheDecisionsAreAudited()
    {
        using var failures = new WriteFailures();
        var held = new HeldWork();
        var prefix = RedisFixture.Prefix();
        await using var a = await HeldReplicaAsync(held, prefix, failures.Register);
        var session = new GuardContext { SessionId = "refused" };
        await using var admin = await redis.Server.InspectAsync();
        var server = admin.GetServer(admin.GetEndPoints()[0]);

        await Decide(a, "export", session);
        (await Decide(a, "send", session)).Should().Be(DecisionEffect.Allow, "one export, queued: counted once");

        // Redis out of memory: it refuses the append (reads still work).
        await server.ExecuteAsync("CONFIG", "SET", "maxmemory", "1");
        try
        {
            held.RunAll();

            // Both records are sent and refused one after the other: wait for the second refusal and for nothing to be left
            // unsent (a refusal counted twice would still show: nothing more can be counted once no record is unsent).
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (DateTime.UtcNow < deadline && (failures.Operations.Count(o => o == "record") < 2 || Store(a).UnsentRecords > 0))
            {
                await Task.Delay(20);
            }
        }
        finally
        {
            await server.ExecuteAsync("CONFIG", "SET", "maxmemory", "0");
        }

        failures.Operations.Count(o => o == "record").Should().Be(2, "two queued records (the export's and the send's), each refused once and counted once");
        Store(a).UnsentRecords.Should().Be(0);
        await Decide(a, "export", session);
        (await Decide(a, "send", session)).Should().Be(DecisionEffect.Allow, "the refused export is in no history: one export counts");
        a.Audit.Should().HaveCount(4, "every decision is audited where it was made, stored in Redis or not");
    }

    [Theory]
    [InlineData("x\u001ey", "x?y")]
    [InlineData("x\u001fy", "x?y")]
    public async Task AQueuedCall_IsCountedAsItsEntryInRedisWillRead_WhenStoringChangesItsTags(string tag, string stored)
    {
        // The read counts a queued call from its fields rather than its encoding. Storing a call replaces the separators
        // in its names and tags with '?', so a pattern written for the stored tag must count the call the same way
        // whether its record is still queued or already in Redis.
        var rules = $$"""
            "Rules": [
              { "Id": "after-tagged", "Effect": "Deny", "Match": { "Tools": ["send"] }, "When": { "Sequence": { "Tags": ["{{stored}}"], "AtLeast": 1 } } }
            ]
            """;
        var held = new HeldWork();
        await using var a = await Replica.StartHeldAsync(redis.Server, rules, held, RedisFixture.Prefix());
        var tagged = new ToolCallEvent("tagged", ToolKind.Function) { Tags = [tag] };

        var sent = new GuardContext { SessionId = "tag-sent" };
        await a.Engine.EvaluateAsync(tagged, sent);
        await a.FlushAsync();
        (await Decide(a, "send", sent)).Should().Be(DecisionEffect.Deny, "the stored entry's tag reads as the pattern's");

        var queued = new GuardContext { SessionId = "tag-queued" };
        await a.Engine.EvaluateAsync(tagged, queued);
        Store(a).UnsentRecords.Should().BeGreaterThan(0, "the record is held in the queue");
        (await Decide(a, "send", queued)).Should().Be(DecisionEffect.Deny, "a queued call counts as its entry will read once stored");
    }

    [Fact]
    public async Task QueuedCallsOfOneSession_AreNotCountedInAnother()
    {
        var held = new HeldWork();
        await using var a = await HeldReplicaAsync(held, RedisFixture.Prefix());

        await Decide(a, "export", new GuardContext { SessionId = "one" });
        await Decide(a, "export", new GuardContext { SessionId = "one" });
        (await Decide(a, "send", new GuardContext { SessionId = "other" })).Should().Be(DecisionEffect.Allow);
        (await Decide(a, "send", new GuardContext { SessionId = "one" })).Should().Be(DecisionEffect.Deny);
    }

    [Fact]
    public async Task ManySessionsBackToBack_OnTheThreadPool_EachCountsItsOwnCallsExactly()
    {
        // The records are sent by the real work item, racing the next reads: each read may go out before, while or after
        // its session's previous record is handed over.
        var prefix = RedisFixture.Prefix();
        await using var a = await Replica.StartAsync(redis.Server, Rules, prefix: prefix);
        var wrong = new System.Collections.Concurrent.ConcurrentBag<string>();

        await Parallel.ForEachAsync(Enumerable.Range(0, 200), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (s, _) =>
        {
            var session = new GuardContext { SessionId = "s" + s.ToString(CultureInfo.InvariantCulture) };
            var exports = s % 3;
            var history = new List<string>();
            for (var round = 0; round < 3; round++)
            {
                for (var e = 0; e < exports; e++)
                {
                    await a.Engine.EvaluateAsync(Replica.Call("export"), session);
                    history.Add("export");
                }

                // The history keeps the newest 4 calls (sends included).
                var expected = history.TakeLast(4).Count(call => call == "export") >= 2 ? DecisionEffect.Deny : DecisionEffect.Allow;
                var decided = (await a.Engine.EvaluateAsync(Replica.Call("send"), session)).Effect;
                history.Add("send");
                if (decided != expected)
                {
                    wrong.Add($"{session.SessionId} round {round}: {decided}, expected {expected}");
                }
            }
        });

        wrong.Should().BeEmpty();
    }

    [Fact]
    public async Task ACodePolicy_SeesTheCallsInRedis_ThenTheQueuedOnes_InOrder()
    {
        var held = new HeldWork();
        var policy = new LastSessionPolicy();
        const string rules = """
            "EvaluationTimeout": "00:00:05",
            "Rules": []
            """;
        await using var a = await Replica.StartHeldAsync(redis.Server, rules, held, RedisFixture.Prefix(), b => b.AddPolicy(policy));
        var session = new GuardContext { SessionId = "snapshot" };

        await a.Engine.EvaluateAsync(Replica.Call("first", callId: "c1"), session);
        await a.FlushAsync();
        await a.Engine.EvaluateAsync(Replica.Call("second", callId: "c2"), session);
        await a.Engine.EvaluateAsync(Replica.Call("third", callId: "c3"), session);
        await a.Engine.EvaluateAsync(Replica.Call("fourth", callId: "c4"), session);

        policy.Last!.History.Select(h => h.CallId).Should().Equal("c1", "c2", "c3");
        policy.Last.History.Select(h => h.ToolName).Should().Equal("first", "second", "third");
    }

    private static RedisSessionStore Store(Replica replica) => replica.Services.GetRequiredService<RedisSessionStore>();

    private static async Task<DecisionEffect> Decide(Replica replica, string tool, GuardContext session)
        => (await replica.Engine.EvaluateAsync(Replica.Call(tool), session)).Effect;

    private Task<Replica> HeldReplicaAsync(HeldWork held, string prefix, Action<AgentGuardBuilder>? configure = null)
        => Replica.StartHeldAsync(redis.Server, Rules, held, prefix, configure);
}
