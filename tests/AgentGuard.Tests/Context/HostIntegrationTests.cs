using System.Security.Claims;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace AgentGuard.Tests.Context;

/// <summary>AgentGuard takes what the host already knows: its environment name, its services.</summary>
public sealed class HostIntegrationTests
{
    private const string ProdRule = """
    { "AgentGuard": {
        "Tools": { "*delete*": { "Tags": ["destructive"] } },
        "Rules": [ { "Id": "no-destructive-in-prod", "Effect": "Deny", "Match": { "Tags": ["destructive"] }, "When": { "Environments": ["prod"] } } ] } }
    """;

    [Theory]
    [InlineData("Production", DecisionEffect.Deny)]
    [InlineData("production", DecisionEffect.Deny)]
    [InlineData("Development", DecisionEffect.Allow)]
    [InlineData("Staging", DecisionEffect.Allow)]
    public async Task GettingStartedProdRule_FollowsTheHostEnvironment(string hostEnvironment, DecisionEffect expected)
    {
        using var host = BuildHost(hostEnvironment, ProdRule);
        var guard = host.Services.GetRequiredService<ToolGuard>();

        var decision = await guard.AuthorizeAsync(new ToolCallEvent("delete_customer"), guard.ContextResolver.Resolve());

        decision.Effect.Should().Be(expected);
    }

    [Fact]
    public void ConfiguredEnvironment_WinsOverTheHost()
    {
        using var host = BuildHost("Production", """{ "AgentGuard": { "Context": { "Environment": "dev-sandbox" } } }""");

        host.Services.GetRequiredService<ToolGuard>().ContextResolver.Resolve().Environment.Should().Be("dev-sandbox");
    }

    [Fact]
    public void RequestEnvironment_WinsOverTheHost()
    {
        using var host = BuildHost("Production", """{ "AgentGuard": { } }""");

        var context = host.Services.GetRequiredService<ToolGuard>().ContextResolver.Resolve(properties: [new(GuardContextKeys.Environment, "test")]);

        context.Environment.Should().Be("test");
    }

    [Theory]
    [InlineData("Development", "dev")]
    [InlineData("Staging", "staging")]
    [InlineData("Production", "prod")]
    [InlineData("qa-eu", "qa-eu")]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void HostEnvironmentNames_MapAsDocumented(string? host, string? policy)
        => HostEnvironmentNames.ToPolicyEnvironment(host).Should().Be(policy);

    [Fact]
    public async Task AddClaimsPrincipal_WithAMissingService_FailsAtStartNamingTheFix()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Production", DisableDefaults = true });
        builder.Services.AddAgentGuard(Configuration("""{ "AgentGuard": { } }""").GetSection("AgentGuard"))
            .AddClaimsPrincipal(sp => sp.GetRequiredService<IPrincipalSource>().Principal);
        using var host = builder.Build();

        var start = async () => await host.StartAsync();

        (await start.Should().ThrowAsync<OptionsValidationException>())
            .Which.Message.Should().Contain("AddClaimsPrincipal").And.Contain("AddHttpContextAccessor()").And.Contain("IPrincipalSource");
    }

    [Fact]
    public async Task AddClaimsPrincipal_WithItsServiceRegistered_StartsAndFillsTheUser()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Production", DisableDefaults = true });
        builder.Services.AddSingleton<IPrincipalSource>(new PrincipalSource(new ClaimsPrincipal(new ClaimsIdentity([new Claim("sub", "alice")], "test"))));
        builder.Services.AddAgentGuard(Configuration("""{ "AgentGuard": { } }""").GetSection("AgentGuard"))
            .AddClaimsPrincipal(sp => sp.GetRequiredService<IPrincipalSource>().Principal);
        using var host = builder.Build();

        await host.StartAsync();

        host.Services.GetRequiredService<ToolGuard>().ContextResolver.Resolve().User!.Id.Should().Be("alice");
        await host.StopAsync();
    }

    private static IHost BuildHost(string environment, string json)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = environment, DisableDefaults = true });
        builder.Services.AddAgentGuard(Configuration(json).GetSection("AgentGuard"));
        return builder.Build();
    }

    private static IConfiguration Configuration(string json)
        => new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build();

    internal interface IPrincipalSource
    {
        ClaimsPrincipal? Principal { get; }
    }

    private sealed record PrincipalSource(ClaimsPrincipal? Principal) : IPrincipalSource;
}
