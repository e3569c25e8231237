using Microsoft.Extensions.Time.Testing;

namespace AgentGuard.Redis.Tests;

/// <summary>A record refreshes a session's expiry only when this replica has not done so within half an idle timeout.</summary>
public sealed class ExpiryRefreshesTests
{
    private static readonly TimeSpan Idle = TimeSpan.FromMinutes(30);

    [Fact]
    public void FirstRecord_Refreshes_ThenNotUntilHalfTheIdleTimeoutHasPassed()
    {
        var time = new FakeTimeProvider();
        var refreshes = new ExpiryRefreshes(time);

        refreshes.Due("s", Idle).Should().BeTrue("this replica never gave the keys their expiry");
        time.Advance(TimeSpan.FromMinutes(14));
        refreshes.Due("s", Idle).Should().BeFalse("a refresh 14 minutes ago still leaves 31 minutes");
        time.Advance(TimeSpan.FromMinutes(1));
        refreshes.Due("s", Idle).Should().BeTrue("after half the idle timeout the keys might outlive the call by less than the timeout");
        refreshes.Due("other", Idle).Should().BeTrue("sessions are apart");
    }

    [Fact]
    public void ManySessions_PastTheCapacity_StayBounded_AndAForgottenSessionRefreshes()
    {
        var time = new FakeTimeProvider();
        var refreshes = new ExpiryRefreshes(time);
        refreshes.Due("early", Idle).Should().BeTrue();

        for (var i = 0; i < 3 * ExpiryRefreshes.Capacity; i++)
        {
            refreshes.Due("s" + i, Idle).Should().BeTrue();
        }

        refreshes.Due("early", Idle).Should().BeTrue("dropped with its generation: refreshing again is the safe answer");
        refreshes.Due("early", Idle).Should().BeFalse();
        refreshes.Due("s" + ((3 * ExpiryRefreshes.Capacity) - 1), Idle).Should().BeFalse("the newest sessions are still known");
    }
}
