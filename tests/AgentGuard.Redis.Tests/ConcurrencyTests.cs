using System.Globalization;
using StackExchange.Redis;

namespace AgentGuard.Redis.Tests;

/// <summary>
/// Many sessions, each with concurrent calls on two replicas: no call lost from any history or counter, none in another
/// session's. Size from <c>AGENTGUARD_REDIS_LOAD</c> as <c>SESSIONSxCALLS</c> (default 100x20; the full size is 1000x100).
/// </summary>
public sealed class ConcurrencyTests(RedisFixture redis) : IClassFixture<RedisFixture>
{
    private const string Rules = """
        "Sessions": { "MaxHistory": 200 },
        "Rules": [
          { "Id": "after-leak", "Effect": "Deny", "Match": { "Tools": ["work"] }, "When": { "Sequence": { "Tools": ["leak"], "AtLeast": 1 } } },
          { "Id": "count", "Effect": "Deny", "Match": { "Tools": ["work"] }, "When": { "RateLimit": { "Max": 1000000, "Per": "01:00:00" } } }
        ]
        """;

    [Fact]
    public async Task ManySessions_TwoReplicas_NoLeakage_NoLostUpdate()
    {
        var (sessions, calls) = Size();
        var prefix = RedisFixture.Prefix();
        // A generous budget: the machine running the tests is shared, and this test is about correctness, not speed.
        const string budget = """, "OperationTimeout": "00:00:05" """;
        await using var a = await Replica.StartAsync(redis.Server, Rules, budget, prefix);
        await using var b = await Replica.StartAsync(redis.Server, Rules, budget, prefix);
        await Task.WhenAll(a.FlushAsync(), b.FlushAsync());
        var denied = new int[sessions];
        var failures = 0;

        // Session 0 calls "leak" first: its work is denied; no other session may be affected.
        await a.Engine.EvaluateAsync(Replica.Call("leak", callId: "s0-leak"), new GuardContext { SessionId = "s0" });
        await a.FlushAsync();

        await Parallel.ForEachAsync(Enumerable.Range(0, sessions), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (s, _) =>
        {
            var context = new GuardContext { SessionId = "s" + s.ToString(CultureInfo.InvariantCulture) };
            for (var c = 0; c < calls; c += 2)
            {
                // Two calls of the same session at once, one on each replica.
                var first = a.Engine.EvaluateAsync(Replica.Call("work", callId: $"s{s}-c{c}"), context).AsTask();
                var second = c + 1 < calls ? b.Engine.EvaluateAsync(Replica.Call("work", callId: $"s{s}-c{c + 1}"), context).AsTask() : null;
                var results = second is null ? [await first] : await Task.WhenAll(first, second);
                Interlocked.Add(ref denied[s], results.Count(d => d.Effect == DecisionEffect.Deny));
                Interlocked.Add(ref failures, results.Count(d => d.IsFailure));
            }
        });
        await Task.WhenAll(a.FlushAsync(), b.FlushAsync());

        failures.Should().Be(0, "every decision read the shared state");
        denied[0].Should().Be(calls, "session 0 read the leak");
        denied.Skip(1).Should().OnlyContain(d => d == 0, "no other session saw session 0's call");
        await using var inspect = await redis.Server.InspectAsync();
        var database = inspect.GetDatabase();
        for (var s = 0; s < sessions; s++)
        {
            var id = "s" + s.ToString(CultureInfo.InvariantCulture);
            var history = await database.ListRangeAsync("{" + prefix + "}:h:" + id);
            var expected = s == 0 ? calls + 1 : calls;
            history.Length.Should().Be(expected, $"every call of session {id} was recorded once");
            history.Select(h => ((string)h!).Split('\u001f')[5]).Should().OnlyContain(callId => callId.StartsWith(id + "-", StringComparison.Ordinal), "no call of another session");
            history.Select(h => ((string)h!).Split('\u001f')[5]).Distinct().Count().Should().Be(expected);
            (await database.SortedSetLengthAsync("{" + prefix + "}:r:5:count:s:" + id)).Should().Be(calls, "every rate-limit hit counted, none lost");
        }
    }

    private static (int Sessions, int Calls) Size()
    {
        var value = Environment.GetEnvironmentVariable("AGENTGUARD_REDIS_LOAD");
        if (value?.Split('x') is [var sessions, var calls]
            && int.TryParse(sessions, CultureInfo.InvariantCulture, out var s) && int.TryParse(calls, CultureInfo.InvariantCulture, out var c) && s > 1 && c > 0)
        {
            return (s, c);
        }

        return (100, 20);
    }
}
