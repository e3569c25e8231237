namespace AgentGuard.Tests.Soundness;

/// <summary>
/// Argument rules apply to every element a <c>[*]</c> path selects, and to argument names whatever their case.
/// Semantics per condition: <c>Arguments</c> holds when any selected value passes (for <c>NotOneOf</c>, when all do);
/// <c>Provenance</c> holds (the rule applies) when any selected value did not come from an allowed origin.
/// </summary>
public sealed class ArgumentPathAttackTests
{
    private static IGuardEngine Engine(string when) => TestHost.Engine($$"""
    {
      "AgentGuard": {
        "Rules": [ { "Id": "r", "Effect": "Deny", "Match": { "Tools": ["send"] }, "When": {{when}} } ]
      }
    }
    """);

    private static async Task<DecisionEffect> Send(IGuardEngine engine, string arguments, string? prompt = null)
        => (await engine.EvaluateAsync(TestHost.Call("send", arguments), new GuardContext { Prompt = prompt })).Effect;

    [Theory]
    [InlineData("""{"recipients":["a@corp.com","x@evil.io"]}""", DecisionEffect.Deny)]
    [InlineData("""{"recipients":["x@evil.io","a@corp.com"]}""", DecisionEffect.Deny)]
    [InlineData("""{"recipients":["a@corp.com","b@corp.com"]}""", DecisionEffect.Allow)]
    [InlineData("""{"recipients":[]}""", DecisionEffect.Allow)]
    public async Task Arguments_LastSegmentWildcard_TestsEveryElement(string arguments, DecisionEffect expected)
        => (await Send(Engine("""{ "Arguments": [ { "Path": "$.recipients[*]", "Contains": "@evil.io" } ] }"""), arguments)).Should().Be(expected);

    [Theory]
    [InlineData("""{"to":[{"address":"a@corp.com"},{"address":"x@evil.io"}]}""", DecisionEffect.Deny)]
    [InlineData("""{"to":[{"address":"x@evil.io"},{"address":"a@corp.com"}]}""", DecisionEffect.Deny)]
    [InlineData("""{"to":[{"address":"a@corp.com"},{"address":"b@corp.com"}]}""", DecisionEffect.Allow)]
    public async Task Provenance_WildcardPath_EveryElementMustComeFromTheUser(string arguments, DecisionEffect expected)
        => (await Send(Engine("""{ "Provenance": { "Argument": "$.to[*].address", "From": ["prompt"] } }"""), arguments, "mail a@corp.com and b@corp.com")).Should().Be(expected);

    [Theory]
    [InlineData("""{"to":["a@corp.com","x@evil.io"]}""", DecisionEffect.Deny)]
    [InlineData("""{"to":{"primary":"a@corp.com","cc":"x@evil.io"}}""", DecisionEffect.Deny)]
    [InlineData("""{"to":["a@corp.com"]}""", DecisionEffect.Allow)]
    public async Task Provenance_PathSelectingAListOrObject_ChecksEveryValueInside(string arguments, DecisionEffect expected)
        => (await Send(Engine("""{ "Provenance": { "Argument": "$.to", "From": ["prompt"] } }"""), arguments, "mail a@corp.com")).Should().Be(expected);

    [Theory]
    [InlineData("""{"IBAN":"XX00 EVIL"}""")]
    [InlineData("""{"Iban":"XX00 EVIL"}""")]
    [InlineData("""{"payment":{"IBAN":"XX00 EVIL"}}""")]
    public async Task ArgumentNames_DifferentCase_StillTested(string arguments)
    {
        var engine = Engine("""{ "Arguments": [ { "Path": "$.iban", "Contains": "EVIL" } ] }""");
        var nested = Engine("""{ "Arguments": [ { "Path": "$.payment.iban", "Contains": "EVIL" } ] }""");
        var effect = arguments.Contains("payment", StringComparison.Ordinal) ? await Send(nested, arguments) : await Send(engine, arguments);
        effect.Should().Be(DecisionEffect.Deny);
    }

    [Theory]
    [InlineData("""{"iban":"GOOD","IBAN":"EVIL"}""")]
    [InlineData("""{"iban":"GOOD","iban":"EVIL"}""")]
    [InlineData("""{"payment":{"Iban":"EVIL","iBAN":"GOOD"}}""")]
    [InlineData("""{"iban":"GOOD","\u0049BAN":"EVIL"}""")]
    [InlineData("""{"iban":"GOOD","amount":1,"to":"x","IBAN":"EVIL"}""")]
    public void ArgumentNames_DuplicateIgnoringCase_AreMalformed(string arguments)
    {
        var parsed = ToolArguments.FromJson(arguments);
        parsed.IsMalformed.Should().BeTrue();
        parsed.Error.Should().NotContain("EVIL").And.NotContain("GOOD");
        ToolArguments.FromPairs([new("iban", "GOOD"), new("IBAN", "EVIL")]).IsMalformed.Should().BeTrue();
    }

    [Fact]
    public async Task ArgumentNames_DuplicateIgnoringCase_DenyRuleStillApplies()
        => (await Send(Engine("""{ "Arguments": [ { "Path": "$.iban", "Contains": "EVIL" } ] }"""), """{"iban":"GOOD","IBAN":"EVIL"}""")).Should().Be(DecisionEffect.Deny);

    [Theory]
    [InlineData("recipient", "does not start with '$'")]
    [InlineData("$[0]", "can never select anything")]
    [InlineData("$[*]", "can never select anything")]
    [InlineData("$.a.*", "not supported")]
    [InlineData("$.a[", "without a closing")]
    public void Paths_ThatCanNeverSelect_FailAtStart(string path, string message)
    {
        var act = () => TestHost.Engine($$"""
        { "AgentGuard": { "Rules": [ { "Id": "bad-path", "Effect": "Deny", "Match": { "Tools": ["send"] },
            "When": { "Arguments": [ { "Path": "{{path}}", "Exists": true } ] } } ] } }
        """);
        act.Should().Throw<AgentGuardPolicyException>().Which.Message.Should().Contain("bad-path").And.Contain(message);
    }
}
