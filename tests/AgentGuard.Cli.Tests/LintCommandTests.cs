using System.Text.Json;

namespace AgentGuard.Cli.Tests;

public sealed class LintCommandTests
{
    [Fact]
    public async Task Lint_PolicyWithDeliberateMistakes_ReportsEachWithCodeRuleAndLine()
    {
        var (exit, output, _) = await Cli.RunAsync("lint", Cli.Policy("mistakes.json"), "--format", "json");

        exit.Should().Be(1);
        var findings = JsonDocument.Parse(output).RootElement.EnumerateArray()
            .Select(f => (Code: f.GetProperty("code").GetString(), Path: f.GetProperty("path").GetString(), Line: f.TryGetProperty("line", out var l) ? l.GetInt32() : 0, Message: f.GetProperty("message").GetString()!))
            .ToArray();
        findings.Select(f => (f.Code, f.Path)).Should().BeEquivalentTo(new[]
        {
            ("AG002", "AgentGuard:Rules[8]"),   // export-burst: '5 minutes'
            ("AG101", "AgentGuard:Rules[3]"),   // refund-window: > 500 and < 100
            ("AG101", "AgentGuard:Rules[4]"),   // anonymous-admins: anonymous with roles
            ("AG103", "AgentGuard:Rules[2]"),   // allow-everything under DefaultDecision Deny
            ("AG103", "AgentGuard:Rules[9]"),   // allow-deletes: risky tag, no condition
            ("AG105", "AgentGuard:Rules[6]"),   // no-prod-export-again duplicates no-prod-export
            ("AG106", "AgentGuard:Rules[7]"),   // approve-prod-export conflicts with no-prod-export
            ("AG102", "AgentGuard:Rules[1]"),   // approve-big-wires shadowed by deny-wires
            ("AG106", "AgentGuard:Rules[9]"),   // allow-deletes: deny-deletes-for-contractors has the same match, no conditions, and wins
            ("AG102", "AgentGuard:Rules[10]"),  // allow-delete-tmp: delete_tmp is tagged destructive by Tools
        });
        var lines = File.ReadAllLines(Cli.Policy("mistakes.json"));
        foreach (var finding in findings)
        {
            var path = finding.Path!;
            var index = int.Parse(path[(path.IndexOf('[', StringComparison.Ordinal) + 1)..^1], System.Globalization.CultureInfo.InvariantCulture);
            var id = JsonDocument.Parse(File.ReadAllText(Cli.Policy("mistakes.json"))).RootElement.GetProperty("AgentGuard").GetProperty("Rules")[index].GetProperty("Id").GetString();
            lines[finding.Line - 1].Should().Contain($"\"Id\": \"{id}\"", "finding {0} points at its rule", finding.Code);
        }

        findings.Single(f => f.Code == "AG002").Message.Should().Contain("When.Sequence.Within '5 minutes' is not a positive time span");
        findings.Single(f => f.Path == "AgentGuard:Rules[1]").Message.Should().Be("Rule 'approve-big-wires' (RequireApproval) never decides: every call it matches is denied by the broader rule 'deny-wires', and deny beats RequireApproval");
        findings.Single(f => f.Path == "AgentGuard:Rules[7]").Message.Should().Be("Rule 'approve-prod-export' (RequireApproval) never decides: 'no-prod-export' (Deny) matches exactly the same calls under the same conditions and always wins");
    }

    [Fact]
    public async Task Lint_CleanPolicy_ExitsZero()
    {
        var (exit, output, _) = await Cli.RunAsync("lint", Cli.Policy("payments.json"));

        exit.Should().Be(0);
        output.Should().Be($"1 file(s) linted: 0 error(s), 0 warning(s), 0 note(s).{Environment.NewLine}");
    }

