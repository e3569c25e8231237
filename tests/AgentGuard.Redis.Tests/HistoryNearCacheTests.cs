using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace AgentGuard.Redis.Tests;

/// <summary>
/// A replica that read a session's history before asks Redis only for the calls recorded since. Each test tries to make
/// that held copy disagree with Redis; the decision must always be the one Redis's list dictates.
/// </summary>
public sealed class HistoryNearCacheTests(RedisFixture redis) : IClassFixture<RedisFixture>
{
    private const string Rules = """
        "Rules": [
          { "Id": "third-export", "Effect": "Deny", "Match": { "Tools": ["send"] }, "When": { "Sequence": { "Tools": ["export"], "AtLeast": 3 } } }
        ]
        """;

    private readonly GuardContext _session = new() { SessionId = "s1" };

    [Fact]
    public async Task CallsRecordedOnTheOtherReplica_AfterThisOneHeldTheHistory_AreCounted()
    {
        var prefix = RedisFixture.Prefix();
        await using var a = await Replica.StartAsync(redis.Server, Rules, prefix: prefix);
        await using var b = await Replica.StartAsync(redis.Server, Rules, prefix: prefix);
        await Decide(a, "export");
        (await Decide(a, "send")).Should().Be(DecisionEffect.Allow, "one export so far");
        await Decide(b, "export");
        (await Decide(a, "send")).Should().Be(DecisionEffect.Allow, "two exports so far");
        await Decide(b, "export");

        (await Decide(a, "send")).Should().Be(DecisionEffect.Deny, "the third export was recorded by the other replica");
        (await Decide(b, "send")).Should().Be(DecisionEffect.Deny);
    }

    [Fact]
    public async Task MoreCallsOnTheOtherReplicaThanTheTailRead_AllCounted()
    {
        var prefix = RedisFixture.Prefix();
        await using var a = await Replica.StartAsync(redis.Server, Rules, prefix: prefix);
        await using var b = await Replica.StartAsync(redis.Server, Rules, prefix: prefix);
        await Decide(a, "export");
        (await Decide(a, "send")).Should().Be(DecisionEffect.Allow);
        await Decide(b, "export");
        for (var i = 0; i < HistoryCache.TailRead + 2; i++)
        {
            await Decide(b, "poll");
        }

        (await Decide(a, "send")).Should().Be(DecisionEffect.Allow, "two exports, one of them older than the tail A fetches");
        await Decide(b, "export");
        (await Decide(a, "send")).Should().Be(DecisionEffect.Deny, "three exports");
    }

    [Fact]
    public async Task HistoryLostInRedis_SameSessionIdStartsAgain_HeldCallsNotCounted()
    {
        var prefix = RedisFixture.Prefix();
        await using var a = await Replica.StartAsync(redis.Server, Rules, prefix: prefix);
        await using var b = await Replica.StartAsync(redis.Server, Rules, prefix: prefix);
        await Decide(a, "export");
        await Decide(a, "export");
        (await Decide(a, "send")).Should().Be(DecisionEffect.Allow, "two exports, and replica A now holds them");

        // Redis restarted without persistence (or the keys were evicted): the session starts again under the same id.
        var keys = a.Services.GetRequiredService<RedisSessionStore>().Keys;
        var database = (await a.MultiplexerAsync()).GetDatabase();
        await database.KeyDeleteAsync([keys.History("s1"), keys.Labels("s1"), keys.Seen("s1")]);
        await Decide(b, "export");
        await Decide(b, "export");

        (await Decide(a, "send")).Should().Be(DecisionEffect.Allow, "Redis holds two exports; the two A held are gone");
        await Decide(b, "export");
        (await Decide(a, "send")).Should().Be(DecisionEffect.Deny, "now Redis holds three");
    }

