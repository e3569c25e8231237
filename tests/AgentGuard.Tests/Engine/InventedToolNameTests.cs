using AgentGuard.Infrastructure;

namespace AgentGuard.Tests.Engine;

/// <summary>
/// A model (or a server) that invents tool names fills the engine's per-name caches; past their capacity every new name
/// is classified and matched afresh. Each such call must still be decided exactly as a cached one would be, and the
/// caches must stay bounded however many threads add at once.
/// </summary>
public sealed class InventedToolNameTests
{
    private const string Policy = """
    {
      "AgentGuard": {
        "DefaultDecision": "Allow",
        "Tools": { "wire_*": { "Tags": ["payment"] } },
        "Rules": [
          { "Id": "no-drop", "Effect": "Deny", "Match": { "Tools": ["drop_*"] } },
          { "Id": "payments-need-approval", "Effect": "RequireApproval", "Match": { "Tags": ["payment"] } }
        ]
      }
    }
    """;

    [Fact]
    public async Task PastTheCachesCapacity_NewNamesAreStillDecidedByTheirRules()
    {
        var engine = TestHost.Engine(Policy);
        var session = new GuardContext { SessionId = "inventive" };

        // More distinct names than any per-name cache keeps (10,000), so the names below are decided uncached.
        for (var i = 0; i < 12_000; i++)
        {
            (await engine.EvaluateAsync(TestHost.Call("made_up_" + i), session)).Effect.Should().Be(DecisionEffect.Allow);
        }

        for (var i = 0; i < 50; i++)
        {
            (await engine.EvaluateAsync(TestHost.Call("drop_table_" + i), session)).Effect.Should().Be(DecisionEffect.Deny, "a glob rule matches a name never cached");
            (await engine.EvaluateAsync(TestHost.Call("wire_funds_" + i), session)).Effect.Should().Be(DecisionEffect.RequireApproval, "a glob tag classifies a name never cached");
            (await engine.EvaluateAsync(TestHost.Call("DROP_TABLE_" + i), session)).Effect.Should().Be(DecisionEffect.Deny, "names match without regard to case, cached or not");
        }
    }

    [Fact]
    public void BoundedCache_StopsAtItsCapacity_WhenManyThreadsAddAtOnce()
    {
        const int capacity = 1_000;
        var cache = new BoundedCache<string, int>(capacity, StringComparer.Ordinal);

        Parallel.For(0, 4, new ParallelOptions { MaxDegreeOfParallelism = 4 }, thread =>
        {
            for (var i = 0; i < 20_000; i++)
            {
                cache.TryAdd($"{thread}:{i}", i);
            }
        });

        cache.Count.Should().Be(cache.EntryCount, "the kept count is exact");
        cache.Count.Should().BeInRange(capacity, capacity + 4, "each thread can add at most one entry past a count it read below the capacity");
    }

    [Fact]
    public void BoundedCache_KeepsTheFirstValue_AndCountsAKeyOnce()
    {
        var cache = new BoundedCache<string, int>(10, StringComparer.Ordinal);
        cache.TryAdd("a", 1);
        cache.TryAdd("a", 2);

        cache.TryGetValue("a", out var value).Should().BeTrue();
        value.Should().Be(1);
        cache.Count.Should().Be(1);
        cache.TryGetValue("b", out _).Should().BeFalse();
    }
}
