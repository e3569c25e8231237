using AgentGuard.Policies;

namespace AgentGuard.Tests.Sessions;

/// <summary>
/// On the system clock the store measures idleness with the coarse tick count; on another time provider, with the
/// provider's timestamp. Either way a session idle past the timeout is forgotten and a recent one is not.
/// </summary>
public sealed class IdleClockTests
{
    [Fact]
    public async Task OnTheSystemClock_ASessionIdlePastTheTimeout_IsForgotten_AndARecentOneIsKept()
    {
        var store = new SessionStore(TimeProvider.System);
        store.GetOrCreate("idle", new SessionLimits(10, TimeSpan.FromMilliseconds(50), 100)).Record("read", ToolKind.Function, null, [], DecisionEffect.Allow, DateTimeOffset.UtcNow, "c");

        await Task.Delay(TimeSpan.FromMilliseconds(250));

        Assert.Null(store.Find("idle"));
        Assert.Equal(0, store.GetOrCreate("idle", new SessionLimits(10, TimeSpan.FromMilliseconds(50), 100)).HistoryCount);

        var kept = new SessionStore(TimeProvider.System);
        kept.GetOrCreate("recent", new SessionLimits(10, TimeSpan.FromMinutes(10), 100)).Record("read", ToolKind.Function, null, [], DecisionEffect.Allow, DateTimeOffset.UtcNow, "c");
        await Task.Delay(TimeSpan.FromMilliseconds(250));
        Assert.Equal(1, kept.Find("recent")!.HistoryCount);
    }

    [Fact]
    public void OnAFakeClock_IdlenessFollowsTheProvider_InWholeTicks()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        var clock = new IdleClock(time);
        var then = clock.Now;
        time.Advance(TimeSpan.FromMinutes(30) - TimeSpan.FromTicks(1));
        Assert.False(IdleClock.HasPassed(then, clock.Now, TimeSpan.FromMinutes(30)));
        time.Advance(TimeSpan.FromTicks(1));
        Assert.True(IdleClock.HasPassed(then, clock.Now, TimeSpan.FromMinutes(30)));
    }
}
