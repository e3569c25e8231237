namespace AgentGuard.Tests.Soundness;

/// <summary>
/// Arguments the engine cannot read (too large, too deep, not JSON, a name twice) must not switch argument rules off:
/// every rule that reads arguments contributes its own <c>OnError</c> outcome; a rule that reads none is unaffected.
/// </summary>
public sealed class UnreadableArgumentsTests
{
    private static readonly string Oversized = "{\"iban\":\"" + new string('A', 2_000) + "\"}";
    private static readonly string TooDeep = new string('[', 80) + new string(']', 80);

    private static IGuardEngine Engine(string rules, string extra = "") => TestHost.Engine($$"""
    { "AgentGuard": { "Arguments": { "MaxLength": 1000, "MaxDepth": 16 }, {{extra}} "Rules": [ {{rules}} ] } }
    """);

    private static ToolCallEvent Payment(string json) => new("pay") { Arguments = ToolArguments.FromJson(json, new ToolArgumentLimits { MaxLength = 1000, MaxDepth = 16 }) };

    public static TheoryData<string> UnreadableArguments => new() { Oversized, "{\"iban\": " + TooDeep + "}", "not json", """{"iban":"a","IBAN":"b"}""" };

    [Theory]
    [MemberData(nameof(UnreadableArguments))]
    public async Task DenyRuleOnArgument_UnreadableArguments_OnUntaggedTool_Denies(string json)
    {
        var engine = Engine("""{ "Id": "evil-iban", "Effect": "Deny", "Match": { "Tools": ["pay"] }, "When": { "Arguments": [ { "Path": "$.iban", "Contains": "EVIL" } ] } }""");

        var decision = await engine.EvaluateAsync(Payment(json), GuardContext.Empty);

        decision.Effect.Should().Be(DecisionEffect.Deny);
        decision.RuleIds.Should().Contain("evil-iban");
        decision.IsFailure.Should().BeTrue();
    }

    [Theory]
    [MemberData(nameof(UnreadableArguments))]
    public async Task ProvenanceRule_UnreadableArguments_Denies(string json)
    {
        var engine = Engine("""{ "Id": "payee", "Effect": "Deny", "Match": { "Tools": ["pay"] }, "When": { "Provenance": { "Argument": "$.iban" } } }""");
        (await engine.EvaluateAsync(Payment(json), new GuardContext { Prompt = "pay" })).Effect.Should().Be(DecisionEffect.Deny);
    }

    [Fact]
    public async Task ApprovalRule_UnreadableArguments_AsksForApproval()
    {
        var engine = Engine("""{ "Id": "big", "Effect": "RequireApproval", "Match": { "Tools": ["pay"] }, "When": { "Arguments": [ { "Path": "$.amount", "GreaterThan": 100 } ] } }""");
        (await engine.EvaluateAsync(Payment(Oversized), GuardContext.Empty)).Effect.Should().Be(DecisionEffect.RequireApproval);
    }

    [Fact]
    public async Task RuleOwnOnError_IsHonoured()
    {
        var engine = Engine("""{ "Id": "lenient", "Effect": "Deny", "OnError": "AllowWithAlert", "Match": { "Tools": ["pay"] }, "When": { "Arguments": [ { "Path": "$.iban", "Contains": "EVIL" } ] } }""");
        var decision = await engine.EvaluateAsync(Payment(Oversized), GuardContext.Empty);
        decision.Effect.Should().Be(DecisionEffect.Allow);
        decision.Alert.Should().BeTrue();
    }

    [Fact]
    public async Task AllowRuleOnArgument_UnreadableArguments_GrantsNothing()
    {
        var engine = Engine(
            """{ "Id": "small-payments", "Effect": "Allow", "Match": { "Tools": ["pay"] }, "When": { "Arguments": [ { "Path": "$.amount", "LessThan": 100 } ] } }""",
            "\"DefaultDecision\": \"Deny\",");
        (await engine.EvaluateAsync(Payment(Oversized), GuardContext.Empty)).Effect.Should().Be(DecisionEffect.Deny);
        (await engine.EvaluateAsync(Payment("""{"amount": 5}"""), GuardContext.Empty)).Effect.Should().Be(DecisionEffect.Allow);
    }

    [Fact]
    public async Task RuleAboutAnotherUser_UnreadableArguments_StaysOut()
    {
        var engine = Engine("""{ "Id": "bob-only", "Effect": "Deny", "Match": { "Tools": ["pay"] }, "When": { "User": { "Ids": ["bob"] }, "Arguments": [ { "Path": "$.iban", "Exists": true } ] } }""");
        var decision = await engine.EvaluateAsync(Payment(Oversized), new GuardContext { User = new GuardUser("alice") });
        decision.RuleIds.Should().NotContain("bob-only");
    }

    [Fact]
    public async Task RuleReadingNoArgument_UnreadableArguments_DecidesAsUsual()
    {
        var engine = Engine("""{ "Id": "finance-ok", "Effect": "Allow", "Match": { "Tools": ["pay"] }, "When": { "User": { "Groups": ["finance"] } } }""", "\"DefaultDecision\": \"Deny\", \"OnError\": \"AllowWithAlert\",");
        var decision = await engine.EvaluateAsync(Payment(Oversized), new GuardContext { User = new GuardUser("alice") { Groups = ["finance"] } });
        decision.Effect.Should().Be(DecisionEffect.Allow);
        decision.RuleIds.Should().Contain("finance-ok");
    }
}
