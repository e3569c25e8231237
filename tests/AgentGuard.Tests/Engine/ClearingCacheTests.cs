using AgentGuard.Infrastructure;

namespace AgentGuard.Tests.Engine;

/// <summary>The replaceable caches of adapters (HTTP arguments, SQL statements) stay bounded and count exactly.</summary>
public sealed class ClearingCacheTests
{
    [Fact]
    public void AtItsCapacity_TheCacheIsEmptiedWhole_ThenFillsAgain()
    {
        var cache = new ClearingCache<string, int>(3, StringComparer.Ordinal);
        cache.Set("a", 1);
        cache.Set("b", 2);
        cache.Set("c", 3);
        cache.Count.Should().Be(3);

        cache.Set("d", 4);

        cache.Count.Should().Be(1);
        cache.TryGetValue("a", out _).Should().BeFalse("emptied when the fourth key came");
        cache.TryGetValue("d", out var d).Should().BeTrue();
        d.Should().Be(4);
    }

    [Fact]
    public void ReplacingAKey_DoesNotCountItTwice()
    {
        var cache = new ClearingCache<string, int>(10, StringComparer.Ordinal);
        for (var i = 0; i < 100; i++)
        {
            cache.Set("same", i);
        }

        cache.Count.Should().Be(1);
        cache.TryGetValue("same", out var value).Should().BeTrue();
        value.Should().Be(99, "the newest value replaces the old");
    }

    [Fact]
    public void ManyThreadsAddingNewKeys_NeverHoldMuchMoreThanTheCapacity()
    {
        var cache = new ClearingCache<string, int>(500, StringComparer.Ordinal);
        Parallel.For(0, 4, new ParallelOptions { MaxDegreeOfParallelism = 4 }, thread =>
        {
            for (var i = 0; i < 50_000; i++)
            {
                cache.Set($"{thread}:{i}", i);
            }
        });

        cache.Count.Should().BeLessThanOrEqualTo(500 + 4);
    }
}
