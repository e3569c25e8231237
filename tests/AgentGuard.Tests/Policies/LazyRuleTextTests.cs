namespace AgentGuard.Tests.Policies;

/// <summary>
/// A rule's evidence lines and its allow decision are made on first use, not at load. As an attacker: race the first
/// calls so threads see different decisions or evidence, or get an allow decision from a rule that does not allow.
/// </summary>
public sealed class LazyRuleTextTests
{
    private const string Policy = """
        { "AgentGuard": { "DefaultDecision": "Deny", "Rules": [
          { "Id": "send-red", "Effect": "Allow", "Match": { "Tools": ["send"], "Sources": ["srv-1"] }, "When": { "Teams": ["red"] } },
          { "Id": "no-blue", "Effect": "Deny", "Match": { "Tools": ["send"] }, "When": { "Teams": ["blue"] } } ] } }
        """;

    private static ToolCallEvent Send() => new("send", ToolKind.McpTool) { Source = "srv-1" };

    [Fact]
    public async Task FirstCallsOnManyThreads_ShareOneAllowDecision_WithTheRulesEvidence()
    {
        var engine = TestHost.Engine(Policy);
        using var start = new ManualResetEventSlim();
        var decisions = new Decision[8];
        var threads = Enumerable.Range(0, decisions.Length).Select(i => new Thread(() =>
        {
            start.Wait();
            decisions[i] = engine.EvaluateAsync(Send(), new GuardContext { SessionId = "s" + i, Team = "red" }).AsTask().GetAwaiter().GetResult();
        })).ToArray();
        foreach (var thread in threads)
        {
            thread.Start();
        }

        start.Set();
        foreach (var thread in threads)
        {
            thread.Join();
        }

        decisions.Should().OnlyContain(d => ReferenceEquals(d, decisions[0]));
        decisions[0].RuleIds.Should().Equal("send-red");
        decisions[0].Evidence.Should().Equal("tool in [send]", "source in [srv-1]", "team in [red]");
        decisions[0].Reason.Should().Be("allowed by rule 'send-red'");
        (await engine.EvaluateAsync(Send(), new GuardContext { SessionId = "t", Team = "red" })).Should().BeSameAs(decisions[0]);
    }

    [Fact]
    public async Task DenyRule_DecidesWithItsOwnEvidence_NeverAnAllowDecision()
    {
        var engine = TestHost.Engine(Policy);

        var denied = await engine.EvaluateAsync(Send(), new GuardContext { SessionId = "s", Team = "blue" });

        denied.Effect.Should().Be(DecisionEffect.Deny);
        denied.RuleIds.Should().Equal("no-blue");
        denied.Evidence.Should().Equal("tool in [send]", "team in [blue]");
    }
}
