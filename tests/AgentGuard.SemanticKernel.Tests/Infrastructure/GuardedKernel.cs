using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.Connectors.OpenAI;

namespace AgentGuard.SemanticKernel.Tests.Infrastructure;

/// <summary>Builds kernels the way an application does: DI, the real OpenAI connector over the scripted model, plugins.</summary>
internal static class GuardedKernel
{
    public static IConfiguration Configuration(string json) => new ConfigurationBuilder()
        .AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json)))
        .Build();

    /// <summary>The application's services: <c>AddKernel()</c>, the connector, plugins; AgentGuard when <paramref name="json"/> is given.</summary>
    public static ServiceProvider Services(ScriptedOpenAIHandler model, string? json, Action<AgentGuardBuilder>? configure, params (string Name, object Plugin)[] plugins)
    {
        var services = new ServiceCollection();
        var kernel = services.AddKernel();
        kernel.AddOpenAIChatCompletion(modelId: "gpt-4o", apiKey: "sk-fake", httpClient: new HttpClient(model));
        foreach (var (name, plugin) in plugins)
        {
            kernel.Plugins.AddFromObject(plugin, name);
        }

        if (json is not null)
        {
            var guard = services.AddAgentGuard(Configuration(json).GetSection("AgentGuard")).AddSemanticKernel();
            configure?.Invoke(guard);
        }

        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public static Kernel Create(ScriptedOpenAIHandler model, string? json, Action<AgentGuardBuilder>? configure, params (string Name, object Plugin)[] plugins)
        => Services(model, json, configure, plugins).GetRequiredService<Kernel>();

    /// <summary>Settings that let the model call functions, with optional AgentGuard session keys.</summary>
    public static OpenAIPromptExecutionSettings AutoSettings(string? sessionId = null, string? userId = null)
    {
        var settings = new OpenAIPromptExecutionSettings { FunctionChoiceBehavior = FunctionChoiceBehavior.Auto() };
        if (sessionId is not null || userId is not null)
        {
            settings.ExtensionData = new Dictionary<string, object>();
            if (sessionId is not null)
            {
                settings.ExtensionData[GuardContextKeys.SessionId] = sessionId;
            }

            if (userId is not null)
            {
                settings.ExtensionData[GuardContextKeys.UserId] = userId;
            }
        }

        return settings;
    }

    public const string DenyDeletes = """
        {"AgentGuard":{"Rules":[
          {"Id":"no-delete","Effect":"Deny","Match":{"Tools":["delete_file"]}}
        ]}}
        """;
}
