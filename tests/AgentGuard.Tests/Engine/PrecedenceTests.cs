namespace AgentGuard.Tests.Engine;

public sealed class PrecedenceTests
{
    private const string Policy = """
    {
      "AgentGuard": {
        "Tools": { "send_*": { "Tags": ["external-send"] }, "*delete*": { "Tags": ["destructive"], "Risk": "High" } },
        "Rules": [
          { "Id": "allow-send", "Effect": "Allow", "Match": { "Tools": ["send_email"] } },
          { "Id": "approve-external", "Effect": "RequireApproval", "Match": { "Tags": ["external-send"] } },
          { "Id": "no-destructive-in-prod", "Effect": "Deny", "Match": { "Tags": ["destructive"] }, "When": { "Environments": ["prod"] } },
          { "Id": "external-users", "Effect": "Deny", "When": { "User": { "External": true }, "DataTags": ["internal-only"] } }
        ]
      }
    }
    """;

    [Fact]
    public async Task EvaluateAsync_NoRuleMatches_DefaultAllowIsReturned()
    {
        var engine = TestHost.Engine(Policy);

        var decision = await engine.EvaluateAsync(TestHost.Call("read_file"), GuardContext.Empty);

        decision.Effect.Should().Be(DecisionEffect.Allow);
        decision.RuleIds.Should().BeEmpty();
    }

    [Fact]
    public async Task EvaluateAsync_AllowAndRequireApprovalMatch_RequireApprovalWins()
    {
        var engine = TestHost.Engine(Policy);

        var decision = await engine.EvaluateAsync(TestHost.Call("send_email"), GuardContext.Empty);

        decision.Effect.Should().Be(DecisionEffect.RequireApproval);
        decision.RuleIds.Should().Equal("approve-external");
        decision.ModelMessage.Should().Be("send_email was not run: it requires approval by a person first.");
    }

    [Fact]
    public async Task EvaluateAsync_DenyAndRequireApprovalMatch_DenyWins()
    {
        var engine = TestHost.Engine(Policy);
        var context = new GuardContext { User = new GuardUser("eve") { IsExternal = true }, DataTags = ["internal-only"] };

        var decision = await engine.EvaluateAsync(TestHost.Call("send_email"), context);

        decision.Effect.Should().Be(DecisionEffect.Deny);
        decision.RuleIds.Should().Equal("external-users");
        decision.Evidence.Should().Contain("user.external=true").And.Contain("data tag any of [internal-only]");
        decision.ModelMessage.Should().Be("send_email was not run: this action is not permitted by policy.");
    }

    [Fact]
    public async Task EvaluateAsync_ConditionDoesNotHold_RuleDoesNotApply()
    {
        var engine = TestHost.Engine(Policy);

        var dev = await engine.EvaluateAsync(TestHost.Call("delete_repo"), new GuardContext { Environment = "dev" });
        var prod = await engine.EvaluateAsync(TestHost.Call("delete_repo"), new GuardContext { Environment = "prod" });

        dev.Effect.Should().Be(DecisionEffect.Allow);
        prod.Effect.Should().Be(DecisionEffect.Deny);
        prod.RuleIds.Should().Equal("no-destructive-in-prod");
    }
}
