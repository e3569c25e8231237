using AgentGuard.Policies;
using Microsoft.Extensions.DependencyInjection;

namespace AgentGuard.Tests.Policies;

/// <summary>
/// A long rule list is compiled in parallel chunks. As an attacker: hide a problem in the split — a repeated id whose
/// first use is in another chunk, an invalid pattern written in two chunks (one shared regex per pattern), an empty
/// rule or a missing effect at a chunk's edge — or get the rules out of policy order.
/// </summary>
public sealed class ParallelCompileTests
{
    private const int Rules = 5_000;

    private static RuleOptions Allow(int i) => new()
    {
        Id = "r" + i,
        Effect = "Allow",
        Match = new MatchOptions { Tools = ["tool" + (i % 40)] },
        When = new WhenOptions { Arguments = { new ArgumentConditionOptions { Path = "$.to", Regex = $"^[^@]+@p{i % 7}\\.example$" } } },
    };

    private static RuleOptions BadRegex(int i) => new()
    {
        Id = "bad-" + i,
        Effect = "Deny",
        Match = new MatchOptions { Tools = ["*"] },
        When = new WhenOptions { Arguments = { new ArgumentConditionOptions { Path = "$.to", Regex = "([a-z" } } },
    };

    [Fact]
    public void ProblemsAcrossChunks_AreEachReported_InListOrder()
    {
        var options = new AgentGuardOptions();
        options.Rules.AddRange(Enumerable.Range(0, Rules).Select(Allow));
        options.Rules[511] = BadRegex(511);
        options.Rules[512] = new RuleOptions { Id = "no-effect-512", Match = new MatchOptions { Tools = ["x"] } };
        options.Rules[600] = Allow(5);
        options.Rules[1024] = null!;
        options.Rules[4000] = BadRegex(4000);
        options.Rules[4999] = Allow(5);

        PolicyCompiler.TryCompile(options, "AgentGuard", out var policy, out var errors).Should().BeFalse();

        policy.Should().BeNull();
        string[] expected =
        [
            "AgentGuard:Rules[511] (bad-511): When.Arguments[0].Regex '([a-z' is not a valid regular expression",
            "AgentGuard:Rules[512] (no-effect-512): Effect is missing",
            "AgentGuard:Rules[600] (r5): Id 'r5' is used by more than one rule.",
            "AgentGuard:Rules[1024] (#1024): Rule is empty.",
            "AgentGuard:Rules[4000] (bad-4000): When.Arguments[0].Regex '([a-z' is not a valid regular expression",
            "AgentGuard:Rules[4999] (r5): Id 'r5' is used by more than one rule.",
        ];
        errors.Should().HaveCount(expected.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            errors[i].Should().StartWith(expected[i]);
        }
    }

    [Fact]
    public async Task LongList_IsCompiledInPolicyOrder_AndDecidesAsWritten()
    {
        var options = new AgentGuardOptions { DefaultDecision = "Deny" };
        options.Rules.AddRange(Enumerable.Range(0, Rules).Select(Allow));
        options.Rules.Add(new RuleOptions { Id = "last-deny", Effect = "Deny", Match = new MatchOptions { Tools = ["tool3"] }, When = new WhenOptions { Teams = ["red"] } });

        var policy = PolicyCompiler.Compile(options);

        policy.Rules.Select(r => r.Id).Should().Equal(options.Rules.Select(r => r.Id));
        policy.Rules.Select(r => r.Index).Should().Equal(Enumerable.Range(0, Rules + 1));
        var collection = new ServiceCollection();
        collection.AddAgentGuard(o =>
        {
            o.DefaultDecision = "Deny";
            o.Rules.AddRange(options.Rules);
        });
        await using var services = collection.BuildServiceProvider();
        var engine = services.GetRequiredService<IGuardEngine>();
        var call = new ToolCallEvent("tool3", ToolKind.Function) { Arguments = ToolArguments.FromJson("""{"to":"a@p3.example"}""") };
        var allowed = await engine.EvaluateAsync(call, new GuardContext { Team = "blue" });
        var denied = await engine.EvaluateAsync(call, new GuardContext { Team = "red" });

        // tool3 is rule i with i % 40 == 3; of those, p3 recipients are i % 7 == 3: i = 3 + 280k.
        allowed.RuleIds.Should().Equal(Enumerable.Range(0, Rules).Where(i => i % 40 == 3 && i % 7 == 3).Select(i => "r" + i));
        denied.RuleIds.Should().Equal("last-deny");
    }
}
