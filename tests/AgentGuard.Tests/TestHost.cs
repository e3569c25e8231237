using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AgentGuard.Tests;

/// <summary>Builds a real service provider with AgentGuard configured from a JSON snippet, the way an app would.</summary>
internal static class TestHost
{
    public static ServiceProvider Create(string json, Action<AgentGuardBuilder>? configure = null, FakeTimeProvider? time = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json)))
            .Build();
        var services = new ServiceCollection();
        // As a host registers it: the section is then read through the root's providers (linear in its size).
        services.AddSingleton<IConfiguration>(configuration);
        if (time is not null)
        {
            services.AddSingleton<TimeProvider>(time);
        }

        var builder = services.AddAgentGuard(configuration.GetSection("AgentGuard"));
        configure?.Invoke(builder);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public static IGuardEngine Engine(string json, Action<AgentGuardBuilder>? configure = null, FakeTimeProvider? time = null)
        => Create(json, configure, time).GetRequiredService<IGuardEngine>();

    public static ToolCallEvent Call(string name, string? argumentsJson = null, ToolKind kind = ToolKind.Function, params string[] tags)
        => new(name, kind) { Arguments = argumentsJson is null ? ToolArguments.Empty : ToolArguments.FromJson(argumentsJson), Tags = tags };
}
