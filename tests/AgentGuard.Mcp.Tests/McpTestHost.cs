using System.Reflection;
using System.Text;
using System.Text.Json;
using AgentGuard.Mcp;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;

namespace AgentGuard.Mcp.Tests;

/// <summary>A real service provider with AgentGuard and the MCP registry configured from JSON, the way an app would; logs are collected.</summary>
internal static class McpTestHost
{
    public static ServiceProvider Create(string json, Action<AgentGuardBuilder>? configure = null)
        => Create(Configuration(json), configure);

    public static ServiceProvider Create(IConfiguration configuration, Action<AgentGuardBuilder>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddFakeLogging();
        var builder = services.AddAgentGuard(configuration.GetSection("AgentGuard"));
        builder.AddMcpRegistry(configuration.GetSection(McpRegistryOptions.SectionName));
        configure?.Invoke(builder);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public static IConfigurationRoot Configuration(string json)
        => new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build();

    public static GuardedMcpClientFactory Factory(this IServiceProvider services) => services.GetRequiredService<GuardedMcpClientFactory>();

    public static FakeLogCollector Logs(this IServiceProvider services) => services.GetFakeLogCollector();

    /// <summary>A JSON string literal (quotes included) for embedding paths in configuration snippets.</summary>
    public static string Json(string value) => JsonSerializer.Serialize(value);

    /// <summary>Polls <paramref name="condition"/> for up to 10 s; fails with <paramref name="because"/>.</summary>
    public static async Task WaitUntilAsync(Func<bool> condition, string because)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            DateTime.UtcNow.Should().BeBefore(deadline, because);
            await Task.Delay(10);
        }
    }
}

/// <summary>Where the real servers the tests start are.</summary>
internal static class TestServers
{
    public static string TestServerDll
    {
        get
        {
            var path = Metadata("TestServerDll");
            File.Exists(path).Should().BeTrue($"the stdio test server should have been built to {path} (it is a ProjectReference of this project)");
            return path;
        }
    }

    /// <summary>
    /// A binary from the npm packages pinned in package.json. Missing binaries fail the test (never skip), with what to run.
    /// </summary>
    public static string NodeBin(string name)
    {
        var path = Path.Combine(Metadata("NodeModulesBin"), name);
        if (!File.Exists(path))
        {
            var ci = Environment.GetEnvironmentVariable("CI") is "true" or "1" ? " (CI=true: the build's `npm ci` step must have failed; see the build log)" : string.Empty;
            throw new InvalidOperationException(
                $"The published MCP server '{name}' is not installed at {path}{ci}. The test project's build runs `npm ci` in tests/AgentGuard.Mcp.Tests; "
                + "install Node.js 20+ and npm, then rebuild or run `npm ci` there.");
        }

        return path;
    }

    private static string Metadata(string key)
        => typeof(TestServers).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
            ?? throw new InvalidOperationException($"assembly metadata {key} is missing");
}
