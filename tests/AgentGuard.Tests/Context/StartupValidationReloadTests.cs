using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace AgentGuard.Tests.Context;

/// <summary>Start-time validation must not leave a listener that throws into a later configuration reload.</summary>
public sealed class StartupValidationReloadTests
{
    [Fact]
    public void InvalidEdit_AfterStartValidation_IsRejectedWithoutThrowingIntoTheReload()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["AgentGuard:DefaultDecision"] = "Allow" }).Build();
        var services = new ServiceCollection();
        services.AddAgentGuard(configuration.GetSection("AgentGuard"));
        using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();
        var policies = provider.GetRequiredService<PolicyProvider>();

        configuration["AgentGuard:DefaultDecision"] = "Maybe";
        var reload = () => configuration.Reload();

        reload.Should().NotThrow("a bad edit is the policy provider's to reject, not an exception on the reload thread");
        policies.LastReloadError.Should().Contain("DefaultDecision");
        policies.Current.DefaultEffect.Should().Be(DecisionEffect.Allow, "the last good policy stays in force");
    }

    [Fact]
    public void InvalidPolicy_StillFailsStart()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["AgentGuard:DefaultDecision"] = "Maybe" }).Build();
        var services = new ServiceCollection();
        services.AddAgentGuard(configuration.GetSection("AgentGuard"));
        using var provider = services.BuildServiceProvider();

        var start = () => provider.GetRequiredService<IStartupValidator>().Validate();

        start.Should().Throw<OptionsValidationException>().WithMessage("*DefaultDecision*");
    }
}
