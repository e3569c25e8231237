using AgentGuard.Policies;

namespace AgentGuard.Tests.Sessions;

/// <summary>
/// Rate-limit counters are bounded in number and size by configuration and still decide exactly: a counter keeps the
/// newest hits (one more than the largest limit), a counter is idle only by its own window, and a flood of new keys
/// cannot push the number of counters past the bound.
/// </summary>
public sealed class RateLimiterStoreTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 29, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void BurstThenLaterHits_KeepingTheNewest_StillCountsEveryHitInTheWindow()
    {
        // Max 2 per 10 s, so 3 hits are kept. Three at 0 s, two at 5 s, one at 10 s: the window (0 s, 10 s] holds three.
        var store = new RateLimiterStore();
        store.Configure(100, hitsKept: 3);
        var window = TimeSpan.FromSeconds(10);
        for (var i = 0; i < 3; i++)
        {
            store.Hit("r", "k", T0, window);
        }

        store.Hit("r", "k", T0.AddSeconds(5), window);
        store.Hit("r", "k", T0.AddSeconds(5), window);

        store.Hit("r", "k", T0.AddSeconds(10), window).Should().BeGreaterThan(2, "5 s, 5 s and 10 s are within the window: the limit of 2 applies");
    }

    [Fact]
    public void Counter_KeepsNoMoreThanTheHitsItNeeds()
    {
        var store = new RateLimiterStore();
        store.Configure(100, hitsKept: 4);
        long last = 0;
        for (var i = 0; i < 1_000; i++)
        {
            last = store.Hit("r", "k", T0.AddMilliseconds(i), TimeSpan.FromHours(1));
        }

        last.Should().Be(4, "beyond one more than the largest limit, more hits change no decision");
    }

    [Fact]
    public void FloodOfNewKeys_CountersStayBounded()
    {
        var store = new RateLimiterStore();
        store.Configure(256, hitsKept: 3);
        var highest = 0;
        for (var i = 0; i < 10_000; i++)
        {
            store.Hit("r", "k" + i, T0.AddMilliseconds(i), TimeSpan.FromHours(1));
            highest = Math.Max(highest, store.Count);
        }

        highest.Should().BeLessThanOrEqualTo(257);
        store.Count.Should().BeGreaterThan(0);
    }

    [Fact]
    public void Sweep_JudgesIdlenessByEachCountersOwnWindow()
    {
        // A one-hour counter hit a minute ago is not idle, even when the sweep is triggered by a one-second rule.
        var store = new RateLimiterStore();
        store.Configure(2, hitsKept: 3);
        var hour = TimeSpan.FromHours(1);
        store.Hit("hourly", "k", T0, hour);
        store.Hit("hourly", "k", T0, hour);
        store.Hit("fast", "a", T0, TimeSpan.FromSeconds(1));
        store.Hit("fast", "b", T0.AddMinutes(1), TimeSpan.FromSeconds(1));

        store.Hit("hourly", "k", T0.AddMinutes(1), hour).Should().Be(3, "the hourly counter survived the sweep with its two hits");
    }
}
