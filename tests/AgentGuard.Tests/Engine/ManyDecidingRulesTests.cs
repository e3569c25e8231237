namespace AgentGuard.Tests.Engine;

/// <summary>
/// A call decided by several rules at once (broad allows by team, tag and tool) gets its decision from the candidate
/// set's cache, up to eight deciding rules; beyond that it is built each time. Either way it names every deciding rule
/// in policy order, and rules of another effect never leak into its key.
/// </summary>
public sealed class ManyDecidingRulesTests
{
    private static string Policy(int allows, int denies = 0)
    {
        var rules = Enumerable.Range(0, allows).Select(i => $$"""{ "Id": "allow-{{i}}", "Effect": "Allow", "Match": { "Tools": ["send"] }, "When": { "Teams": ["t{{i % 3}}", "payments"] } }""")
            .Concat(Enumerable.Range(0, denies).Select(i => $$"""{ "Id": "deny-{{i}}", "Effect": "Deny", "Match": { "Tools": ["send"] }, "When": { "Environments": ["prod"] } }"""));
        return $$"""{ "AgentGuard": { "DefaultDecision": "Deny", "Rules": [ {{string.Join(",", rules)}} ] } }""";
    }

    [Theory]
    [InlineData(5)]
    [InlineData(8)]
    public async Task UpToEightDecidingRules_TheDecisionIsMadeOnceAndShared(int allows)
    {
        var engine = TestHost.Engine(Policy(allows));
        var context = new GuardContext { Team = "payments", SessionId = "s" };

        var first = await engine.EvaluateAsync(TestHost.Call("send"), context);
        var second = await engine.EvaluateAsync(TestHost.Call("send"), context);

        first.Effect.Should().Be(DecisionEffect.Allow);
        first.RuleIds.Should().Equal(Enumerable.Range(0, allows).Select(i => $"allow-{i}"));
        second.Should().BeSameAs(first);
    }

    [Fact]
    public async Task NineDecidingRules_DecidedExactlyEachTime()
    {
        var engine = TestHost.Engine(Policy(9));
        var context = new GuardContext { Team = "PAYMENTS" };

        var first = await engine.EvaluateAsync(TestHost.Call("send"), context);
        var second = await engine.EvaluateAsync(TestHost.Call("send"), context);

        first.RuleIds.Should().Equal(Enumerable.Range(0, 9).Select(i => $"allow-{i}"));
        second.RuleIds.Should().Equal(first.RuleIds);
        second.Effect.Should().Be(DecisionEffect.Allow);
    }

    [Fact]
    public async Task EightAllowsAndADeny_TheDenyDecidesAlone_AndTheAllowOnlyCaseKeepsItsOwnDecision()
    {
        // Same candidate set, two keys: in prod the deny decides (its key holds the deny only); elsewhere the eight allows.
        var engine = TestHost.Engine(Policy(8, denies: 1));

        var prod = await engine.EvaluateAsync(TestHost.Call("send"), new GuardContext { Team = "payments", Environment = "prod" });
        var dev = await engine.EvaluateAsync(TestHost.Call("send"), new GuardContext { Team = "payments", Environment = "dev" });
        var prodAgain = await engine.EvaluateAsync(TestHost.Call("send"), new GuardContext { Team = "payments", Environment = "prod" });

        prod.Effect.Should().Be(DecisionEffect.Deny);
        prod.RuleIds.Should().Equal("deny-0");
        dev.Effect.Should().Be(DecisionEffect.Allow);
        dev.RuleIds.Should().HaveCount(8);
        prodAgain.Should().BeSameAs(prod);
    }
}
