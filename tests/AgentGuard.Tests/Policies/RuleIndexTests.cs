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
    public async Task EveryConstrainedFact_InAnotherCase_StillFiresTheRule_AlongsideTheSplitByTeam()
    {
        // Split by team (twelve buckets); the deny rule's other facts are checked by the per-rule gate, not the split.
        var engine = TestHost.Engine(Policy("""
            { "Id": "no-prod", "Effect": "Deny", "Match": { "Tools": ["send"] },
              "When": { "Teams": ["t3", "Ärger"], "Environments": ["Prod", "Staging"], "Agents": ["Bot-A"], "User": { "Ids": ["Alice"], "Groups": ["Finance", "HR"] } } }
            """));

        GuardContext Context(string team = "T3", string environment = "PROD", string agent = "bot-a", string user = "ALICE", params string[] groups)
            => new() { SessionId = "s", Team = team, Environment = environment, Agent = new GuardAgent(agent), User = new GuardUser(user) { Groups = groups.Length == 0 ? ["x", "hr"] : groups } };

        (await engine.EvaluateAsync(Send(), Context())).RuleIds.Should().Equal("no-prod");
        (await engine.EvaluateAsync(Send(), Context(team: "äRGER"))).RuleIds.Should().Equal("no-prod");
        (await engine.EvaluateAsync(Send(), Context(environment: "staging", groups: ["FINANCE"]))).RuleIds.Should().Equal("no-prod");
        (await engine.EvaluateAsync(Send(), Context(environment: "dev"))).RuleIds.Should().Equal("allow-3");
        (await engine.EvaluateAsync(Send(), Context(agent: "bot-b"))).RuleIds.Should().Equal("allow-3");
        (await engine.EvaluateAsync(Send(), Context(user: "bob"))).RuleIds.Should().Equal("allow-3");
        (await engine.EvaluateAsync(Send(), Context(groups: ["x", "y"]))).RuleIds.Should().Equal("allow-3");
    }

    [Fact]
    public async Task ManyValues_SharingTheGatesBits_EachFireOnlyTheirOwnRule()
    {
        // 300 teams and 300 environments hashed into a few dozen bits: many rules share bits, and the conditions decide.
        var rules = string.Join(",", Enumerable.Range(0, 300).Select(i =>
            $$"""{ "Id": "r{{i}}", "Effect": "{{(i % 2 == 0 ? "Allow" : "Deny")}}", "Match": { "Tools": ["*"] }, "When": { "Teams": ["team{{i}}"], "Environments": ["env{{i % 7}}", "ENV{{i % 11}}x"] } }"""));
        var engine = TestHost.Engine($$"""{ "AgentGuard": { "DefaultDecision": "RequireApproval", "Rules": [ {{rules}} ] } }""");

        for (var i = 0; i < 300; i++)
        {
            var matching = new GuardContext { SessionId = "s", Team = "TEAM" + i, Environment = "Env" + (i % 7) };
            var other = new GuardContext { SessionId = "s", Team = "team" + i, Environment = "env" + ((i + 1) % 7) + "x" };
            (await engine.EvaluateAsync(Send(), matching)).RuleIds.Should().Equal("r" + i);
            (await engine.EvaluateAsync(Send(), other)).Effect.Should().Be(i % 11 == (i + 1) % 7 ? (i % 2 == 0 ? DecisionEffect.Allow : DecisionEffect.Deny) : DecisionEffect.RequireApproval);
        }
    }

    [Fact]
    public async Task FactWithMoreValuesThanTheGateKeeps_IsStillDecidedByItsCondition()
    {
        var engine = TestHost.Engine(Policy("""
            { "Id": "three", "Effect": "Deny", "Match": { "Tools": ["send"] }, "When": { "Teams": ["a", "b", "t3"], "Environments": ["x", "y", "Z"], "User": { "Groups": ["g1", "g2", "g3"], "Ids": ["u", "v", "w"] } } }
            """));

        GuardContext Context(string team, string environment, string group) => new() { SessionId = "s", Team = team, Environment = environment, User = new GuardUser("U") { Groups = [group] } };

        (await engine.EvaluateAsync(Send(), Context("T3", "z", "G3"))).RuleIds.Should().Equal("three");
        (await engine.EvaluateAsync(Send(), Context("t3", "q", "g3"))).RuleIds.Should().Equal("allow-3");
        (await engine.EvaluateAsync(Send(), Context("t3", "x", "g4"))).RuleIds.Should().Equal("allow-3");
        (await engine.EvaluateAsync(Send(), Context("B", "Y", "G2"))).RuleIds.Should().Equal("three");
    }

    [Fact]
    public async Task SessionWithoutFacts_FiresOnlyTheRulesThatAskForNone()
    {
        var rules = string.Join(",", Enumerable.Range(0, 12).Select(i =>
            $$"""{ "Id": "team-{{i}}", "Effect": "Deny", "Match": { "Tools": ["send"] }, "When": { "Teams": ["t{{i}}"] } }"""));
        var engine = TestHost.Engine($$"""
            { "AgentGuard": { "DefaultDecision": "Deny", "Rules": [ {{rules}},
              { "Id": "anyone", "Effect": "Allow", "Match": { "Tools": ["send"] } },
              { "Id": "anonymous", "Effect": "Allow", "Match": { "Tools": ["send"] }, "When": { "User": { "Anonymous": true } } },
              { "Id": "grouped", "Effect": "Deny", "Match": { "Tools": ["send"] }, "When": { "User": { "Groups": ["g"] } } },
              { "Id": "agent", "Effect": "Deny", "Match": { "Tools": ["send"] }, "When": { "Agents": ["a"] } },
              { "Id": "env", "Effect": "Deny", "Match": { "Tools": ["send"] }, "When": { "Environments": ["e"] } } ] } }
            """);

        (await engine.EvaluateAsync(Send(), new GuardContext())).RuleIds.Should().Equal("anyone", "anonymous");
        (await engine.EvaluateAsync(Send(), new GuardContext { Team = "", Environment = "", Agent = new GuardAgent("") })).RuleIds.Should().Equal("anyone", "anonymous");
        (await engine.EvaluateAsync(Send(), Session(null, "G"))).RuleIds.Should().Equal("grouped");
    }

    [Fact]
    public async Task GroupsTheGateCannotSee_NotGroupsAndRoles_StillDecide()
    {
        var allows = string.Join(",", Enumerable.Range(0, 12).Select(i =>
            $$"""{ "Id": "allow-{{i}}", "Effect": "Allow", "Match": { "Tools": ["send"] }, "When": { "User": { "Groups": ["g{{i}}"], "NotGroups": ["blocked"], "Roles": ["writer"] } } }"""));
        var engine = TestHost.Engine($$"""{ "AgentGuard": { "DefaultDecision": "Deny", "Rules": [ {{allows}} ] } }""");

        GuardContext User(params string[] groups) => new() { SessionId = "s", User = new GuardUser("u") { Groups = groups, Roles = ["Writer"] } };

        (await engine.EvaluateAsync(Send(), User("G4"))).RuleIds.Should().Equal("allow-4");
        (await engine.EvaluateAsync(Send(), User("g4", "BLOCKED"))).RuleIds.Should().BeEmpty();
        (await engine.EvaluateAsync(Send(), new GuardContext { User = new GuardUser("u") { Groups = ["g4"] } })).RuleIds.Should().BeEmpty("the role is missing");
    }

    [Fact]
    public async Task RulesForEveryTool_KeptApart_AreMergedWithTheToolsOwnInPolicyOrder()
    {
        // 20 rules with Tools ["*"] (or no tool) by team interleaved with rules on send and on a source: the index keeps
        // the first kind once for all tools; a call must still see both kinds, named in policy order.
        var rules = string.Join(",", Enumerable.Range(0, 20).Select(i => i % 2 == 0
            ? $$"""{ "Id": "any-{{i}}", "Effect": "Allow", "Match": { "Tools": ["*"] }, "When": { "Teams": ["t{{i % 4}}"] } }, { "Id": "send-{{i}}", "Effect": "Allow", "Match": { "Tools": ["send"] }, "When": { "Teams": ["T{{i % 4}}"] } }"""
            : $$"""{ "Id": "when-{{i}}", "Effect": "Allow", "When": { "Teams": ["t{{i % 4}}"] } }, { "Id": "srv-{{i}}", "Effect": "Deny", "Match": { "Sources": ["SRV-1"] }, "When": { "Teams": ["t{{i % 4}}"], "Environments": ["prod"] } }"""));
        var engine = TestHost.Engine($$"""{ "AgentGuard": { "DefaultDecision": "Deny", "Rules": [ {{rules}} ] } }""");

        var allowed = await engine.EvaluateAsync(Send(), Session("t2"));
        var denied = await engine.EvaluateAsync(Send(), new GuardContext { SessionId = "s", Team = "T1", Environment = "PROD" });
        var otherTool = await engine.EvaluateAsync(new ToolCallEvent("read", ToolKind.Function), Session("t0"));

        allowed.RuleIds.Should().Equal("any-2", "send-2", "any-6", "send-6", "any-10", "send-10", "any-14", "send-14", "any-18", "send-18");
        denied.RuleIds.Should().Equal("srv-1", "srv-5", "srv-9", "srv-13", "srv-17");
        otherTool.RuleIds.Should().Equal("any-0", "any-4", "any-8", "any-12", "any-16");
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
