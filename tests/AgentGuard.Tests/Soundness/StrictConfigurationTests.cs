using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace AgentGuard.Tests.Soundness;

/// <summary>A configuration mistake stops start naming the key and the nearest valid one; it never widens a rule silently.</summary>
public sealed class StrictConfigurationTests
{
    private static AgentGuardPolicyException Fails(string json)
    {
        var act = () => TestHost.Engine(json);
        return act.Should().Throw<AgentGuardPolicyException>().Which;
    }

    [Theory]
    [InlineData("""{ "AgentGuard": { "DefaultDescision": "Deny" } }""", "AgentGuard:DefaultDescision", "DefaultDecision")]
    [InlineData("""{ "AgentGuard": { "Rule": [ { "Id": "a", "Effect": "Deny", "Match": { "Tools": ["x"] } } ] } }""", "AgentGuard:Rule", "Rules")]
    [InlineData("""{ "AgentGuard": { "Rules": [ { "Id": "prod-only", "Effect": "Deny", "Match": { "Tools": ["x"] }, "When": { "Enviroments": ["prod"] } } ] } }""", "AgentGuard:Rules[0]:When:Enviroments (rule 'prod-only')", "Environments")]
    [InlineData("""{ "AgentGuard": { "Tools": { "web_fetch": { "Untrusred": true } } } }""", "AgentGuard:Tools:web_fetch:Untrusred", "Untrusted")]
    [InlineData("""{ "AgentGuard": { "Rules": [ { "Id": "a", "Effect": "Deny", "Match": { "Tool": ["x"] } } ] } }""", "Match:Tool", "Tools")]
    [InlineData("""{ "AgentGuard": { "Audit": { "Fiel": "a.jsonl" } } }""", "AgentGuard:Audit:Fiel", "File")]
    public void UnknownKey_FailsNamingKeyAndNearestValid(string json, string key, string suggestion)
        => Fails(json).Message.Should().Contain(key).And.Contain($"did you mean '{suggestion}'");

    [Fact]
    public void TypoInsideAllowRule_DoesNotWidenItToEveryCall()
        => Fails("""
        { "AgentGuard": { "DefaultDecision": "Deny", "Rules": [ { "Id": "admins-read", "Effect": "Allow",
            "Match": { "Tools": ["read_*"] }, "When": { "Usr": { "Groups": ["admins"] } } } ] } }
        """).Message.Should().Contain("When:Usr (rule 'admins-read')").And.Contain("'User'");

    [Theory]
    [InlineData("""{ "AgentGuard": { "Rules": [ { "Id": "r", "Effect": "Deny", "Match": { "Tools": ["x"] }, "When": { "RateLimit": { "Max": 0, "Per": "00:01:00" } } } ] } }""", "must be at least 1")]
    [InlineData("""{ "AgentGuard": { "Rules": [ { "Id": "r", "Effect": "Deny", "Match": { "Tools": "x" } } ] } }""", "must be a list")]
    [InlineData("""{ "AgentGuard": { "NameToolInModelMessage": "yes" } }""", "not true or false")]
    [InlineData("""{ "AgentGuard": { "Sessions": { "MaxHistory": "lots" } } }""", "not a whole number")]
    [InlineData("""{ "AgentGuard": { "Registry": { "Servers": { "gh": { "Command": "npx" } } } } }""", "nothing in this application reads it")]
    [InlineData("""{ "AgentGuard": { "ReplaceDefaultRiskyTags": true } }""", "RiskyTags is empty")]
    public void NeverSensibleValues_FailAtStart(string json, string message)
        => Fails(json).Message.Should().Contain(message);

    [Fact]
    public void Validate_ReturnsEveryProblemWithItsSuggestion()
    {
        var section = Section("""{ "AgentGuard": { "DefaultDescision": "Deny", "Mod": "Audit" } }""");
        var problems = AgentGuardConfiguration.Validate(section);
        problems.Select(p => p.Suggestion).Should().BeEquivalentTo(["DefaultDecision", "Mode"]);
        problems.Select(p => p.Path).Should().BeEquivalentTo(["AgentGuard:DefaultDescision", "AgentGuard:Mod"]);
    }

    [Fact]
    public void Validate_PackageSection_CheckedAgainstItsOptions()
    {
        var section = Section("""{ "AgentGuard": { "Extra": { "Knob": 1, "Knobb": 2 } } }""");
        var problems = AgentGuardConfiguration.Validate(section, [AgentGuardSection.For<ExtraOptions>("Extra")]);
        problems.Should().ContainSingle().Which.Suggestion.Should().Be("Knob");
    }