    [Fact]
    public async Task OtherReplicaKeepsShorterHistory_TrimmedCallsNotCounted()
    {
        var prefix = RedisFixture.Prefix();
        await using var a = await Replica.StartAsync(redis.Server, Rules, prefix: prefix);
        await using var b = await Replica.StartAsync(redis.Server, "\"Sessions\": { \"MaxHistory\": 2 }, " + Rules, prefix: prefix);
        await Decide(a, "export");
        await Decide(a, "export");
        await Decide(a, "export");
        (await Decide(a, "send")).Should().Be(DecisionEffect.Deny, "three exports");

        // B keeps two calls: its records trim the shared list to the two newest.
        await Decide(b, "read");

        (await Decide(a, "send")).Should().Be(DecisionEffect.Allow, "Redis now holds only 'send' and 'read'");
    }

    [Fact]
    public async Task OtherReplicaTrimsBehindTheNewestHeldCall_TrimmedCallsNotCounted()
    {
        var prefix = RedisFixture.Prefix();
        await using var a = await Replica.StartAsync(redis.Server, Rules, prefix: prefix);
        await using var b = await Replica.StartAsync(redis.Server, "\"Sessions\": { \"MaxHistory\": 3 }, " + Rules, prefix: prefix);
        await Decide(a, "export");
        await Decide(a, "export");
        await Decide(a, "export");
        (await Decide(a, "send")).Should().Be(DecisionEffect.Deny, "three exports; A now holds them");

        // B keeps three calls: the newest export (the newest call A holds), A's 'send', B's 'read'.
        await Decide(b, "read");

        (await Decide(a, "send")).Should().Be(DecisionEffect.Allow, "Redis holds one export; the two before it were trimmed");
    }

    [Fact]
    public async Task EntryWithoutId_WrittenInBetween_IsCountedLikeAnyCall()
    {
        var prefix = RedisFixture.Prefix();
        await using var a = await Replica.StartAsync(redis.Server, Rules, prefix: prefix);
        await using var b = await Replica.StartAsync(redis.Server, Rules, prefix: prefix);
        await Decide(a, "export");
        (await Decide(a, "send")).Should().Be(DecisionEffect.Allow);

        // A replica of an earlier version records a call in the eight-field format, without an id.
        var keys = a.Services.GetRequiredService<RedisSessionStore>().Keys;
        var database = (await a.MultiplexerAsync()).GetDatabase();
        await database.ListRightPushAsync(keys.History("s1"), $"{DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()}\u001f{(int)DecisionEffect.Allow}\u001f0\u001fexport\u001f\u001f\u001f\u001f");
        (await Decide(a, "send")).Should().Be(DecisionEffect.Allow, "two exports");
        await Decide(b, "export");

        (await Decide(a, "send")).Should().Be(DecisionEffect.Deny, "three exports, one of them without an id");
    }

    [Fact]
    public async Task ForeignEntries_AreSkipped_AndDoNotBreakTheCount()
    {
        var prefix = RedisFixture.Prefix();
        await using var a = await Replica.StartAsync(redis.Server, Rules, prefix: prefix);
        await Decide(a, "export");
        (await Decide(a, "send")).Should().Be(DecisionEffect.Allow);
        await Decide(a, "export");
        var keys = a.Services.GetRequiredService<RedisSessionStore>().Keys;
        var database = (await a.MultiplexerAsync()).GetDatabase();
        await database.ListRightPushAsync(keys.History("s1"), ["not an entry", $"1\u001fx\u001f0\u001fexport\u001f\u001f\u001f\u001f\u001f9", RedisValue.EmptyString]);

        (await Decide(a, "send")).Should().Be(DecisionEffect.Allow, "two exports (the entry with a malformed effect is not one)");
        await Decide(a, "export");
        (await Decide(a, "send")).Should().Be(DecisionEffect.Deny, "three exports");
    }

