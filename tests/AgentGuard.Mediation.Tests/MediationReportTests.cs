using AgentGuard.Http;
using AgentGuard.Extensions.AI;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace AgentGuard.Mediation.Tests;

public sealed class MediationReportTests
{
    private static ServiceCollection Services()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        return services;
    }

    [Fact]
    public async Task Report_ChatClientsWithAndWithoutUseAgentGuard_EachListedWithItsCoverage()
    {
        var services = Services();
        services.AddChatClient(new ScriptedChatClient()).UseAgentGuard().UseFunctionInvocation();
        services.AddKeyedChatClient("raw", new ScriptedChatClient()).UseFunctionInvocation();
        services.AddAgentGuard().AddMediationReport().AddChatClientMediationProbe();
        await using var provider = services.BuildServiceProvider();

        var report = provider.GetRequiredService<MediationReporter>().Report();

        report.Paths.Should().BeEquivalentTo(new[]
        {
            new MediationPath(MediationPathKind.ChatClient, "IChatClient", true, "AgentGuardChatClient is in the pipeline (UseAgentGuard() or ChatClients:GuardAll)"),
            new MediationPath(MediationPathKind.ChatClient, "IChatClient [raw]", false, "no AgentGuardChatClient in the pipeline: add .UseAgentGuard() before .UseFunctionInvocation(), or set AgentGuard:ChatClients:GuardAll"),
        });
        report.IsFullyMediated.Should().BeFalse();
        report.Unmediated.Should().ContainSingle().Which.Name.Should().Be("IChatClient [raw]");
    }

    [Fact]
    public async Task Report_HttpClientsWithAndWithoutTheHandler_EachListed()
    {
        var services = Services();
        services.AddHttpClient("crm").AddAgentGuard();
        services.AddHttpClient("billing", c => c.BaseAddress = new Uri("https://billing.example"));
        services.AddAgentGuard().AddMediationReport().AddHttpMediationProbe();
        await using var provider = services.BuildServiceProvider();

        var paths = provider.GetRequiredService<MediationReporter>().Report().Paths;

        paths.Select(p => (p.Name, p.Covered)).Should().BeEquivalentTo(new[] { ("(default client)", (bool?)false), ("crm", true), ("billing", false) });
    }

    [Fact]
    public async Task Report_KindWithoutProbe_ListedAsUnknownFromItsRegistration()
    {
        var services = Services();
        services.AddChatClient(new ScriptedChatClient()).UseAgentGuard();
        services.AddAgentGuard().AddMediationReport();
        await using var provider = services.BuildServiceProvider();

        var path = provider.GetRequiredService<MediationReporter>().Report().Paths.Single();

        path.Should().Be(new MediationPath(MediationPathKind.ChatClient, "Microsoft.Extensions.AI.IChatClient", null, "no probe for this kind is registered: reference AgentGuard.Extensions.AI and call AddChatClientMediationProbe()"));
    }

    [Fact]
    public async Task HostStart_RequireFullMediationAndAnUnguardedClient_RefusesToStartNamingIt()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddChatClient(new ScriptedChatClient()).UseFunctionInvocation();
        builder.Services.AddAgentGuard().AddMediationReport(o => o.RequireFullMediation = true).AddChatClientMediationProbe();
        using var host = builder.Build();

        var act = () => host.StartAsync();

        (await act.Should().ThrowAsync<OptionsValidationException>()).Which.Message.Should().Contain("AgentGuard:Mediation: ChatClient 'IChatClient' is not covered").And.Contain("RequireFullMediation refuses to start");
    }

    [Fact]
    public async Task HostStart_EverythingGuarded_StartsAndIsHealthy()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddChatClient(new ScriptedChatClient()).UseAgentGuard().UseFunctionInvocation();
        builder.Services.AddAgentGuard().AddMediationReport(o => o.RequireFullMediation = true).AddChatClientMediationProbe();
        using var host = builder.Build();

        await host.StartAsync();
        var health = await host.Services.GetRequiredService<MediationHealthCheck>().CheckHealthAsync(new HealthCheckContext());
        await host.StopAsync();

        health.Status.Should().Be(HealthStatus.Healthy);
    }

    [Fact]
    public async Task Monitor_ToolRunByAnUnguardedLoop_CountedWhileTheGuardedLoopIsNot()
    {
        var services = Services();
        services.AddAgentGuard().AddMediationReport();
        await using var provider = services.BuildServiceProvider();
        var reporter = provider.GetRequiredService<MediationReporter>();
        var ran = 0;
        var tool = AIFunctionFactory.Create(() => { ran++; return "ok"; }, "lookup");
        var options = new ChatOptions { Tools = [tool] };

        // The framework emits execute_tool spans when OpenTelemetry is in the pipeline, inside function invocation.
        var guarded = new ChatClientBuilder(new ScriptedChatClient(ScriptedChatClient.Call("g1", "lookup"), ScriptedChatClient.Call("g2", "lookup")))
            .UseAgentGuard().UseFunctionInvocation().UseOpenTelemetry(sourceName: "mediation-tests").Build(provider);
        await guarded.GetResponseAsync("go", options);
        var afterGuarded = reporter.Report().UnmediatedExecutions;

        var unguarded = new ChatClientBuilder(new ScriptedChatClient(ScriptedChatClient.Call("u1", "lookup")))
            .UseFunctionInvocation().UseOpenTelemetry(sourceName: "mediation-tests").Build(provider);
        await unguarded.GetResponseAsync("go", options);

        ran.Should().Be(3);
        afterGuarded.Should().Be(0);
        reporter.Report().UnmediatedExecutions.Should().Be(1);
        (await provider.GetRequiredService<MediationHealthCheck>().CheckHealthAsync(new HealthCheckContext())).Status.Should().Be(HealthStatus.Degraded);
    }
}
