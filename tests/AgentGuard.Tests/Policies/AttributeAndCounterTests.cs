namespace AgentGuard.Tests.Policies;

/// <summary>
/// What large policies need to say without emulation: an attribute with a set of values, a counter the host keeps, and
/// labels the host already knows about a session.
/// </summary>
public sealed class AttributeAndCounterTests
{
    private static GuardContext With(params (string Key, string Value)[] attributes)
        => new() { Attributes = attributes.ToDictionary(a => a.Key, a => a.Value) };

    [Fact]
    public async Task AttributesAnyOf_HoldsForAnyListedValue_IgnoringCase()
    {
        var engine = TestHost.Engine("""
        { "AgentGuard": { "Rules": [ { "Id": "premium-review", "Effect": "RequireApproval", "Match": { "Tools": ["refund"] },
            "When": { "AttributesAnyOf": { "tier": ["gold", "silver"] }, "Attributes": { "region": "eu" } } } ] } }
        """);

        (await engine.EvaluateAsync(TestHost.Call("refund"), With(("tier", "GOLD"), ("region", "eu")))).Effect.Should().Be(DecisionEffect.RequireApproval);
        (await engine.EvaluateAsync(TestHost.Call("refund"), With(("tier", "silver"), ("region", "EU")))).Effect.Should().Be(DecisionEffect.RequireApproval);
        (await engine.EvaluateAsync(TestHost.Call("refund"), With(("tier", "bronze"), ("region", "eu")))).Effect.Should().Be(DecisionEffect.Allow);
        (await engine.EvaluateAsync(TestHost.Call("refund"), With(("tier", "gold"), ("region", "us")))).Effect.Should().Be(DecisionEffect.Allow);
        (await engine.EvaluateAsync(TestHost.Call("refund"), GuardContext.Empty)).Effect.Should().Be(DecisionEffect.Allow);
    }

    private const string SpendLimit = """
    { "AgentGuard": { "Rules": [ { "Id": "spend-cap", "Effect": "Deny", "OnError": "Deny", "Match": { "Tools": ["pay"] },
        "When": { "Counters": { "spend_today": { "GreaterThan": 1000 } } } } ] } }
    """;

    [Theory]
    [InlineData("1250.50", DecisionEffect.Deny)]
    [InlineData("1000", DecisionEffect.Allow)]
    [InlineData("999.99", DecisionEffect.Allow)]
    [InlineData("1e4", DecisionEffect.Deny)]
    public async Task Counter_ComparesTheHostsNumber(string spend, DecisionEffect expected)
    {
        var engine = TestHost.Engine(SpendLimit);

        var decision = await engine.EvaluateAsync(TestHost.Call("pay"), With(("spend_today", spend)));

        decision.Effect.Should().Be(expected);
        decision.IsFailure.Should().BeFalse();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("lots")]
    [InlineData("NaN")]
    [InlineData("1,250")]
    public async Task Counter_MissingOrNotANumber_IsARuleFailure_NotASilentAllow(string? spend)
    {
        var engine = TestHost.Engine(SpendLimit);
        var context = spend is null ? GuardContext.Empty : With(("spend_today", spend));

        var decision = await engine.EvaluateAsync(TestHost.Call("pay"), context);

        decision.Effect.Should().Be(DecisionEffect.Deny);
        decision.IsFailure.Should().BeTrue();
        decision.RuleIds.Should().Equal("spend-cap");
    }

    [Fact]
    public async Task Counter_CannotBeLoweredByTheCallsOwnAttributes()
    {
        var engine = TestHost.Engine(SpendLimit);
        var call = TestHost.Call("pay") with { Attributes = new Dictionary<string, string> { ["spend_today"] = "0" } };

        var decision = await engine.EvaluateAsync(call, With(("spend_today", "5000")));

        decision.Effect.Should().Be(DecisionEffect.Deny);
        decision.IsFailure.Should().BeFalse();
    }

    [Fact]
    public async Task Counter_FromTheUsersAttributes_WhenTheContextHasNone()
    {
        var engine = TestHost.Engine(SpendLimit);
        var context = new GuardContext { User = new GuardUser("alice") { Attributes = new Dictionary<string, string> { ["spend_today"] = "2000" } } };

        (await engine.EvaluateAsync(TestHost.Call("pay"), context)).Effect.Should().Be(DecisionEffect.Deny);
    }

    [Fact]
    public async Task LabelsTheHostSupplies_AreMatchedByDataTags()
    {
        var engine = TestHost.Engine("""
        { "AgentGuard": { "Rules": [ { "Id": "no-pii-out", "Effect": "Deny", "Match": { "Tools": ["send_*"] }, "When": { "DataTags": ["pii"] } } ] } }
        """);

        (await engine.EvaluateAsync(TestHost.Call("send_mail"), new GuardContext { DataTags = ["PII"] })).Effect.Should().Be(DecisionEffect.Deny);
        (await engine.EvaluateAsync(TestHost.Call("send_mail"), new GuardContext { DataTags = ["public"] })).Effect.Should().Be(DecisionEffect.Allow);
    }

    [Theory]
    [InlineData("""{ "AttributesAnyOf": { "tier": [] } }""", "When.AttributesAnyOf.tier is empty")]
    [InlineData("""{ "Counters": { "spend": { } } }""", "When.Counters.spend has no bound")]
    [InlineData("""{ "Counters": { "spend": { "GreaterThan": 10, "LessThan": 5 } } }""", "can never both hold")]
    [InlineData("""{ "Counters": { "spend": { "GreaterThen": 10 } } }""", "did you mean 'GreaterThan'")]
    public void BadConditions_FailAtStart(string when, string message)
    {
        var act = () => TestHost.Engine($$"""{ "AgentGuard": { "Rules": [ { "Id": "r", "Effect": "Deny", "Match": { "Tools": ["x"] }, "When": {{when}} } ] } }""");

        act.Should().Throw<AgentGuardPolicyException>().Which.Message.Should().Contain(message);
    }
}
