using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AgentGuard.Tests.Policies;

/// <summary>A bad configuration fails at start with a message naming the rule and the field.</summary>
public sealed class ValidationTests
{
    private static AgentGuardPolicyException StartFails(string rulesJson, string extra = "")
    {
        var services = TestHost.Create($$"""{ "AgentGuard": { {{extra}} "Rules": {{rulesJson}} } }""");
        var act = () => services.GetRequiredService<IGuardEngine>();
        return act.Should().Throw<AgentGuardPolicyException>().Which;
    }

    [Theory]
    [InlineData("""[ { "Id": "bad-regex", "Effect": "Deny", "Match": { "Tools": ["*"] }, "When": { "Arguments": [ { "Path": "$.to", "Regex": "([a-z" } ] } } ]""",
        "AgentGuard:Rules[0] (bad-regex): When.Arguments[0].Regex '([a-z' is not a valid regular expression")]
    [InlineData("""[ { "Id": "typo", "Effect": "Deny2", "Match": { "Tools": ["*"] } } ]""",
        "AgentGuard:Rules[0] (typo): Effect 'Deny2' is not one of Deny, RequireApproval, Allow.")]
    [InlineData("""[ { "Id": "empty", "Effect": "Deny" } ]""",
        "AgentGuard:Rules[0] (empty): Match is empty and the rule has no When conditions, so it would apply to every call")]
    [InlineData("""[ { "Id": "export-chain", "Effect": "RequireApproval", "Match": { "Tags": ["export"] }, "When": { "Sequence": { "Tags": ["export"], "AtLeast": 3, "Within": "5 minutes" } } } ]""",
        "AgentGuard:Rules[0] (export-chain): When.Sequence.Within '5 minutes' is not a positive time span (use \"hh:mm:ss\", e.g. \"00:05:00\").")]
    [InlineData("""[ { "Id": "never", "Effect": "Deny", "Match": { "Tags": ["export"] }, "When": { "Sequence": { "Tags": ["export"], "AtLeast": 500 } } } ]""",
        "AgentGuard:Rules[0] (never): When.Sequence.AtLeast 500 can never be reached: sessions keep only 100 calls")]
    [InlineData("""[ { "Id": "contradiction", "Effect": "Deny", "When": { "User": { "External": true, "Anonymous": true } } } ]""",
        "AgentGuard:Rules[0] (contradiction): When.User External: true and Anonymous: true can never both hold")]
    [InlineData("""[ { "Id": "two-tests", "Effect": "Deny", "Match": { "Tools": ["*"] }, "When": { "Arguments": [ { "Path": "$.a", "Equals": "x", "Contains": "y" } ] } } ]""",
        "AgentGuard:Rules[0] (two-tests): When.Arguments[0] has 2 tests (Equals, Contains)")]
    [InlineData("""[ { "Id": "bad-path", "Effect": "Deny", "Match": { "Tools": ["*"] }, "When": { "Arguments": [ { "Path": "$.a[x", "Exists": true } ] } } ]""",
        "AgentGuard:Rules[0] (bad-path): When.Arguments[0].Path '$.a[x' has '[' at position 3 without a closing ']'.")]
    [InlineData("""[ { "Id": "kind", "Effect": "Deny", "Match": { "Kinds": ["Lambda"] } } ]""",
        "AgentGuard:Rules[0] (kind): Match.Kinds 'Lambda' is not a kind (use Function, McpTool, ShellCommand, HttpRequest, SdkCall, Connector, DatabaseQuery, McpResource, McpPrompt, McpElicitation, RenderedUrl).")]
    [InlineData("""[ { "Effect": "Deny", "Match": { "Tools": ["x"] } } ]""",
        "AgentGuard:Rules[0] (#0): Id is missing")]
    [InlineData("""[ { "Id": "a", "Effect": "Deny", "Match": { "Tools": ["x"] } }, { "Id": "a", "Effect": "Allow", "Match": { "Tools": ["y"] } } ]""",
        "AgentGuard:Rules[1] (a): Id 'a' is used by more than one rule.")]
    [InlineData("""[ { "Id": "rate", "Effect": "Deny", "Match": { "Tools": ["x"] }, "When": { "RateLimit": { "Max": 5, "Per": "00:01:00", "By": "Planet" } } } ]""",
        "AgentGuard:Rules[0] (rate): When.RateLimit.By 'Planet' is not one of Session, User, Tool, Global.")]
    [InlineData("""[ { "Id": "prov", "Effect": "Deny", "Match": { "Tools": ["pay"] }, "When": { "Provenance": { "Argument": "$.iban", "From": ["email"] } } } ]""",
        "AgentGuard:Rules[0] (prov): When.Provenance.From 'email' is not an origin (use prompt, trusted, allowlist or correspondent).")]
    public void Start_InvalidRule_FailsNamingRuleAndField(string rules, string expected)
    {
        StartFails(rules).Message.Should().Contain(expected);
    }

    [Fact]
    public void Start_InvalidTopLevelFields_ListsEveryProblem()
    {
        var error = StartFails("[]", extra: """ "Mode": "Shadow", "OnError": "Explode", "Sessions": { "MaxHistory": 0 }, "Tools": { "x": { "Risk": "Extreme" } }, """);

        error.Errors.Should().Contain("AgentGuard:Mode 'Shadow' is not one of Enforce, Audit.")
            .And.Contain("AgentGuard:OnError 'Explode' is not one of Auto, Deny, RequireApproval, AllowWithAlert.")
            .And.Contain("AgentGuard:Sessions:MaxHistory 0 is out of range (1 to 10000).")
            .And.Contain("AgentGuard:Tools:x:Risk 'Extreme' is not one of Low, Medium, High, Critical.");
    }

    [Fact]
    public void ValidateOnStart_InvalidPolicy_HostStartupValidatorFails()
    {
        var services = TestHost.Create("""{ "AgentGuard": { "Rules": [ { "Id": "x", "Effect": "Nope", "Match": { "Tools": ["*"] } } ] } }""");

        var act = () => services.GetRequiredService<IStartupValidator>().Validate();

        act.Should().Throw<OptionsValidationException>().WithMessage("*AgentGuard:Rules[0] (x): Effect 'Nope' is not one of Deny, RequireApproval, Allow.*");
    }

    [Fact]
    public void Start_ValidPolicy_Succeeds()
    {
        var services = TestHost.Create("""{ "AgentGuard": { "Rules": [ { "Id": "ok", "Effect": "Deny", "Match": { "Tools": ["rm"] } } ] } }""");

        services.GetRequiredService<IStartupValidator>().Validate();
        services.GetRequiredService<IGuardEngine>().Should().NotBeNull();
    }
}
