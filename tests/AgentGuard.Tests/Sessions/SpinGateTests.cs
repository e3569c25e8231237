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
            Assert.Equal(1, _gate);
        }
    }
}
