namespace AgentGuard.Tests.Engine;

public sealed class ShadowModeTests
{
    [Fact]
    public async Task EvaluateAsync_AuditMode_RecordsDenyButAllows()
    {
        var engine = TestHost.Engine("""{ "AgentGuard": { "Mode": "Audit", "Rules": [ { "Id": "no-rm", "Effect": "Deny", "Match": { "Tools": ["rm"] } } ] } }""");

        var decision = await engine.EvaluateAsync(TestHost.Call("rm"), GuardContext.Empty);

        decision.Effect.Should().Be(DecisionEffect.Allow);
        decision.IsAllowed.Should().BeTrue();
        decision.PolicyEffect.Should().Be(DecisionEffect.Deny);
        decision.IsShadow.Should().BeTrue();
        decision.RuleIds.Should().Equal("no-rm");
    }
}
