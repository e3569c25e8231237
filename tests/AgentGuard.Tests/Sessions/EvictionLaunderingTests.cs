using AgentGuard.Policies;
using AgentGuard.Provenance;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AgentGuard.Tests.Sessions;

/// <summary>
/// A session pushed out at the session limit keeps its labels: opening sessions until a tainted one is evicted does not
/// launder it, and a session that comes back says it lost its history (label <c>evicted</c>), so rules can act on that.
/// </summary>
public sealed class EvictionLaunderingTests
{
    private const string Policy = """
    {
      "AgentGuard": {
        "Sessions": { "MaxSessions": 10 },
        "Tools": { "browse": { "Untrusted": true } },
        "Rules": [
          { "Id": "no-post-when-untrusted", "Effect": "Deny", "Match": { "Tools": ["post"] }, "When": { "SessionLabels": ["untrusted"] } },
          { "Id": "no-export-after-eviction", "Effect": "RequireApproval", "Match": { "Tools": ["export"] }, "When": { "SessionLabels": ["evicted"] } }
        ]
      }
    }
    """;

    [Fact]
    public async Task TaintedSession_PushedOutByManyNewSessions_ComesBackStillTainted()
    {
        var services = TestHost.Create(Policy);
        var engine = services.GetRequiredService<IGuardEngine>();
        var victim = new GuardContext { SessionId = "victim" };
        await engine.EvaluateAsync(new ToolCallEvent("browse") { CallId = "b1" }, victim);
        await engine.InspectResultAsync(new ToolCallEvent("browse") { CallId = "b1" }, victim, new ToolResult("a page written by anyone"));

        for (var i = 0; i < 50; i++)
        {
            await engine.EvaluateAsync(TestHost.Call("read"), new GuardContext { SessionId = "flood-" + i });
        }

        services.GetRequiredService<SessionStore>().Find("victim").Should().BeNull("the flood pushed the victim session out");
        var post = await engine.EvaluateAsync(TestHost.Call("post"), victim);

        post.Effect.Should().Be(DecisionEffect.Deny, "eviction must not wash the untrusted label off");
        post.RuleIds.Should().Equal("no-post-when-untrusted");
        (await engine.EvaluateAsync(TestHost.Call("export"), victim)).Effect.Should().Be(DecisionEffect.RequireApproval, "the session says its history was lost");
    }

    [Fact]
    public async Task SessionNeverEvicted_HasNoEvictedLabel()
    {
        var engine = TestHost.Engine(Policy);
        var session = new GuardContext { SessionId = "fresh" };

        (await engine.EvaluateAsync(TestHost.Call("export"), session)).Effect.Should().Be(DecisionEffect.Allow);
        (await engine.EvaluateAsync(TestHost.Call("post"), session)).Effect.Should().Be(DecisionEffect.Allow);
    }

    [Fact]
    public async Task SessionExpiredIdle_StartsAfresh_WithoutLabelsOrTheEvictedLabel()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 29, 9, 0, 0, TimeSpan.Zero));
        var services = TestHost.Create(Policy.Replace("\"MaxSessions\": 10", "\"MaxSessions\": 10, \"IdleTimeout\": \"00:10:00\"", StringComparison.Ordinal), time: time);
        var engine = services.GetRequiredService<IGuardEngine>();
        var session = new GuardContext { SessionId = "idle" };
        await engine.EvaluateAsync(new ToolCallEvent("browse") { CallId = "b1" }, session);
        await engine.InspectResultAsync(new ToolCallEvent("browse") { CallId = "b1" }, session, new ToolResult("a page"));
        (await engine.EvaluateAsync(TestHost.Call("post"), session)).Effect.Should().Be(DecisionEffect.Deny);

        time.Advance(TimeSpan.FromMinutes(11));
        await engine.EvaluateAsync(TestHost.Call("read"), new GuardContext { SessionId = "other" });
        await services.GetRequiredService<SessionStore>().SweepsDone();

        (await engine.EvaluateAsync(TestHost.Call("post"), session)).Effect.Should().Be(DecisionEffect.Allow, "idle expiry is the documented forgetting, not an eviction");
        (await engine.EvaluateAsync(TestHost.Call("export"), session)).Effect.Should().Be(DecisionEffect.Allow);
    }

    [Fact]
    public void RememberedEvictions_StayWithinTheCapacity_OldestForgottenFirst()
    {
        var evicted = new EvictedSessions(SeenValueHasher.CreateRandom());
        for (var i = 0; i < 1_000; i++)
        {
            evicted.Remember("s" + i, i % 2 == 0 ? ["untrusted"] : [], capacity: 100);
        }

        evicted.Count.Should().Be(200, "up to the capacity with labels and up to the capacity without");
        evicted.Recall("s0").Should().BeNull("the oldest were forgotten");
        evicted.Recall("s998").Should().Equal("untrusted");
        evicted.Recall("s998").Should().BeNull("a recall forgets it");
        evicted.Recall("s999").Should().BeEmpty("remembered without labels");
        evicted.Count.Should().Be(198);
    }

    [Fact]
    public void FloodOfCleanSessions_DoesNotPushOutWhatATaintedOneLeft()
    {
        var evicted = new EvictedSessions(SeenValueHasher.CreateRandom());
        evicted.Remember("victim", ["untrusted"], capacity: 10);
        for (var i = 0; i < 10_000; i++)
        {
            evicted.Remember("flood-" + i, [], capacity: 10);
        }

        evicted.Recall("victim").Should().Equal("untrusted");
        evicted.Count.Should().Be(10);
    }

    [Fact]
    public void OneSessionEvictedAndRecalledOverAndOver_DoesNotPushOutWhatAnotherTaintedOneLeft()
    {
        // The attacker churns a session of its own (evicted, back, evicted…) to age out the victim's remembered taint.
        var evicted = new EvictedSessions(SeenValueHasher.CreateRandom());
        evicted.Remember("victim", ["untrusted"], capacity: 10);
        for (var i = 0; i < 1_000; i++)
        {
            evicted.Remember("churn", ["untrusted"], capacity: 10);
            evicted.Recall("churn");
        }

        evicted.Recall("victim").Should().Equal(["untrusted"], "only as many other remembered sessions as the capacity push one out");
    }

    [Fact]
    public void OneSessionEvictedAndRecalledOverAndOver_DoesNotGrowTheMemory()
    {
        var evicted = new EvictedSessions(SeenValueHasher.CreateRandom());
        for (var i = 0; i < 100_000; i++)
        {
            evicted.Remember("churn", ["untrusted"], capacity: 10);
            evicted.Recall("churn").Should().Equal("untrusted");
        }

        evicted.Count.Should().Be(0);
        evicted.QueuedKeys.Should().BeLessThanOrEqualTo(20, "the forgetting order is kept to twice the capacity");

        evicted.Remember("churn", [], capacity: 10);
        evicted.Remember("churn", ["secret-seen"], capacity: 10);
        evicted.Recall("churn").Should().Equal(["secret-seen"], "the labelled memory is read first");
    }
}
