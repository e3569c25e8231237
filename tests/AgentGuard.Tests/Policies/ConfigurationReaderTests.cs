using System.Text;
using AgentGuard.Policies;
using AgentGuard.Tests.Properties;
using CsCheck;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AgentGuard.Tests.Policies;

/// <summary>
/// The fast reading of the <c>AgentGuard</c> section must see exactly what the live configuration holds: the same keys
/// and values (so the binder binds the same options), and every key nothing reads (so strict checking still fails).
/// </summary>
public sealed class ConfigurationReaderTests
{
    private static IConfigurationRoot Root(string json, Dictionary<string, string?>? overrides = null)
    {
        var builder = new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json)));
        if (overrides is not null)
        {
            builder.AddInMemoryCollection(overrides);
        }

        return builder.Build();
    }

    private static List<string> Pairs(IConfiguration section)
        => [.. section.AsEnumerable().Select(p => $"{p.Key}={p.Value}").Order(StringComparer.OrdinalIgnoreCase)];

    private static ConfigurationSnapshot Read(IConfigurationRoot root)
        => ConfigurationReader.Read(root, root.GetSection("AgentGuard"), ConfigurationKeyChecker.RootShape, new Dictionary<string, ConfigurationShape>())!;

    [Fact]
    public void Snapshot_HoldsTheLiveKeysAndValues_OnGeneratedPolicies()
    {
        Gen.Select(Generators.IndexedPolicy, Gen.Bool).Sample(
            (policy, layered) =>
            {
                // A second provider overrides one rule's effect and adds a key to another, as environment variables do.
                var overrides = layered ? new Dictionary<string, string?> { ["AgentGuard:Rules:0:Effect"] = "Allow", ["AgentGuard:Rules:3:Reason"] = "from env" } : null;
                var root = Root(policy.ToJson(), overrides);
                var snapshot = Read(root);

                Pairs(snapshot).Should().Equal(Pairs(root.GetSection("AgentGuard")));
                var fast = new AgentGuardOptions();
                snapshot.Bind(fast);
                var live = new AgentGuardOptions();
                root.GetSection("AgentGuard").Bind(live);
                fast.Rules.Select(Describe).Should().Equal(live.Rules.Select(Describe));
            },
            iter: 200);

        static string Describe(RuleOptions rule) => System.Text.Json.JsonSerializer.Serialize(rule);
    }

    [Fact]
    public void RulesWithKnownKeysOnly_AreReadByName_NotCopiedTheSlowWay()
    {
        Gen.Select(Generators.IndexedPolicy, Gen.Bool).Sample(
            (policy, layered) =>
            {
                var overrides = layered ? new Dictionary<string, string?> { ["AgentGuard:Rules:1:Effect"] = "Deny" } : null;
                var root = Root(policy.ToJson(), overrides);

                ConfigurationReader.Read(root, root.GetSection("AgentGuard"), ConfigurationKeyChecker.RootShape, new Dictionary<string, ConfigurationShape>(), out var copiedLive);

                copiedLive.Should().Be(0);
            },
            iter: 100);
    }

    [Theory]
    [InlineData("""{ "Id": "a", "Effect": "Deny", "Match": { "Tools": ["x"] }, "When": { "Attributes": { "tier": "gold" }, "Enviroments": ["prod"] } }""", "When:Enviroments (rule 'a')", "Environments")]
    [InlineData("""{ "Id": "a", "Effect": "Deny", "Match": { "Tools": ["x"], "Sorces": ["srv"] } }""", "Match:Sorces (rule 'a')", "Sources")]
    [InlineData("""{ "Id": "a", "Effect": "Deny", "Match": { "Tools": ["x"] }, "When": { "Arguments": [ { "Path": "$.a", "Equal": "1" } ] } }""", "Arguments[0]:Equal (rule 'a')", "Equals")]
    public void TypoInALargePolicy_StillFailsNamingTheKey(string badRule, string key, string suggestion)
    {
        var rules = string.Join(",", Enumerable.Range(0, 50).Select(i => $$"""{ "Id": "r{{i}}", "Effect": "Allow", "Match": { "Tools": ["t{{i}}"] } }"""));
        var act = () => TestHost.Engine($$"""{ "AgentGuard": { "Rules": [ {{rules}}, {{badRule}} ] } }""");

        act.Should().Throw<AgentGuardPolicyException>().Which.Message.Should().Contain(key).And.Contain($"did you mean '{suggestion}'");
    }

    [Fact]
    public async Task RuleWithAttributes_IsReadWhole()
    {
        var engine = TestHost.Engine("""
        { "AgentGuard": { "Rules": [ { "Id": "gold-only", "Effect": "Deny", "Match": { "Tools": ["pay"] }, "When": { "Attributes": { "tier": "basic", "region": "eu" } } } ] } }
        """);

        var eu = new GuardContext { Attributes = new Dictionary<string, string> { ["tier"] = "basic", ["region"] = "eu" } };
        var us = new GuardContext { Attributes = new Dictionary<string, string> { ["tier"] = "basic", ["region"] = "us" } };
        (await engine.EvaluateAsync(TestHost.Call("pay"), eu)).Effect.Should().Be(DecisionEffect.Deny);
        (await engine.EvaluateAsync(TestHost.Call("pay"), us)).Effect.Should().Be(DecisionEffect.Allow);
    }

    [Fact]
    public async Task SectionOfAnotherConfiguration_IsReadLive_NotFromTheRegisteredRoot()
    {
        // The registered root holds a different AgentGuard section: the section passed in is the one that counts.
        var mine = Root("""{ "AgentGuard": { "Rules": [ { "Id": "no-rm", "Effect": "Deny", "Match": { "Tools": ["rm"] } } ] } }""");
        var other = Root("""{ "AgentGuard": { "Rules": [ { "Id": "no-ls", "Effect": "Deny", "Match": { "Tools": ["ls"] } } ] } }""");
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(other);
        services.AddAgentGuard(mine.GetSection("AgentGuard"));
        var engine = services.BuildServiceProvider().GetRequiredService<IGuardEngine>();

        (await engine.EvaluateAsync(TestHost.Call("rm"), GuardContext.Empty)).RuleIds.Should().Equal("no-rm");
        (await engine.EvaluateAsync(TestHost.Call("ls"), GuardContext.Empty)).Effect.Should().Be(DecisionEffect.Allow);
    }

    [Fact]
    public void RulesGivenAsAnObject_AreReportedAsNotAList()
    {
        var act = () => TestHost.Engine("""{ "AgentGuard": { "Rules": { "first": { "Id": "a", "Effect": "Deny", "Match": { "Tools": ["x"] } } } } }""");

        act.Should().Throw<AgentGuardPolicyException>().Which.Message.Should().Contain("is not a list position");
    }
}
