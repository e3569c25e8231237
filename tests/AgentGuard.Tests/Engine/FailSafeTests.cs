using Microsoft.Extensions.DependencyInjection;

namespace AgentGuard.Tests.Engine;

/// <summary>A failing or slow policy denies only the risky call (or allows and alerts); other rules still apply; nothing throws into the agent.</summary>
public sealed class FailSafeTests
{
    private const string Tools = """ "Tools": { "delete_*": { "Tags": ["destructive"] }, "wire_money": { "Risk": "High" } }, """;

    private static IGuardEngine EngineWith(RecordingPolicy policy, string extra = "", string rules = "[]")
        => TestHost.Engine($$"""{ "AgentGuard": { {{Tools}} {{extra}} "Rules": {{rules}} } }""", b => b.AddPolicy(policy));

    [Fact]
    public async Task ThrowingPolicy_Auto_DeniesRiskyCall_AllowsOthersWithAlert()
    {
        var policy = new RecordingPolicy("flaky") { Behaviour = (_, _) => throw new InvalidOperationException("backend down") };
        var engine = EngineWith(policy);

        var risky = await engine.EvaluateAsync(TestHost.Call("delete_repo"), GuardContext.Empty);
        var highRisk = await engine.EvaluateAsync(TestHost.Call("wire_money"), GuardContext.Empty);
        var harmless = await engine.EvaluateAsync(TestHost.Call("get_weather"), GuardContext.Empty);

        risky.Effect.Should().Be(DecisionEffect.Deny);
        risky.IsFailure.Should().BeTrue();
        risky.RuleIds.Should().Equal("flaky");
        risky.ModelMessage.Should().Be("delete_repo was not run: its safety check could not be completed.");
        highRisk.Effect.Should().Be(DecisionEffect.Deny);
        harmless.Effect.Should().Be(DecisionEffect.Allow);
        harmless.Alert.Should().BeTrue();
    }

    [Fact]
    public async Task SlowPolicy_ExceedsBudget_FailsSafe()
    {
        var policy = new RecordingPolicy("slow")
        {
            Budget = TimeSpan.FromMilliseconds(50),
            Behaviour = async (_, ct) => { await Task.Delay(Timeout.Infinite, ct); return PolicyVerdict.Allow(); },
        };
        var engine = EngineWith(policy);

        var decision = await engine.EvaluateAsync(TestHost.Call("delete_repo"), GuardContext.Empty);

        decision.Effect.Should().Be(DecisionEffect.Deny);
        decision.IsFailure.Should().BeTrue();
        decision.Reason.Should().Contain("exceeded its time budget of 50 ms");
    }

    [Fact]
    public async Task SlowPolicy_IgnoringCancellation_StillFailsSafeWithinBudget()
    {
        var policy = new RecordingPolicy("stubborn")
        {
            Budget = TimeSpan.FromMilliseconds(50),
            Behaviour = async (_, _) => { await Task.Delay(TimeSpan.FromSeconds(30)); return PolicyVerdict.Allow(); },
        };
        var engine = EngineWith(policy);

        var decision = await engine.EvaluateAsync(TestHost.Call("get_weather"), GuardContext.Empty).AsTask().WaitAsync(TimeSpan.FromSeconds(5));

        decision.Effect.Should().Be(DecisionEffect.Allow);
        decision.Alert.Should().BeTrue();
    }

    [Theory]
    [InlineData(FailureMode.Deny, DecisionEffect.Deny)]
    [InlineData(FailureMode.RequireApproval, DecisionEffect.RequireApproval)]
    [InlineData(FailureMode.AllowWithAlert, DecisionEffect.Allow)]
    public async Task ThrowingPolicy_OwnFailureMode_Applies(FailureMode mode, DecisionEffect expected)
    {
        var policy = new RecordingPolicy("p") { Mode = mode, Behaviour = (_, _) => throw new InvalidOperationException() };

        var decision = await EngineWith(policy).EvaluateAsync(TestHost.Call("delete_repo"), GuardContext.Empty);

        decision.Effect.Should().Be(expected);
        decision.IsFailure.Should().BeTrue();
    }

    [Fact]
    public async Task ThrowingPolicy_OtherRulesStillApply()
    {
        var policy = new RecordingPolicy("flaky") { Mode = FailureMode.AllowWithAlert, Behaviour = (_, _) => throw new InvalidOperationException() };
        var engine = EngineWith(policy, rules: """[ { "Id": "no-rm", "Effect": "Deny", "Match": { "Tools": ["rm"] } } ]""");

        var decision = await engine.EvaluateAsync(TestHost.Call("rm"), GuardContext.Empty);

        decision.Effect.Should().Be(DecisionEffect.Deny);
        decision.RuleIds.Should().Equal("no-rm");
        decision.IsFailure.Should().BeFalse("a real deny decided, not the failure");
        decision.Alert.Should().BeTrue();
    }

    [Fact]
    public async Task RegexTimeout_RuleFails_GlobalOnErrorApplies()
    {
        // The lookahead keeps the pattern off the linear engine (see RuleRegex), so it can still run out of time.
        var engine = TestHost.Engine($$"""
        {
          "AgentGuard": {
            {{Tools}}
            "OnError": "Deny",
            "Rules": [ { "Id": "catastrophic", "Effect": "Deny", "Match": { "Tools": ["search"] }, "When": { "Arguments": [ { "Path": "$.q", "Regex": "^(?=a)(a+)+$" } ] } } ]
          }
        }
        """);
        var hostile = new string('a', 40_000) + "!";

        var decision = await engine.EvaluateAsync(TestHost.Call("search", $$"""{ "q": "{{hostile}}" }"""), GuardContext.Empty);

        decision.Effect.Should().Be(DecisionEffect.Deny);
        decision.IsFailure.Should().BeTrue();
        decision.Reason.Should().Contain("rule 'catastrophic' failed: RegexMatchTimeoutException");
    }

    [Fact]
    public async Task ThrowingClassifier_FailsSafe()
    {
        var engine = TestHost.Engine("""{ "AgentGuard": { "Rules": [] } }""", b => b.Services.AddSingleton<IToolClassifier, ThrowingClassifier>());

        var decision = await engine.EvaluateAsync(TestHost.Call("payments", tags: "payment"), GuardContext.Empty);

        decision.Effect.Should().Be(DecisionEffect.Deny, "payment is a risky tag");
        decision.IsFailure.Should().BeTrue();
    }

    [Fact]
    public async Task CodePolicy_VerdictsCombineUnderPrecedence()
    {
        var approve = new RecordingPolicy("approve-all") { Behaviour = (_, _) => new(PolicyVerdict.RequireApproval("four eyes")) };
        var engine = TestHost.Engine(
            """{ "AgentGuard": { "Rules": [ { "Id": "allow-read", "Effect": "Allow", "Match": { "Tools": ["read"] } }, { "Id": "deny-rm", "Effect": "Deny", "Match": { "Tools": ["rm"] } } ] } }""",
            b => b.AddPolicy(approve));

        (await engine.EvaluateAsync(TestHost.Call("read"), GuardContext.Empty)).Effect.Should().Be(DecisionEffect.RequireApproval);
        (await engine.EvaluateAsync(TestHost.Call("rm"), GuardContext.Empty)).RuleIds.Should().Equal("deny-rm");
        approve.Seen.Should().HaveCount(2);
    }

    private sealed class ThrowingClassifier : IToolClassifier
    {
        public RiskLevel Classify(ToolCallEvent toolCall, GuardContext context, ICollection<string> tags) => throw new InvalidOperationException("label service down");
    }
}
