using System.Text.Json;

namespace AgentGuard.Cli.Tests;

public sealed class TestExplainSchemaCommandTests
{
    [Fact]
    public async Task Test_PassingYamlCases_ExitZeroAndOneLinePerCase()
    {
        var (exit, output, _) = await Cli.RunAsync("test", Cli.Policy("payments.tests.yaml"));

        exit.Should().Be(0);
        output.Split(Environment.NewLine).Count(l => l.StartsWith("PASS ", StringComparison.Ordinal)).Should().Be(7);
        output.Should().EndWith($"7 passed, 0 failed.{Environment.NewLine}");
    }

    [Fact]
    public async Task Test_FailingCase_ExitOneWithTheExplanation()
    {
        using var dir = new TempDirectory();
        File.Copy(Cli.Policy("payments.json"), dir.File("policy.json"));
        File.WriteAllText(dir.File("cases.yaml"), """
            policy: policy.json
            cases:
              - name: big payment expected to pass
                context: { prompt: "send 5000 to DE89370400440532013000" }
                event: { tool: send_money, args: { recipient: DE89370400440532013000, amount: 5000 } }
                expect: { decision: Allow }
            """);

        var (exit, output, _) = await Cli.RunAsync("test", dir.File("cases.yaml"));

        exit.Should().Be(1);
        output.Should().Contain("FAIL").And.Contain("big payment expected to pass").And.Contain("expected Allow, but the policy decided Deny")
            .And.Contain("met     When.Arguments: $.amount > 1000").And.Contain("not met When.Provenance: $.recipient not from [prompt,trusted]");
        output.Should().EndWith($"0 passed, 1 failed.{Environment.NewLine}");
    }

    [Fact]
    public async Task Test_MalformedFile_ExitTwoNamingTheField()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("cases.json"), """{ "policy": {}, "cases": [ { "event": { "tool": "x", "kind": "Telepathy" }, "expect": { "decision": "Deny" } } ] }""");

        var (exit, _, error) = await Cli.RunAsync("test", dir.File("cases.json"));

        exit.Should().Be(2);
        error.Should().Contain("$.cases[0].event.kind 'Telepathy' is not one of Function, McpTool");
    }

    [Fact]
    public async Task Explain_Json_EachRuleEachCheckAndPrecedence()
    {
        var (exit, output, _) = await Cli.RunAsync(
            "explain", "--policy", Cli.Policy("payments.json"), "--tool", "send_email", "--args", """{"to":"x@example.org"}""",
            "--context", """{"session":"s1","user":{"id":"alice","groups":["sales"]}}""", "--label", "untrusted", "--format", "json");

        exit.Should().Be(0);
        var root = JsonDocument.Parse(output).RootElement;
        root.GetProperty("decision").GetString().Should().Be("RequireApproval");
        root.GetProperty("rules").EnumerateArray().Select(r => r.GetString()).Should().Equal("untrusted-then-send");
        root.GetProperty("tags").EnumerateArray().Select(r => r.GetString()).Should().Equal("external-send");
        var candidates = root.GetProperty("candidates").EnumerateArray().ToDictionary(c => c.GetProperty("id").GetString()!, c => c);
        candidates.Should().HaveCount(5);
        candidates["untrusted-then-send"].GetProperty("outcome").GetString().Should().Be("Contributed");
        candidates["untrusted-then-send"].GetProperty("checks").EnumerateArray().Select(c => (c.GetProperty("part").GetString(), c.GetProperty("outcome").GetString()))
            .Should().Equal(("Match.Tags", "Met"), ("When.SessionLabels", "Met"));
        candidates["big-payments"].GetProperty("outcome").GetString().Should().Be("NotMatched");
        root.GetProperty("precedence").GetString().Should().Be("deny beats require-approval beats allow; contributions: RequireApproval [untrusted-then-send]; final: RequireApproval by [untrusted-then-send]");
    }

    [Fact]
    public async Task Explain_WithoutTheLabel_NoRuleAndTheDefault()
    {
        var (exit, output, _) = await Cli.RunAsync("explain", "--policy", Cli.Policy("payments.json"), "--tool", "send_email");

        exit.Should().Be(0);
        output.Should().Contain("decision: Allow").And.Contain("not met When.SessionLabels: session label any of [untrusted]")
            .And.Contain("precedence: no rule contributed, so DefaultDecision applies: Allow");
    }

    [Fact]
    public async Task Explain_InvalidPolicy_ExitTwoWithEveryProblem()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("p.json"), """{ "AgentGuard": { "Mode": "Sometimes", "Rules": [ { "Id": "r", "Effect": "Deny" } ] } }""");

        var (exit, _, error) = await Cli.RunAsync("explain", "--policy", dir.File("p.json"), "--tool", "x");

        exit.Should().Be(2);
        error.Should().Contain("AgentGuard:Mode 'Sometimes' is not one of Enforce, Audit").And.Contain("Rules[0] (r): Match is empty");
    }

    [Fact]
    public async Task Schema_PrintsTheDocumentedSchema()
    {
        var (exit, output, _) = await Cli.RunAsync("schema");

        exit.Should().Be(0);
        var schema = JsonDocument.Parse(output).RootElement;
        schema.GetProperty("properties").GetProperty("AgentGuard").GetProperty("properties").TryGetProperty("Rules", out _).Should().BeTrue();
        var repository = Repository.Root();
        output.Should().Be(File.ReadAllText(Path.Combine(repository, "docs", "agentguard.schema.json")));
    }

    [Fact]
    public async Task UnknownVerb_ExitTwo()
    {
        var (exit, _, error) = await Cli.RunAsync("lnit", "x.json");

        exit.Should().Be(2);
        error.Should().Contain("lnit");
    }
}

internal static class Repository
{
    public static string Root()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "AgentGuard.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("AgentGuard.sln not found above " + AppContext.BaseDirectory);
    }
}
