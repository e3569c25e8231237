using AgentGuard;
using AgentGuard.Mcp;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the MCP registry and the guarded MCP client factory.</summary>
public static class AgentGuardMcpBuilderExtensions
{
    /// <summary>
    /// Adds the MCP registry bound to <paramref name="registrySection"/> (usually <c>AgentGuard:Registry</c>) and the
    /// <see cref="GuardedMcpClientFactory"/>. Unknown keys in the section are errors. The registry is validated at
    /// start (with a host) and reloads with the configuration; a failed reload keeps the last good registry.
    /// </summary>
    public static AgentGuardBuilder AddMcpRegistry(this AgentGuardBuilder builder, IConfiguration registrySection)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(registrySection);
        builder.Services.AddOptions<McpRegistryOptions>().Bind(registrySection, o => o.ErrorOnUnknownConfiguration = true);
        return builder.AddMcpRegistryCore();
    }

    /// <summary>Adds the MCP registry configured in code, and the <see cref="GuardedMcpClientFactory"/>.</summary>
    public static AgentGuardBuilder AddMcpRegistry(this AgentGuardBuilder builder, Action<McpRegistryOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.AddOptions<McpRegistryOptions>().Configure(configure);
        return builder.AddMcpRegistryCore();
    }

    private static AgentGuardBuilder AddMcpRegistryCore(this AgentGuardBuilder builder)
    {
        builder.Services.AddSingleton(AgentGuardSection.For<McpRegistryOptions>("Registry"));
        builder.Services.AddOptions<McpRegistryOptions>().ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<McpRegistryOptions>, McpRegistryOptionsValidator>());
        builder.Services.TryAddSingleton(sp => new McpRegistry(
            sp.GetRequiredService<IOptionsFactory<McpRegistryOptions>>(),
            sp.GetServices<IOptionsChangeTokenSource<McpRegistryOptions>>(),
            LoggerFactory(sp).CreateLogger<McpRegistry>()));
        builder.Services.TryAddSingleton(sp => new GuardedMcpClientFactory(sp.GetRequiredService<McpRegistry>(), sp.GetRequiredService<ToolGuard>(), LoggerFactory(sp)));
        return builder;
    }

    private static ILoggerFactory LoggerFactory(IServiceProvider services) => services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance;
}
