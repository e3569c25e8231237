namespace AgentGuard.Tests.Policies;

/// <summary>
/// The rules a call looks at are kept per set of session values (team, environment, agent, user, groups) on each
/// candidate set. As an attacker: make a call reuse rules worked out for another session — a group list the host
/// changes in place, a value in another case, a group past the ones a key holds, a value no rule names, a full cache.
/// </summary>
public sealed class ContextPlanTests
{
    /// <summary>Twelve allow rules for teams t0..t11 on <c>send</c> at <c>srv-1</c> (so the index splits by team), then <paramref name="extra"/>.</summary>
    private static IGuardEngine Engine(string extra)
    {
        var allows = string.Join(",", Enumerable.Range(0, 12).Select(i =>
            $$"""{ "Id": "allow-{{i}}", "Effect": "Allow", "Match": { "Tools": ["send"], "Sources": ["srv-1"] }, "When": { "Teams": ["t{{i}}"] } }"""));
        return TestHost.Engine($$"""{ "AgentGuard": { "DefaultDecision": "Deny", "Rules": [ {{allows}}, {{extra}} ] } }""");
    }

    private static ToolCallEvent Send() => new("send", ToolKind.McpTool) { Source = "srv-1" };

    private static GuardContext Session(string? team, IReadOnlyList<string> groups, string user = "u", string? agent = null)
        => new() { SessionId = "s", Team = team, User = new GuardUser(user) { Groups = groups }, Agent = agent is null ? null : new GuardAgent(agent) };

    private const string NoFinance = """{ "Id": "no-finance", "Effect": "Deny", "Match": { "Tools": ["send"] }, "When": { "User": { "Groups": ["finance"] } } }""";

    [Fact]
    public async Task GroupList_ChangedInPlaceByTheHost_IsDecidedByItsNewGroups()
    {
        var engine = Engine(NoFinance);
        var groups = new List<string> { "other" };
        var context = Session("t3", groups);

        (await engine.EvaluateAsync(Send(), context)).RuleIds.Should().Equal("allow-3");
        groups[0] = "finance";
        (await engine.EvaluateAsync(Send(), context)).RuleIds.Should().Equal("no-finance");
        groups.Add("x");
        groups[0] = "other";
        (await engine.EvaluateAsync(Send(), context)).RuleIds.Should().Equal("allow-3");
    }

    [Fact]
    public async Task GroupPastTheEighth_StillFiresItsRule_AfterTheFirstEightWereCached()
    {
        var engine = Engine(NoFinance);
        string[] eight = ["g1", "g2", "g3", "g4", "g5", "g6", "g7", "g8"];

        (await engine.EvaluateAsync(Send(), Session("t3", eight))).RuleIds.Should().Equal("allow-3");
        (await engine.EvaluateAsync(Send(), Session("t3", [.. eight, "FINANCE"]))).RuleIds.Should().Equal("no-finance");
        (await engine.EvaluateAsync(Send(), Session("t3", [.. eight, "FINANCE"]))).RuleIds.Should().Equal("no-finance");
        (await engine.EvaluateAsync(Send(), Session("t3", ["g1", "g2", "g3", "g4", "g5", "g6", "g7", "Finance"]))).RuleIds.Should().Equal("no-finance");
        (await engine.EvaluateAsync(Send(), Session("t3", eight))).RuleIds.Should().Equal("allow-3");
    }

    [Fact]
    public async Task ValueInAnotherCase_AfterTheOtherCaseWasCached_FiresTheSameRules()
    {
        var engine = Engine("""{ "Id": "no-red", "Effect": "Deny", "Match": { "Sources": ["srv-1"] }, "When": { "Teams": ["Red"] } }""");

        (await engine.EvaluateAsync(Send(), Session("T3", []))).RuleIds.Should().Equal("allow-3");
        (await engine.EvaluateAsync(Send(), Session("red", []))).RuleIds.Should().Equal("no-red");
        (await engine.EvaluateAsync(Send(), Session("RED", []))).RuleIds.Should().Equal("no-red");
        (await engine.EvaluateAsync(Send(), Session("t3", []))).RuleIds.Should().Equal("allow-3");
        (await engine.EvaluateAsync(Send(), Session("blue", []))).Effect.Should().Be(DecisionEffect.Deny);
        (await engine.EvaluateAsync(Send(), Session(null, []))).RuleIds.Should().BeEmpty();
        (await engine.EvaluateAsync(Send(), Session("", []))).RuleIds.Should().BeEmpty();
    }

    [Fact]
    public async Task GroupsInAnotherOrder_RepeatedOrNull_FireTheSameRules()
    {
        var engine = Engine(NoFinance);

        (await engine.EvaluateAsync(Send(), Session("t3", ["x", "finance"]))).RuleIds.Should().Equal("no-finance");
        (await engine.EvaluateAsync(Send(), Session("t3", ["finance", "x"]))).RuleIds.Should().Equal("no-finance");
        (await engine.EvaluateAsync(Send(), Session("t3", ["x", "x"]))).RuleIds.Should().Equal("allow-3");
        (await engine.EvaluateAsync(Send(), Session("t3", [null!, "FINANCE"]))).RuleIds.Should().Equal("no-finance");
        (await engine.EvaluateAsync(Send(), Session("t3", [null!, "x"]))).RuleIds.Should().Equal("allow-3");
    }

    [Fact]
    public async Task RulesOnUserAndAgent_AreNotReusedForAnotherUserOrAgent()
    {
        var engine = Engine(
            """{ "Id": "no-mallory", "Effect": "Deny", "Match": { "Tools": ["send"] }, "When": { "User": { "Ids": ["mallory"] } } }, """
            + """{ "Id": "no-bot", "Effect": "Deny", "Match": { "Tools": ["send"] }, "When": { "Agents": ["bot-b"] } }""");

        (await engine.EvaluateAsync(Send(), Session("t3", [], "alice", "bot-a"))).RuleIds.Should().Equal("allow-3");
        (await engine.EvaluateAsync(Send(), Session("t3", [], "Mallory", "bot-a"))).RuleIds.Should().Equal("no-mallory");
        (await engine.EvaluateAsync(Send(), Session("t3", [], "alice", "BOT-B"))).RuleIds.Should().Equal("no-bot");
        (await engine.EvaluateAsync(Send(), Session("t3", [], "alice"))).RuleIds.Should().Equal("allow-3");
    }

    [Fact]
    public async Task SessionValues_PastTheCachesCapacity_AreStillDecidedByTheirOwnRules()
    {
        var engine = Engine(NoFinance);

        // 200 distinct group lists on one tool: the first fill the cache, the rest are worked out per call.
        for (var round = 0; round < 2; round++)
        {
            for (var i = 0; i < 200; i++)
            {
                var decision = await engine.EvaluateAsync(Send(), Session("t" + (i % 12), i % 3 == 0 ? ["finance", "n" + i] : ["n" + i]));
                string[] expected = [i % 3 == 0 ? "no-finance" : "allow-" + (i % 12)];
                decision.RuleIds.Should().Equal(expected, "round {0}, session values {1}", round, i);
            }
        }
    }
}
