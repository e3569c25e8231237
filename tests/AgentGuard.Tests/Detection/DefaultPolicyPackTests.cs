using AgentGuard.Policies;
using Microsoft.Extensions.DependencyInjection;

namespace AgentGuard.Tests.Detection;

public sealed class DefaultPolicyPackTests
{
    private const string Empty = """{ "AgentGuard": { } }""";

    private static string Probe(string tag)
        => $$"""{ "AgentGuard": { "Rules": [ { "Id": "probe-{{tag}}", "Effect": "Deny", "Match": { "Tags": ["{{tag}}"] } } ] } }""";

    [Fact]
    public void Load_EmbeddedPack_CompilesWithoutProblems()
    {
        var options = new AgentGuardOptions();
        DefaultPolicyPack.MergeInto(options, new DefaultPolicyPackOptions());

        var compiled = PolicyCompiler.TryCompile(options, "AgentGuard", out _, out var errors);

        errors.Should().BeEmpty();
        compiled.Should().BeTrue();
        options.Rules.Should().OnlyContain(r => r.Id!.StartsWith("pack-", StringComparison.Ordinal));
        options.Rules.Should().HaveCountGreaterThanOrEqualTo(10);
    }

    [Theory]
    [InlineData("send_email", "external-send")]
    [InlineData("forward_message", "external-send")]
    [InlineData("pay_invoice", "payment")]
    [InlineData("delete_file", "destructive")]
    [InlineData("run_command", "remote-code")]
    [InlineData("fetch_url", "untrusted-source")]
    [InlineData("read_email", "untrusted-source")]
    [InlineData("get_secret", "credential-access")]
    public async Task AddDefaultPolicyPack_CommonToolName_IsTagged(string tool, string tag)
    {
        var engine = TestHost.Engine(Probe(tag), b => b.AddDefaultPolicyPack());

        var decision = await engine.EvaluateAsync(TestHost.Call(tool), new GuardContext());

        decision.RuleIds.Should().Contain("probe-" + tag);
    }

    [Fact]
    public async Task AddDefaultPolicyPack_DestructiveCall_RequiresApproval()
    {
        var engine = TestHost.Engine(Empty, b => b.AddDefaultPolicyPack());

        var decision = await engine.EvaluateAsync(TestHost.Call("delete_file", """{ "path": "/tmp/a" }"""), new GuardContext());

        decision.Effect.Should().Be(DecisionEffect.RequireApproval);
        decision.RuleIds.Should().Equal("pack-destructive-approval");
    }

    [Fact]
    public async Task AddDefaultPolicyPack_UserRuleWithSameId_WinsOverPackRule()
    {
        const string json = """
        { "AgentGuard": { "Rules": [ { "Id": "pack-destructive-approval", "Effect": "Deny", "Match": { "Tools": ["delete_*"] } } ] } }
        """;
        var engine = TestHost.Engine(json, b => b.AddDefaultPolicyPack());

        var decision = await engine.EvaluateAsync(TestHost.Call("delete_file"), new GuardContext());

        decision.Effect.Should().Be(DecisionEffect.Deny);
    }

    [Fact]
    public async Task AddDefaultPolicyPack_UserToolGlobCollision_KeepsUserClassification()
    {
        const string json = """
        {
          "AgentGuard": {
            "Tools": { "send_*": { "Tags": ["internal-channel"] } },
            "Rules": [
              { "Id": "probe-internal", "Effect": "Deny", "Match": { "Tags": ["internal-channel"] } },
              { "Id": "probe-external", "Effect": "Deny", "Match": { "Tags": ["external-send"] } }
            ]
          }
        }
        """;
        var engine = TestHost.Engine(json, b => b.AddDefaultPolicyPack());

        var decision = await engine.EvaluateAsync(TestHost.Call("send_email"), new GuardContext());

        decision.RuleIds.Should().Contain("probe-internal").And.NotContain("probe-external");
    }

    [Fact]
    public async Task AddDefaultPolicyPack_ExcludedRule_IsLeftOut()
    {
        var engine = TestHost.Engine(Empty, b => b.AddDefaultPolicyPack(p => p.ExcludeRules.Add("pack-destructive-approval")));

        var decision = await engine.EvaluateAsync(TestHost.Call("delete_file"), new GuardContext());

        decision.Effect.Should().Be(DecisionEffect.Allow);
    }

    [Fact]
    public void AddDefaultPolicyPack_InvalidUserRule_IsStillReportedByValidation()
    {
        const string json = """{ "AgentGuard": { "Rules": [ { "Id": "mine", "Effect": "Maybe", "Match": { "Tools": ["x"] } } ] } }""";

        var act = () => TestHost.Create(json, b => b.AddDefaultPolicyPack()).GetRequiredService<IGuardEngine>();

        act.Should().Throw<Exception>().Where(e => e.ToString().Contains("mine", StringComparison.Ordinal) && e.ToString().Contains("Effect", StringComparison.Ordinal));
    }
}