    [Fact]
    public async Task Lint_Sarif_IsSarif210WithLocations()
    {
        var (exit, output, _) = await Cli.RunAsync("lint", Cli.Policy("mistakes.json"), "--format", "sarif");

        exit.Should().Be(1);
        var run = JsonDocument.Parse(output).RootElement.GetProperty("runs")[0];
        run.GetProperty("tool").GetProperty("driver").GetProperty("name").GetString().Should().Be("agentguard");
        var results = run.GetProperty("results").EnumerateArray().ToArray();
        results.Should().HaveCount(10);
        results.Should().OnlyContain(r => r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32() > 1);
        results.Count(r => r.GetProperty("level").GetString() == "error").Should().Be(1);
        run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString())
            .Should().Equal("AG002", "AG101", "AG102", "AG103", "AG105", "AG106");
    }

    [Fact]
    public async Task Lint_WarningsOnly_FailOnlyWithWarningsAsErrors()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("p.yaml"), """
            AgentGuard:
              Rules:
                - { Id: allow-reads, Effect: Allow, Match: { Tools: [read_*] } }
            """);

        (await Cli.RunAsync("lint", dir.File("p.yaml"))).Exit.Should().Be(0);
        var (exit, output, _) = await Cli.RunAsync("lint", dir.File("p.yaml"), "--warnings-as-errors");
        exit.Should().Be(1);
        output.Should().Contain($"{dir.File("p.yaml")}(3): warning AG104: Allow rule 'allow-reads' has no effect");
    }

    [Theory]
    [InlineData("{ \"AgentGuard\": { \"Rules\": [ ", "AG001")]
    [InlineData("{ \"AgentGuard\": { \"Sessions\": { \"MaxHistory\": \"lots\" } } }", "AG003")]
    public async Task Lint_UnreadableOrUnbindable_IsAnError(string json, string code)
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("p.json"), json);

        var (exit, output, _) = await Cli.RunAsync("lint", dir.File("p.json"));

        exit.Should().Be(1);
        output.Should().Contain($"error {code}:");
    }

    [Fact]
    public async Task Lint_MissingFile_ReportsItAndFails()
    {
        var (exit, output, _) = await Cli.RunAsync("lint", "/nonexistent/policy.json");

        exit.Should().Be(1);
        output.Should().Contain("/nonexistent/policy.json: error AG001: /nonexistent/policy.json: the file does not exist.");
    }
}

public sealed class LintUnknownKeyTests
{
    [Fact]
    public async Task Lint_MisspelledKeys_ErrorNamingTheKeyTheNearestValidOneAndTheLine()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("p.yaml"), """
            AgentGuard:
              DefaultDescision: Deny
              Registry: { Servers: {} }
              Rules:
                - Id: first
                  Effect: Deny
                  Match: { Tools: [x] }
                - Id: second
                  Effect: Deny
                  Match: { Tools: [y] }
                  When:
                    Enviroments: [prod]
            """);

        var (exit, output, _) = await Cli.RunAsync("lint", dir.File("p.yaml"));

        exit.Should().Be(1);
        output.Should().Contain($"{dir.File("p.yaml")}(2): error AG003: AgentGuard:DefaultDescision is not a known setting (did you mean 'DefaultDecision'?)");
        output.Should().Contain($"{dir.File("p.yaml")}(12): error AG003: AgentGuard:Rules[1]:When:Enviroments (rule 'second') is not a known setting (did you mean 'Environments'?)");
        output.Should().Contain($"{dir.File("p.yaml")}(3): note AG004: AgentGuard:Registry configures a package");
    }

    [Fact]
    public async Task Explain_PolicyWithPackageSections_DecidesWithoutThem()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("appsettings.json"), """
            { "Logging": {}, "AgentGuard": { "Registry": { "Servers": {} }, "Http": {}, "Rules": [ { "Id": "no-x", "Effect": "Deny", "Match": { "Tools": ["x"] } } ] } }
            """);

        var (exit, output, _) = await Cli.RunAsync("explain", "--policy", dir.File("appsettings.json"), "--tool", "x");

        exit.Should().Be(0);
        output.Should().Contain("decision: Deny by [no-x]");
    }
}