    [Fact]
    public async Task AddAgentGuardTwice_SameSection_IsHarmless()
    {
        var configuration = Section("""{ "AgentGuard": { "Rules": [ { "Id": "no-rm", "Effect": "Deny", "Match": { "Tools": ["rm"] } } ] } }""");
        var services = new ServiceCollection();
        services.AddAgentGuard(configuration);
        services.AddAgentGuard(configuration);
        var engine = services.BuildServiceProvider().GetRequiredService<IGuardEngine>();
        (await engine.EvaluateAsync(TestHost.Call("rm"), GuardContext.Empty)).Effect.Should().Be(DecisionEffect.Deny);
    }

    [Fact]
    public async Task Reload_DroppingMostRules_IsRefused_UnlessIntended()
    {
        static Dictionary<string, string?> Rules(params string[] tools)
        {
            var data = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < tools.Length; i++)
            {
                data[$"AgentGuard:Rules:{i}:Id"] = "no-" + tools[i];
                data[$"AgentGuard:Rules:{i}:Effect"] = "Deny";
                data[$"AgentGuard:Rules:{i}:Match:Tools:0"] = tools[i];
            }

            return data;
        }

        var source = new ReplaceableSource(Rules("rm", "dd", "mkfs"));
        var configuration = new ConfigurationBuilder().Add(source).Build();
        var services = new ServiceCollection();
        services.AddAgentGuard(configuration.GetSection("AgentGuard"));
        var provider = services.BuildServiceProvider();
        using var reloads = new MetricCollector<long>(provider.GetRequiredService<AgentGuardDiagnostics>().PolicyReloads);
        var engine = provider.GetRequiredService<IGuardEngine>();

        source.Provider.Replace(Rules("rm"));
        (await engine.EvaluateAsync(TestHost.Call("mkfs"), GuardContext.Empty)).Effect.Should().Be(DecisionEffect.Deny, "a reload dropping 2 of 3 rules is refused");
        reloads.GetMeasurementSnapshot().Should().Contain(m => (string?)m.Tags["agentguard.reload.result"] == "failure");

        source.Provider.Replace([]);
        (await engine.EvaluateAsync(TestHost.Call("mkfs"), GuardContext.Empty)).Effect.Should().Be(DecisionEffect.Deny, "a reload dropping every rule is refused");

        var intended = Rules("rm");
        intended["AgentGuard:Reload:AllowRuleRemoval"] = "true";
        source.Provider.Replace(intended);
        (await engine.EvaluateAsync(TestHost.Call("mkfs"), GuardContext.Empty)).Effect.Should().Be(DecisionEffect.Allow, "the new section says the removal is intended");
        (await engine.EvaluateAsync(TestHost.Call("rm"), GuardContext.Empty)).Effect.Should().Be(DecisionEffect.Deny);
    }

    [Fact]
    public async Task Reload_WithUnknownKey_KeepsLastGoodPolicy()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AgentGuard:Rules:0:Id"] = "a",
            ["AgentGuard:Rules:0:Effect"] = "Deny",
            ["AgentGuard:Rules:0:Match:Tools:0"] = "rm",
        }).Build();
        var services = new ServiceCollection();
        services.AddAgentGuard(configuration.GetSection("AgentGuard"));
        var engine = services.BuildServiceProvider().GetRequiredService<IGuardEngine>();

        configuration["AgentGuard:Rules:0:When:Usr:Ids:0"] = "nobody";
        configuration.Reload();

        (await engine.EvaluateAsync(TestHost.Call("rm"), GuardContext.Empty)).Effect.Should().Be(DecisionEffect.Deny);
    }

    [Fact]
    public async Task RiskyTags_AddToTheDefaults()
    {
        var failing = new RecordingPolicy { Behaviour = (_, _) => throw new InvalidOperationException("boom") };
        var engine = TestHost.Engine("""{ "AgentGuard": { "RiskyTags": ["crm-write"] } }""", b => b.AddPolicy(failing));

        (await engine.EvaluateAsync(TestHost.Call("drop_table", tags: "destructive"), GuardContext.Empty)).Effect.Should().Be(DecisionEffect.Deny, "defaults stay risky");
        (await engine.EvaluateAsync(TestHost.Call("crm_update", tags: "crm-write"), GuardContext.Empty)).Effect.Should().Be(DecisionEffect.Deny, "the added tag is risky");
        (await engine.EvaluateAsync(TestHost.Call("weather"), GuardContext.Empty)).Effect.Should().Be(DecisionEffect.Allow);
    }

    private static IConfigurationSection Section(string json)
        => new ConfigurationBuilder().AddJsonStream(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json))).Build().GetSection("AgentGuard");

    private sealed class ExtraOptions
    {
        public int Knob { get; set; }
    }
}
