using AgentGuard.Testing.Cases;

namespace AgentGuard.Testing.Tests;

public sealed class PolicyTestFileTests
{
    private static string PolicyPath(string name) => Path.Combine(AppContext.BaseDirectory, "Policies", name);

    [Fact]
    public async Task RunAsync_YamlCasesAgainstJsonPolicy_AllPass()
    {
        var file = PolicyTestFile.Load(PolicyPath("payments.tests.yaml"));

        var results = await file.RunAsync();

        results.Should().HaveCount(7);
        results.Where(r => !r.Passed).Should().BeEmpty();
    }

    [Fact]
    public async Task RunAsync_WrongExpectation_FailsWithTheExplanation()
    {
        using var dir = new TempDirectory();
        File.Copy(PolicyPath("payments.json"), dir.File("policy.json"));
        File.WriteAllText(dir.File("cases.json"), """
            { "policy": "policy.json",
              "cases": [ { "name": "wrongly expects allow", "context": { "environment": "prod" }, "event": { "tool": "delete_all" }, "expect": { "decision": "Allow" } },
                         { "name": "right", "event": { "tool": "delete_all" }, "expect": { "decision": "Allow", "rules": [] } } ] }
            """);

        var results = await PolicyTestFile.Load(dir.File("cases.json")).RunAsync();

        results[0].Passed.Should().BeFalse();
        results[0].Message.Should().Contain("expected Allow, but the policy decided Deny").And.Contain("[+] no-destructive-in-prod (Deny)");
        results[1].Should().Be(new PolicyTestResult("right", true, null));
    }

    [Theory]
    [InlineData("""{ "cases": [] }""", "$.policy is missing")]
    [InlineData("""{ "policy": {}, "cases": [ { "event": { "tool": "x" }, "expect": { "decision": "Dney" } } ] }""", "$.cases[0].expect.decision 'Dney' is not one of Deny, RequireApproval, Allow")]
    [InlineData("""{ "policy": {}, "cases": [ { "expect": { "decision": "Deny" } } ] }""", "$.cases[0].event is missing")]
    [InlineData("""{ "policy": {}, "cases": [ { "event": { "tool": "x" }, "expect": {} } ] }""", "$.cases[0].expect.decision is missing")]
    [InlineData("""{ "policy": {}, "cases": [ { "history": [ { "advance": "5 minutes" } ], "event": { "tool": "x" }, "expect": { "decision": "Deny" } } ] }""", "$.cases[0].history[0].advance '5 minutes' is not a time span")]
    [InlineData("""{ "policy": "missing.json", "cases": [] }""", "missing.json: the file does not exist")]
    public void Load_BadFile_NamesTheFieldAndTheProblem(string json, string expected)
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("t.json"), json);

        var act = () => PolicyTestFile.Load(dir.File("t.json"));

        act.Should().Throw<PolicyFileException>().Which.Message.Should().Contain(expected);
    }

    [Fact]
    public async Task RunAsync_InvalidPolicy_EveryCaseFailsWithTheConfigurationError()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("t.yaml"), """
            policy:
              Rules:
                - { Id: r, Effect: Deny, Match: { Tools: [x] }, When: { Sequence: { Tags: [a], Within: "5 minutes" } } }
            cases:
              - { event: { tool: x }, expect: { decision: Deny } }
            """);

        var results = await PolicyTestFile.Load(dir.File("t.yaml")).RunAsync();

        results.Single().Message.Should().Contain("When.Sequence.Within '5 minutes' is not a positive time span");
    }
}

internal sealed class TempDirectory : IDisposable
{
    public TempDirectory() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "agentguard-tests-" + Guid.NewGuid().ToString("N"));

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
