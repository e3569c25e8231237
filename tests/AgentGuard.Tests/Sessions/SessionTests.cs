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
    public void WasSeen_TypedAndWordKeys_WholeValuesOnly_OriginsApart()
    {
        var state = new AgentGuard.Policies.SessionState("s", maxHistory: 10, now: 0);
        state.Observe(ValueOrigin.Prompt, "Pay 50 EUR to DE89 3704 0044 0532 0130 00 for Bob Smith, or mail carol@corp.test");

        state.WasSeen(ValueOrigin.Prompt, "i:DE89370400440532013000").Should().BeTrue("typed with spaces");
        state.WasSeen(ValueOrigin.Prompt, "e:carol@corp.test").Should().BeTrue();
        state.WasSeen(ValueOrigin.Prompt, SeenTokens.WordsKey(" bob smith ")).Should().BeTrue();
        state.WasSeen(ValueOrigin.Prompt, SeenTokens.WordsKey(" ob smi ")).Should().BeFalse("fragments of words are not values that were seen");
        state.WasSeen(ValueOrigin.Prompt, "i:DE44500105175407324931").Should().BeFalse();
        state.WasSeen(ValueOrigin.Trusted, "i:DE89370400440532013000").Should().BeFalse("origins are kept apart");
    }

    [Fact]
    public void APromptSeenAgain_IsNotRememberedTwice_WhetherTheSameStringOrAnEqualCopy_AndAChangeIsRemembered()
    {
        var state = new AgentGuard.Policies.SessionState("s", maxHistory: 10, now: 0);
        var first = "Pay 50 EUR to DE89 3704 0044 0532 0130 00 for Bob Smith";
        state.Observe(ValueOrigin.Prompt, first);
        var once = state.SeenBytes;

        state.Observe(ValueOrigin.Prompt, first);
        state.Observe(ValueOrigin.Prompt, new string(first.AsSpan()));
        state.Observe(ValueOrigin.Prompt, first);
        state.SeenBytes.Should().Be(once, "the same prompt, as the same string or an equal copy, is remembered once");

        state.Observe(ValueOrigin.Prompt, "Pay 70 EUR to DE44 5001 0517 5407 3249 31 for Carol Jones");
        state.WasSeen(ValueOrigin.Prompt, "i:DE44500105175407324931").Should().BeTrue("a changed prompt is remembered");

        // Same length as the first, different text: the length alone must not make it the prompt seen last.
        var sameLength = "Pay 50 EUR to DE89 3704 0044 0532 0130 00 for Bob Smyth";
        sameLength.Length.Should().Be(first.Length);
        state.Observe(ValueOrigin.Prompt, first);
        state.Observe(ValueOrigin.Prompt, sameLength);
        state.WasSeen(ValueOrigin.Prompt, SeenTokens.WordsKey(" bob smyth ")).Should().BeTrue();
    }

    [Fact]
    public void SeenTokens_Extract_TypedValuesAndShortWordRuns_NeverAcrossATypedValue()
    {
        var keys = SeenTokens.Extract("Pay Bob Smith at DE89 3704 0044 0532 0130 00 today");

        keys.Should().Contain(["i:DE89370400440532013000", SeenTokens.WordsKey(" bob smith "), SeenTokens.WordsKey(" pay bob smith ")]);
        keys.Should().NotContain(SeenTokens.WordsKey(" smith at today "), "a typed value breaks word runs");
        keys.Should().OnlyContain(k => !k.Contains("3704 0044", StringComparison.Ordinal));
    }
}
