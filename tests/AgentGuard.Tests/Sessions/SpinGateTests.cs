using AgentGuard.Policies;

namespace AgentGuard.Tests.Sessions;

/// <summary>The session's gate excludes: writers racing on plain fields under it lose no update and never overlap.</summary>
public sealed class SpinGateTests
{
    private int _gate;
    private int _holders;
    private long _count;

    [Fact]
    public void ThreadsRacingThroughTheGate_NeverHoldItTogether_AndLoseNoUpdate()
    {
        const int PerThread = 200_000;
        var overlaps = 0;
        var threads = Enumerable.Range(0, 4).Select(_ => new Thread(() =>
        {
            for (var i = 0; i < PerThread; i++)
            {
                using (SpinGate.Enter(ref _gate))
                {
                    if (++_holders != 1)
                    {
                        Interlocked.Increment(ref overlaps);
                    }

                    _count++;
                    _holders--;
                }
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        Assert.Equal(0, overlaps);
        Assert.Equal(4L * PerThread, _count);
        Assert.Equal(0, _gate);
    }

    [Fact]
    public void AnExceptionInsideTheGate_ReleasesIt()
    {
        Action throwInside = () =>
        {
            using (SpinGate.Enter(ref _gate))
            {
                throw new InvalidOperationException("inside");
            }
        };

        Assert.Throws<InvalidOperationException>(throwInside);

        Assert.Equal(0, _gate);
        using (SpinGate.Enter(ref _gate))
        {
            Assert.Equal(Environment.CurrentManagedThreadId, _gate);
        }
    }

    [Fact]
    public async Task ACallPatternThatCallsBackIntoTheSession_GetsAClearError_NotAHang()
    {
        // A host that opens a session through ISessionStore and counts with its own pattern, which reads the session
        // again from inside Matches: a monitor let the thread in again; the gate must refuse, not wait for itself.
        var session = new SessionState("s", maxHistory: 10, now: 0);
        session.AddLabels(["pii"]);
        session.Record("export", ToolKind.Function, null, [], DecisionEffect.Allow, DateTimeOffset.UtcNow, "c1");
        var pattern = new ReentrantPattern(session);

        var counting = Task.Run(() => session.CountRecent(pattern, withinCalls: 0, DateTimeOffset.MinValue, excludeDenied: false, enough: 1));
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => counting.WaitAsync(TimeSpan.FromSeconds(30)));

        Assert.Contains("not reentrant", error.Message, StringComparison.Ordinal);
        Assert.True(session.HasAnyLabel(["pii"]), "the gate is released after the refusal");
        Assert.Equal(1, session.HistoryCount);
    }

    private sealed class ReentrantPattern(SessionState session) : ICallPattern
    {
        public bool Matches(string toolName, IReadOnlyList<string> tags) => session.HasAnyLabel(["pii"]);
    }
}
