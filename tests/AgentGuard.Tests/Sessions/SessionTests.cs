using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AgentGuard.Tests.Sessions;

/// <summary>Session memory is bounded: a history window, idle expiry and a cap on the number of sessions.</summary>
public sealed class SessionTests
{
    private static string Policy(string sessions) => $$"""
    {
      "AgentGuard": {
        "Sessions": {{sessions}},
        "Rules": [ { "Id": "third-export", "Effect": "Deny", "Match": { "Tools": ["export"] }, "When": { "Sequence": { "Tools": ["export"], "AtLeast": 3 } } } ]
      }
    }
    """;

    [Fact]
    public async Task History_BoundedToMaxHistory_OldCallsForgotten()
    {
        var engine = TestHost.Engine(Policy("""{ "MaxHistory": 3 }"""));
        var session = new GuardContext { SessionId = "s" };

        await engine.EvaluateAsync(TestHost.Call("export"), session);
        await engine.EvaluateAsync(TestHost.Call("read"), session);
        await engine.EvaluateAsync(TestHost.Call("read"), session);
        await engine.EvaluateAsync(TestHost.Call("export"), session);
        var decision = await engine.EvaluateAsync(TestHost.Call("export"), session);

        decision.Effect.Should().Be(DecisionEffect.Allow, "the first export fell out of the three-call history");
    }

    [Fact]
    public async Task History_WithinBound_Counts()
    {
        var engine = TestHost.Engine(Policy("""{ "MaxHistory": 10 }"""));
        var session = new GuardContext { SessionId = "s" };

        await engine.EvaluateAsync(TestHost.Call("export"), session);
        await engine.EvaluateAsync(TestHost.Call("read"), session);
        await engine.EvaluateAsync(TestHost.Call("export"), session);

        (await engine.EvaluateAsync(TestHost.Call("export"), session)).Effect.Should().Be(DecisionEffect.Deny);
    }

    [Fact]
    public async Task IdleSession_Expires_AndStartsAfresh()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));
        var services = TestHost.Create(Policy("""{ "IdleTimeout": "00:10:00" }"""), time: time);
        var engine = services.GetRequiredService<IGuardEngine>();
        var store = services.GetRequiredService<AgentGuard.Policies.SessionStore>();
        var idle = new GuardContext { SessionId = "idle" };

        await engine.EvaluateAsync(TestHost.Call("export"), idle);
        await engine.EvaluateAsync(TestHost.Call("export"), idle);
        time.Advance(TimeSpan.FromMinutes(11));
        await engine.EvaluateAsync(TestHost.Call("read"), new GuardContext { SessionId = "other" });

        store.Find("idle").Should().BeNull("the idle session was swept");
        (await engine.EvaluateAsync(TestHost.Call("export"), idle)).Effect.Should().Be(DecisionEffect.Allow);
    }

    [Fact]
    public async Task SessionCount_CappedAtMaxSessions()
    {
        var services = TestHost.Create(Policy("""{ "MaxSessions": 50 }"""));
        var engine = services.GetRequiredService<IGuardEngine>();

        for (var i = 0; i < 500; i++)
        {
            await engine.EvaluateAsync(TestHost.Call("read"), new GuardContext { SessionId = "s" + i });
        }

        services.GetRequiredService<AgentGuard.Policies.SessionStore>().Count.Should().BeLessThanOrEqualTo(51);
    }

    [Fact]
    public async Task CodePolicy_SeesSessionHistoryAndLabels()
    {
        var recorder = new RecordingPolicy();
        var engine = TestHost.Engine("""{ "AgentGuard": { "Tools": { "browse": { "Untrusted": true } } } }""", b => b.AddPolicy(recorder));
        var session = new GuardContext { SessionId = "s" };

        await engine.EvaluateAsync(new ToolCallEvent("browse") { CallId = "c1" }, session);
        await engine.InspectResultAsync(new ToolCallEvent("browse") { CallId = "c1" }, session, new ToolResult("page"));
        await engine.EvaluateAsync(TestHost.Call("send_email"), session);

        var seen = recorder.Seen[^1].Session;
        seen.History.Should().ContainSingle().Which.Should().Match<ToolCallRecord>(r => r.ToolName == "browse" && r.CallId == "c1" && r.ResultLabels.Contains("untrusted"));
        seen.Labels.Should().Equal("untrusted");
    }
}

public sealed class SessionStateTests
{
    [Fact]
    public void Observe_BeyondTheBound_ForgetsOldestTokens_KeepsRecent()
    {
        var state = new AgentGuard.Policies.SessionState("s", maxHistory: 10, now: 0);
        state.Observe(ValueOrigin.Trusted, "first payee DE44500105175407324931");
        for (var i = 0; i < 40; i++)
        {
            // 40 results of 1,000 distinct words each: more distinct tokens than the bound keeps.
            state.Observe(ValueOrigin.Trusted, string.Join(' ', Enumerable.Range(0, 1000).Select(w => $"w{i}x{w}")));
        }

        state.Observe(ValueOrigin.Trusted, "latest payee GB33BUKB20201555555555");

        state.WasSeen(ValueOrigin.Trusted, ValueNormalizer.Normalize("DE44 5001 0517 5407 3249 31")).Should().BeFalse("later tokens pushed it out");
        state.WasSeen(ValueOrigin.Trusted, ValueNormalizer.Normalize("GB33 BUKB 2020 1555 5555 55")).Should().BeTrue();
        state.WasSeen(ValueOrigin.Untrusted, "gb33bukb20201555555555").Should().BeFalse("origins are kept apart");
    }

    [Fact]
    public void Observe_ValueSplitOverWords_SeenWhole_NotAsAFragment()
    {
        var state = new AgentGuard.Policies.SessionState("s", maxHistory: 10, now: 0);
        state.Observe(ValueOrigin.Prompt, "Pay 50 EUR to DE89 3704 0044 0532 0130 00 please, or call +1 (555) 010-2030");

        state.WasSeen(ValueOrigin.Prompt, ValueNormalizer.Normalize("DE89370400440532013000")).Should().BeTrue("typed with spaces");
        state.WasSeen(ValueOrigin.Prompt, ValueNormalizer.Normalize("+1 555 010 2030")).Should().BeTrue();
        state.WasSeen(ValueOrigin.Prompt, "0532").Should().BeTrue("a four-character word is a token");
        state.WasSeen(ValueOrigin.Prompt, "89370400").Should().BeFalse("a fragment of a word is not a value that was seen");
    }
}
