using AgentGuard.Tests.Audit;
using Microsoft.Extensions.Configuration;

namespace AgentGuard.Tests.Engine;

/// <summary>
/// Named policies (<c>AgentGuard:Policies:&lt;name&gt;</c>): a call is decided by the top-level rules together with
/// its pipeline's policy. Tried as an attacker would: no name reaches a weaker policy, a typo never falls back.
/// </summary>
public sealed class NamedPolicyTests
{
    private const string Json = """
        {
          "AgentGuard": {
            "Rules": [ { "Id": "no-wire", "Effect": "Deny", "Match": { "Tools": ["wire_money"] } } ],
            "Policies": {
              "billing": {
                "DefaultDecision": "Deny",
                "Rules": [
                  { "Id": "billing-read", "Effect": "Allow", "Match": { "Tools": ["read_*"] } },
                  { "Id": "billing-wire", "Effect": "Allow", "Match": { "Tools": ["wire_money"] } }
                ]
              },
              "support": { "Rules": [ { "Id": "support-no-refund", "Effect": "RequireApproval", "Match": { "Tools": ["refund"] } } ] }
            }
          }
        }
        """;

    [Fact]
    public async Task NamedPolicy_AddsItsRulesAndDefault_TopLevelRulesStillApply()
    {
        var engine = TestHost.Engine(Json);
        var billing = new GuardContext { Policy = "billing" };

        (await engine.EvaluateAsync(TestHost.Call("read_invoice"), billing)).RuleIds.Should().Equal("billing-read");
        (await engine.EvaluateAsync(TestHost.Call("delete_file"), billing)).Effect.Should().Be(DecisionEffect.Deny, "billing's default is Deny");
        (await engine.EvaluateAsync(TestHost.Call("wire_money"), billing)).Should().Match<Decision>(
            d => d.Effect == DecisionEffect.Deny && d.RuleIds.Contains("no-wire"), "a named policy's allow never beats a top-level deny");
        (await engine.EvaluateAsync(TestHost.Call("refund"), billing)).Effect.Should().Be(DecisionEffect.Deny, "support's rules are not billing's");
    }

    [Fact]
    public async Task NoPolicyName_IsTheTopLevelPolicy_WithoutTheNamedRules()
    {
        var engine = TestHost.Engine(Json);

        (await engine.EvaluateAsync(TestHost.Call("delete_file"), GuardContext.Empty)).Effect.Should().Be(DecisionEffect.Allow);
        (await engine.EvaluateAsync(TestHost.Call("refund"), GuardContext.Empty)).Effect.Should().Be(DecisionEffect.Allow);
        (await engine.EvaluateAsync(TestHost.Call("refund"), new GuardContext { Policy = "SUPPORT" })).Effect.Should().Be(DecisionEffect.RequireApproval, "names ignore case, as configuration keys do");
    }

    [Theory]
    [InlineData("biling")]
    [InlineData("billing ")]
    [InlineData("")]
    [InlineData("Rules")]
    public async Task UnknownPolicyName_DeniesWithAnAlert_NeverFallsBackToTheTopLevelPolicy(string name)
    {
        var audit = new RecordingAuditSink();
        var engine = TestHost.Engine(Json, b => b.AddAuditSink(audit));

        var decision = await engine.EvaluateAsync(TestHost.Call("read_invoice"), new GuardContext { Policy = name });

        decision.Effect.Should().Be(DecisionEffect.Deny);
        decision.RuleIds.Should().Equal("agentguard:unknown-policy");
        decision.Alert.Should().BeTrue();
        decision.IsFailure.Should().BeTrue();
        audit.Records.Should().ContainSingle().Which.Policy.Should().Be(name);
    }

    [Fact]
    public void ErrorsInANamedPolicy_FailAtStart_NamingThePolicyRuleAndField()
    {
        var start = () => TestHost.Engine("""
            { "AgentGuard": {
                "Rules": [ { "Id": "shared", "Effect": "Deny", "Match": { "Tools": ["x"] } } ],
                "Policies": { "billing": { "DefaultDecision": "Maybe", "Rules": [
                  { "Id": "bad", "Effect": "Deny", "When": { "Sequence": { "Tools": ["a"], "Within": "5 minutes" } } },
                  { "Id": "shared", "Effect": "Allow" } ] } } } }
            """);

        start.Should().Throw<Exception>().Which.ToString().Should()
            .Contain("AgentGuard:Policies:billing:DefaultDecision")
            .And.Contain("AgentGuard:Policies:billing:Rules[0] (bad): When.Sequence.Within")
            .And.Contain("AgentGuard:Policies:billing:Rules[1] (shared): Id 'shared' is used by more than one rule");
    }

    [Fact]
    public void MisspelledKeyInANamedPolicy_FailsAtStart()
    {
        var start = () => TestHost.Engine("""{ "AgentGuard": { "Policies": { "billing": { "Rulez": [] } } } }""");

        start.Should().Throw<Exception>().Which.ToString().Should().Contain("AgentGuard:Policies:billing:Rulez");
    }

    [Fact]
    public async Task ReloadThatRemovesANamedPolicy_DeniesItsCalls_DoesNotFallBack()
    {
        var rules = new Dictionary<string, string?>
        {
            ["AgentGuard:Rules:0:Id"] = "no-rm",
            ["AgentGuard:Rules:0:Effect"] = "Deny",
            ["AgentGuard:Rules:0:Match:Tools:0"] = "rm",
        };
        var source = new ReplaceableSource(new(rules) { ["AgentGuard:Policies:billing:DefaultDecision"] = "Allow" });
        var configuration = new ConfigurationBuilder().Add(source).Build();
        var services = new ServiceCollection();
        services.AddAgentGuard(configuration.GetSection("AgentGuard"));
        var engine = services.BuildServiceProvider().GetRequiredService<IGuardEngine>();
        var billing = new GuardContext { Policy = "billing" };
        (await engine.EvaluateAsync(TestHost.Call("ls"), billing)).Effect.Should().Be(DecisionEffect.Allow);

        source.Provider.Replace(rules);

        (await engine.EvaluateAsync(TestHost.Call("ls"), billing)).RuleIds.Should().Equal("agentguard:unknown-policy");
    }
}