    [Fact]
    public async Task ConcurrentDecisions_OnBothReplicas_CountEveryExport()
    {
        var prefix = RedisFixture.Prefix();
        await using var a = await Replica.StartAsync(redis.Server, Rules, prefix: prefix);
        await using var b = await Replica.StartAsync(redis.Server, Rules, prefix: prefix);
        await Decide(a, "send");
        await Decide(b, "send");

        // Warm copies on both replicas, then many calls at once: "send" decisions race with the exports.
        await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Decide(i % 2 == 0 ? a : b, i % 4 < 2 ? "send" : "poll")));
        (await Decide(a, "send")).Should().Be(DecisionEffect.Allow, "no export yet");
        await Decide(a, "export");
        await Decide(b, "export");
        await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Decide(i % 2 == 0 ? a : b, "poll")));
        (await Decide(a, "send")).Should().Be(DecisionEffect.Allow, "two exports among 80 polls and sends");
        (await Decide(b, "send")).Should().Be(DecisionEffect.Allow, "two exports among 80 polls and sends");
        await Decide(b, "export");

        (await Decide(a, "send")).Should().Be(DecisionEffect.Deny, "three exports");
        (await Decide(b, "send")).Should().Be(DecisionEffect.Deny, "three exports");
    }

    [Fact]
    public async Task MoreCallsOnTheOtherReplicaThanTheMargin_BetweenTwoReadsOfThisOne_AllCounted()
    {
        // This replica reads only its own calls since its last read, the newest held and one more: the other replica
        // records two in between, so the newest held is not in that tail and the whole list must be read.
        var prefix = RedisFixture.Prefix();
        await using var a = await Replica.StartAsync(redis.Server, Rules, prefix: prefix);
        await using var b = await Replica.StartAsync(redis.Server, Rules, prefix: prefix);
        await Decide(a, "poll");
        (await Decide(a, "send")).Should().Be(DecisionEffect.Allow, "A now holds the history");
        await Decide(a, "export");
        await Decide(b, "export");
        await Decide(b, "export");

        (await Decide(a, "send")).Should().Be(DecisionEffect.Deny, "three exports, two of them recorded by the other replica");
    }

    [Fact]
    public async Task ManyCallsOfThisReplica_ThatReadNothing_BetweenTwoReads_AllCounted()
    {
        var prefix = RedisFixture.Prefix();
        await using var a = await Replica.StartAsync(redis.Server, Rules, prefix: prefix);
        await Decide(a, "poll");
        (await Decide(a, "send")).Should().Be(DecisionEffect.Allow, "A now holds the history");
        await Decide(a, "export");
        for (var i = 0; i < HistoryCache.TailRead; i++)
        {
            await Decide(a, "poll");
        }

        await Decide(a, "export");
        (await Decide(a, "send")).Should().Be(DecisionEffect.Allow, "two exports");
        await Decide(a, "export");
        (await Decide(a, "send")).Should().Be(DecisionEffect.Deny, "three exports");
    }

    [Fact]
    public async Task ASessionServedByOneReplica_ReadsOnlyTheCallsItRecordedSince_TheNewestHeld_AndOneMore()
    {
        var prefix = RedisFixture.Prefix();
        await using var a = await Replica.StartAsync(redis.Server, Rules, prefix: prefix);
        await using var admin = await redis.Server.InspectAsync();
        var server = admin.GetServer(admin.GetEndPoints()[0]);
        await Decide(a, "export");
        await Decide(a, "send");
        await Decide(a, "export");

        await server.ExecuteAsync("CONFIG", "SET", "slowlog-log-slower-than", "0");
        try
        {
            await server.ExecuteAsync("SLOWLOG", "RESET");
            await Decide(a, "send");
            var logged = (RedisResult[])(await server.ExecuteAsync("SLOWLOG", "GET", "100"))!;
            var reads = logged.Select(entry => ((RedisResult[])((RedisResult[])entry!)[3]!).Select(part => (string)part!).ToArray())
                .Where(command => command[0].Equals("LRANGE", StringComparison.OrdinalIgnoreCase) && command[1].Contains(":h:s1", StringComparison.Ordinal))
                .ToList();
            reads.Should().ContainSingle().Which[2..].Should().Equal(["-4", "-1"], "two calls recorded since (the reading call itself, then the export), the newest held, one more");
        }
        finally
        {
            await server.ExecuteAsync("CONFIG", "SET", "slowlog-log-slower-than", "10000");
        }
    }

    /// <summary>Decides a call on <paramref name="replica"/> and waits until its record is in Redis.</summary>
    private async Task<DecisionEffect> Decide(Replica replica, string tool)
    {
        var effect = (await replica.Engine.EvaluateAsync(Replica.Call(tool), _session)).Effect;
        await replica.FlushAsync();
        return effect;
    }
}
