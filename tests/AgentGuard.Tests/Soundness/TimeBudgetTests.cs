using Microsoft.Extensions.Time.Testing;

namespace AgentGuard.Tests.Soundness;

/// <summary>A code policy's time budget holds for synchronous and asynchronous code alike, and a late answer is never used.</summary>
public sealed class TimeBudgetTests
{
    private const string Policy = """{ "AgentGuard": { "Tools": { "pay": { "Tags": ["payment"] } } } }""";

    [Fact]
    public async Task SynchronouslyBlockingPolicy_IsCutOffAtItsBudget_AndItsLateAllowIsIgnored()
    {
        using var gate = new ManualResetEventSlim();
        var time = new FakeTimeProvider();
        var blocking = new RecordingPolicy("blocking")
        {
            Behaviour = (_, _) =>
            {
                gate.Wait(TimeSpan.FromSeconds(30)); // blocks the calling thread, never awaits
                return new ValueTask<PolicyVerdict>(PolicyVerdict.Allow());
            },
        };
        var engine = TestHost.Engine(Policy, b => b.AddPolicy(blocking), time);

        var pending = engine.EvaluateAsync(TestHost.Call("pay"), GuardContext.Empty).AsTask();
        await WaitUntil(() => blocking.Seen.Count == 1);
        pending.IsCompleted.Should().BeFalse("the policy is still blocked");

        // The budget's timer is armed once the engine sees the policy running; advance until it fires.
        for (var i = 0; i < 200 && !pending.IsCompleted; i++)
        {
            time.Advance(TimeSpan.FromMilliseconds(300));
            await Task.WhenAny(pending, Task.Delay(50));
        }

        var decision = await pending.WaitAsync(TimeSpan.FromSeconds(20));
        gate.Set();

        decision.Effect.Should().Be(DecisionEffect.Deny, "a risky call whose policy ran out of time fails safe");
        decision.IsFailure.Should().BeTrue();
        decision.Reason.Should().Contain("exceeded its time budget");
    }

    [Fact]
    public async Task SynchronouslyBlockingPolicy_DoesNotHoldTheCallersThread()
    {
        using var gate = new ManualResetEventSlim();
        var time = new FakeTimeProvider();
        var blocking = new RecordingPolicy("blocking")
        {
            Behaviour = (_, _) =>
            {
                gate.Wait(TimeSpan.FromSeconds(30));
                return new ValueTask<PolicyVerdict>(PolicyVerdict.Allow());
            },
        };
        var engine = TestHost.Engine(Policy, b => b.AddPolicy(blocking), time);

        var pending = engine.EvaluateAsync(TestHost.Call("pay"), GuardContext.Empty);

        pending.IsCompleted.Should().BeFalse("EvaluateAsync returned while the policy blocks elsewhere");
        gate.Set();
        (await pending).Effect.Should().Be(DecisionEffect.Allow, "an answer within the budget is used");
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        for (var i = 0; i < 2_000 && !condition(); i++)
        {
            await Task.Delay(10);
        }

        condition().Should().BeTrue();
    }
}
