using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace AgentGuard.Tests.Engine;

/// <summary>Policies reload without restart; a reload that fails keeps the last good policy.</summary>
public sealed class ReloadTests
{
    private static (IConfigurationRoot Configuration, ServiceProvider Services) Create()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AgentGuard:Rules:0:Id"] = "no-rm",
            ["AgentGuard:Rules:0:Effect"] = "Deny",
            ["AgentGuard:Rules:0:Match:Tools:0"] = "rm",
        }).Build();
        var services = new ServiceCollection();
        // Registered as a host does: reloads then read the section through the root's providers.
        services.AddSingleton<IConfiguration>(configuration);
        services.AddAgentGuard(configuration.GetSection("AgentGuard"));
        return (configuration, services.BuildServiceProvider());
    }

    [Fact]
    public async Task Reload_ValidChange_TakesEffectWithoutRestart()
    {
        var (configuration, services) = Create();
        var engine = services.GetRequiredService<IGuardEngine>();
        (await engine.EvaluateAsync(TestHost.Call("curl"), GuardContext.Empty)).Effect.Should().Be(DecisionEffect.Allow);

        configuration["AgentGuard:Rules:0:Match:Tools:0"] = "curl";
        configuration.Reload();

        (await engine.EvaluateAsync(TestHost.Call("curl"), GuardContext.Empty)).Effect.Should().Be(DecisionEffect.Deny);
        (await engine.EvaluateAsync(TestHost.Call("rm"), GuardContext.Empty)).Effect.Should().Be(DecisionEffect.Allow);
    }

    [Fact]
    public async Task Reload_InvalidChange_KeepsLastGoodPolicy_AndCountsFailure()
    {
        var (configuration, services) = Create();
        using var reloads = new MetricCollector<long>(services.GetRequiredService<AgentGuardDiagnostics>().PolicyReloads);
        var engine = services.GetRequiredService<IGuardEngine>();
        var guard = services.GetRequiredService<ToolGuard>();

        configuration["AgentGuard:Rules:0:Effect"] = "Obliterate";
        var act = () => configuration.Reload();

        act.Should().NotThrow();
        (await engine.EvaluateAsync(TestHost.Call("rm"), GuardContext.Empty)).Effect.Should().Be(DecisionEffect.Deny, "the last good policy is still in force");
        guard.ContextResolver.Resolve().Should().NotBeNull("services reading options see the last good policy too");
        reloads.GetMeasurementSnapshot().Should().ContainSingle(m => (string?)m.Tags[TelemetryTags.ReloadResult] == "failure");

        configuration["AgentGuard:Rules:0:Effect"] = "Allow";
        configuration.Reload();
        (await engine.EvaluateAsync(TestHost.Call("rm"), GuardContext.Empty)).Effect.Should().Be(DecisionEffect.Allow, "a later good reload applies");
    }

    [Fact]
    public async Task Reload_UnconvertibleValue_KeepsLastGoodPolicy()
    {
        var (configuration, services) = Create();
        var engine = services.GetRequiredService<IGuardEngine>();

        configuration["AgentGuard:Sessions:MaxHistory"] = "lots";
        configuration.Reload();

        (await engine.EvaluateAsync(TestHost.Call("rm"), GuardContext.Empty)).Effect.Should().Be(DecisionEffect.Deny);
    }
}
