namespace AgentGuard.Tests.Policies;

/// <summary>
/// The rule index as an attacker sees it: a way past a rule would be a call the index never shows the rule. Each
/// policy has enough rules on the same tool that the index splits them by a session fact.
/// </summary>
public sealed class RuleIndexTests
{
    /// <summary>Twelve allow rules for teams t0..t11 on <c>send</c> at <c>srv-1</c>, then <paramref name="extra"/>.</summary>
    private static string Policy(string extra)
    {
        var allows = string.Join(",", Enumerable.Range(0, 12).Select(i =>
            $$"""{ "Id": "allow-{{i}}", "Effect": "Allow", "Match": { "Tools": ["send"], "Sources": ["srv-1"] }, "When": { "Teams": ["t{{i}}"] } }"""));
        return $$"""{ "AgentGuard": { "DefaultDecision": "Deny", "Rules": [ {{allows}}, {{extra}} ] } }""";
    }

    private static ToolCallEvent Send(string? source = "srv-1", params string[] tags) => new("send", ToolKind.McpTool) { Source = source, Tags = tags };

    private static GuardContext Session(string? team = "t3", params string?[] groups)
        => new() { SessionId = "s", Team = team, User = new GuardUser("u") { Groups = groups! } };

    [Fact]
    public async Task UserInManyGroupsWithBigBuckets_StillSeesTheLastRule_WhenThePositionsOutgrowTheStackBuffer()
    {
        // 3 groups x 70 allow rules each, a user in all three: 210 positions to look at, more than the 128 the engine
        // keeps on the stack; the deny rule sits in the last group's bucket, after every allow rule.
        var allows = string.Join(",", Enumerable.Range(0, 210).Select(i =>
            $$"""{ "Id": "allow-{{i}}", "Effect": "Allow", "Match": { "Tools": ["send"] }, "When": { "User": { "Groups": ["g{{i % 3}}"] } } }"""));
        var engine = TestHost.Engine($$"""{ "AgentGuard": { "DefaultDecision": "Deny", "Rules": [ {{allows}}, { "Id": "no-g2", "Effect": "Deny", "Match": { "Tools": ["send"] }, "When": { "User": { "Groups": ["G2"] } } } ] } }""");

        var all = await engine.EvaluateAsync(Send(), Session(null, "g0", "g1", "g2"));
        var two = await engine.EvaluateAsync(Send(), Session(null, "g0", "g1"));

        all.RuleIds.Should().Equal("no-g2");
        two.Effect.Should().Be(DecisionEffect.Allow);
        two.RuleIds.Should().HaveCount(140).And.OnlyContain(id => id.StartsWith("allow-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Group_InAnotherCase_StillFiresTheRuleKeyedByIt()
    {
        var engine = TestHost.Engine(Policy("""{ "Id": "no-finance", "Effect": "Deny", "Match": { "Tools": ["send"] }, "When": { "User": { "Groups": ["Finance"] } } }"""));

        (await engine.EvaluateAsync(Send(), Session("t3", "FINANCE"))).RuleIds.Should().Equal("no-finance");
        (await engine.EvaluateAsync(Send(), Session("t3", "other", "finance"))).RuleIds.Should().Equal("no-finance");
        (await engine.EvaluateAsync(Send(), Session("t3", "other"))).RuleIds.Should().Equal("allow-3");
    }

    [Fact]
    public async Task Team_InAnotherCase_StillFiresTheRuleKeyedByIt()
    {
        var engine = TestHost.Engine(Policy("""{ "Id": "no-red", "Effect": "Deny", "Match": { "Sources": ["srv-1"] }, "When": { "Teams": ["Red"] } }"""));

        (await engine.EvaluateAsync(Send(), Session("RED"))).RuleIds.Should().Equal("no-red");
        (await engine.EvaluateAsync(Send(), Session("T3"))).RuleIds.Should().Equal("allow-3");
    }

    [Fact]
    public async Task SourceGlob_IsNotDroppedByTheIndex()
    {
        var engine = TestHost.Engine(Policy("""{ "Id": "no-srv", "Effect": "Deny", "Match": { "Sources": ["SRV-*"] } }"""));

        (await engine.EvaluateAsync(Send(), Session())).RuleIds.Should().Equal("no-srv");
        (await engine.EvaluateAsync(Send("srv-9"), Session())).RuleIds.Should().Equal("no-srv");
        (await engine.EvaluateAsync(Send("other"), Session())).RuleIds.Should().BeEmpty("the default denies; no rule matched");
    }

    [Fact]
    public async Task EventTag_InAnotherCase_FiresTheTagRule_OnEveryCallThatCarriesIt()
    {
        var engine = TestHost.Engine(Policy("""{ "Id": "no-pii", "Effect": "Deny", "Match": { "Tags": ["pii"] } }"""));

        for (var i = 0; i < 3; i++)
        {
            // The first call fills the per-tag-set cache; the later ones read it.
            (await engine.EvaluateAsync(Send("srv-1", "PII"), Session())).RuleIds.Should().Equal("no-pii");
            (await engine.EvaluateAsync(Send("srv-1", "other", "pii"), Session())).RuleIds.Should().Equal("no-pii");
            (await engine.EvaluateAsync(Send("srv-1"), Session())).RuleIds.Should().Equal("allow-3");
        }
    }

    [Fact]
    public async Task NullGroupsAndTags_AreDecided_NotThrown()
    {
        var engine = TestHost.Engine(Policy("""{ "Id": "no-finance", "Effect": "Deny", "Match": { "Tools": ["send"] }, "When": { "User": { "Groups": ["finance"] } } }"""));

        (await engine.EvaluateAsync(Send("srv-1", null!, "x"), Session("t3", null, "finance"))).RuleIds.Should().Equal("no-finance");
        (await engine.EvaluateAsync(Send("srv-1", [null!]), Session(null, [null]))).Effect.Should().Be(DecisionEffect.Deny);
    }

    [Fact]
    public async Task RepeatedDecision_IsShared_AndCarriesTheCallsOwnTags()
    {
        var engine = TestHost.Engine(Policy("""{ "Id": "no-red", "Effect": "Deny", "Match": { "Sources": ["srv-1"] }, "When": { "Teams": ["red"] } }, { "Id": "no-red-2", "Effect": "Deny", "Match": { "Tools": ["send"] }, "When": { "Teams": ["red"] } }"""));

        var first = await engine.EvaluateAsync(Send("srv-1", "a"), Session("red"));
        var second = await engine.EvaluateAsync(Send("srv-1", "a"), Session("red"));
        var otherTags = await engine.EvaluateAsync(Send("srv-1", "b"), Session("red"));

        second.Should().BeSameAs(first);
        first.RuleIds.Should().Equal("no-red", "no-red-2");
        first.Tags.Should().Equal("a");
        otherTags.Tags.Should().Equal("b");
        otherTags.RuleIds.Should().Equal("no-red", "no-red-2");
    }

    [Fact]
    public async Task NamedPolicyRules_AreReportedAfterTheTopLevelOnes()
    {
        var json = """
        { "AgentGuard": { "Rules": [
            { "Id": "top-b", "Effect": "Deny", "Match": { "Tools": ["send"] } },
            { "Id": "top-a", "Effect": "Deny", "Match": { "Sources": ["srv-1"] } } ],
          "Policies": { "strict": { "Rules": [ { "Id": "named", "Effect": "Deny", "Match": { "Tools": ["*"] } } ] } } } }
        """;
        var engine = TestHost.Engine(json);

        var decision = await engine.EvaluateAsync(Send(), new GuardContext { Policy = "strict" });

        decision.RuleIds.Should().Equal("top-b", "top-a", "named");
    }
}
