using AgentGuard.Infrastructure;

namespace AgentGuard.Testing.Tests;

/// <summary>
/// The explain hook walks the rules on its own (no index, no caches); if it drifted from the engine, explanations would
/// lie. For many calls: the rules the trace says contributed the final effect are exactly the engine's deciding rules.
/// </summary>
public sealed class ExplanationAgreementTests
{
    private const string Policy = """
        { "AgentGuard": {
            "Tools": { "*delete*": { "Tags": ["destructive"] }, "export_*": { "Tags": ["export"] }, "web_*": { "Untrusted": true }, "send_*": { "Tags": ["external-send"], "Risk": "High" }, "crm-dump": { "Tags": ["export"] } },
            "Rules": [
              { "Id": "no-destructive-in-prod", "Effect": "Deny", "Match": { "Tags": ["destructive"] }, "When": { "Environments": ["prod"] } },
              { "Id": "approve-destructive", "Effect": "RequireApproval", "Match": { "Tags": ["destructive"] } },
              { "Id": "allow-admin-deletes", "Effect": "Allow", "Match": { "Tools": ["delete_*"] }, "When": { "User": { "Roles": ["admin"] } } },
              { "Id": "export-chain", "Effect": "RequireApproval", "Match": { "Tags": ["export"] }, "When": { "Sequence": { "Tags": ["export"], "AtLeast": 2 } } },
              { "Id": "high-risk-mcp", "Effect": "Deny", "Match": { "Kinds": ["McpTool"], "MinRisk": "High" } },
              { "Id": "github-writes", "Effect": "RequireApproval", "Match": { "Sources": ["github*"], "Tools": ["create_*", "delete_*"] } },
              { "Id": "untrusted-send", "Effect": "Deny", "Match": { "Tags": ["external-send"] }, "When": { "SessionLabels": ["untrusted"] } },
              { "Id": "big-amounts", "Effect": "Deny", "Match": { "Tools": ["*"] }, "When": { "Arguments": [ { "Path": "$.amount", "GreaterThan": 100 } ] } },
              { "Id": "externals", "Effect": "RequireApproval", "Match": { "Tools": ["*"] }, "When": { "User": { "External": true } } },
              { "Id": "tagged-by-event", "Effect": "Deny", "Match": { "Tags": ["dangerous"] } }
            ] } }
        """;

    public static TheoryData<string, ToolKind, string?, string, string[], string?, bool, string?> Calls() => new()
    {
        { "delete_file", ToolKind.Function, null, "{}", [], "prod", false, null },
        { "delete_file", ToolKind.Function, null, "{}", [], "dev", false, "admin" },
        { "delete_repo", ToolKind.McpTool, "github-main", "{}", [], "dev", false, null },
        { "create_issue", ToolKind.McpTool, "github-main", """{"amount":500}""", [], null, true, null },
        { "send_mail", ToolKind.McpTool, "mail", "{}", [], null, false, null },
        { "send_mail", ToolKind.Function, null, "{}", [], null, false, null },
        { "export_csv", ToolKind.Function, null, "{}", [], null, false, null },
        { "anything", ToolKind.Function, null, """{"amount":5}""", ["dangerous"], null, true, null },
        { "anything", ToolKind.ShellCommand, null, """{"amount":101}""", [], "prod", false, "admin" },
        { "web_fetch", ToolKind.Function, null, "{}", [], null, false, null },
        // Classified by its name qualified by its source ("crm-dump"), as the engine classifies it.
        { "dump", ToolKind.McpTool, "crm", "{}", [], null, false, null },
        { "delete_tmp", ToolKind.ShellCommand, "shell", "{}", [], "prod", false, null },
    };

    [Theory]
    [MemberData(nameof(Calls))]
    public async Task Trace_RulesContributingTheFinalEffect_AreTheEnginesDecidingRules(string tool, ToolKind kind, string? source, string args, string[] tags, string? environment, bool external, string? role)
    {
        using var host = PolicyTestHost.FromJson(Policy);
        var user = new GuardUser("u") { IsExternal = external, Roles = role is null ? [] : [role] };
        var session = host.Session(new GuardContext { Environment = environment, User = user });
        await session.CallAsync("export_csv");
        await session.CallAsync("web_fetch", result: "page");

        var outcome = await session.CallAsync(new ToolCallEvent(tool, kind) { Source = source, Arguments = ToolArguments.FromJson(args), Tags = tags });

        var traced = outcome.Explanation.Rules.Where(r => r.Outcome == RuleOutcome.Contributed && r.Effect == outcome.Decision.PolicyEffect).Select(r => r.RuleId);
        traced.Should().BeEquivalentTo(outcome.Decision.RuleIds, outcome.ToString());
        outcome.Explanation.Rules.Where(r => r.Outcome == RuleOutcome.Contributed).All(r => r.Effect >= outcome.Decision.PolicyEffect)
            .Should().BeTrue("a contribution can only be as strict as the final effect or more lenient");
    }
}
