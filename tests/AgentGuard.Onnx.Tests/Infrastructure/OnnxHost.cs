using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AgentGuard.Onnx.Tests.Infrastructure;

/// <summary>A real service provider with AgentGuard and the ONNX classifier configured from JSON, as an app would.</summary>
internal static class OnnxHost
{
    public static ServiceProvider Create(object onnxSection, string evaluationTimeout = "00:00:05")
    {
        var json = JsonSerializer.Serialize(new { AgentGuard = new { EvaluationTimeout = evaluationTimeout, Onnx = onnxSection } });
        var configuration = new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddAgentGuard(configuration.GetSection("AgentGuard"))
            .AddOnnxInjectionClassifier(configuration.GetSection("AgentGuard:Onnx"));
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public static ToolCallEvent Call(string name) => new(name, ToolKind.Function) { Arguments = ToolArguments.Empty };
}
