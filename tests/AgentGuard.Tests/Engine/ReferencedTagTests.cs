namespace AgentGuard.Tests.Engine;

/// <summary>
/// Work that only produces a tag (the argument-secret scan) is skipped when no rule could react to it. The answer for
/// that tag is kept per compiled policy; kept wrongly, a secret would leave unscanned under a policy that forbids it.
/// </summary>
public sealed class ReferencedTagTests
{
    private const string Secret = """{ "note": "key AKIAZ7QK4M2P9XRT3LBN for the bucket" }""";

    [Fact]
    public async Task ARuleOnTheSecretTag_InANamedPolicyOnly_StillDeniesTheSecretUnderThatPolicy()
    {
        var engine = TestHost.Engine("""
            {
              "AgentGuard": {
                "Rules": [ { "Id": "all", "Effect": "Allow", "Match": { "Tools": ["*"] } } ],
                "Policies": { "strict": { "Rules": [ { "Id": "no-secrets-out", "Effect": "Deny", "Match": { "Tags": ["secret-in-arguments"] } } ] } }
              }
            }
            """);

        var strict = await engine.EvaluateAsync(TestHost.Call("post", Secret), new GuardContext { Policy = "strict" });
        var open = await engine.EvaluateAsync(TestHost.Call("post", Secret), GuardContext.Empty);

        strict.Effect.Should().Be(DecisionEffect.Deny);
        strict.RuleIds.Should().Contain("no-secrets-out");
        open.Effect.Should().Be(DecisionEffect.Allow);
    }

    [Fact]
    public void TheKeptAnswer_IsEachPolicysOwn_AndEqualTextIsLookedUp()
    {
        var without = AgentGuard.Policies.PolicyCompiler.Compile(new AgentGuardOptions());
        var with = AgentGuard.Policies.PolicyCompiler.Compile(new AgentGuardOptions
        {
            Rules = { new RuleOptions { Id = "no-secrets-out", Effect = "Deny", Match = new MatchOptions { Tags = ["secret-in-arguments"] } } },
        });

        for (var i = 0; i < 2; i++)
        {
            without.References(DetectionTags.SecretInArguments).Should().BeFalse();
            with.References(DetectionTags.SecretInArguments).Should().BeTrue();
            with.References(new string("secret-in-arguments")).Should().BeTrue();
            without.References(new string("secret-in-arguments")).Should().BeFalse();
            with.References("SECRET-IN-ARGUMENTS").Should().Be(with.ReferencedTags.Contains("SECRET-IN-ARGUMENTS"));
        }
    }
}
