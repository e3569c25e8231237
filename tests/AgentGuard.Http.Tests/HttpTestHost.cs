using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AgentGuard.Http.Tests;

/// <summary>Builds a real service provider with AgentGuard, the HTTP guard and IHttpClientFactory configured from JSON.</summary>
internal static class HttpTestHost
{
    public static ServiceProvider Create(string json, Action<IServiceCollection, AgentGuardBuilder>? configure = null)
    {
        var configuration = new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build();
        var services = new ServiceCollection();
        var section = configuration.GetSection("AgentGuard");
        var builder = services.AddAgentGuard(section).AddHttp(section);
        configure?.Invoke(services, builder);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}

/// <summary>Records every call the engine evaluates, with its context and effective tags; never decides.</summary>
internal sealed class RecordingPolicy : IGuardPolicy
{
    private readonly List<(ToolCallEvent Call, GuardContext Context, IReadOnlyCollection<string> Tags)> _seen = [];

    public string Id => "recording";

    public IReadOnlyList<(ToolCallEvent Call, GuardContext Context, IReadOnlyCollection<string> Tags)> Seen
    {
        get
        {
            lock (_seen)
            {
                return [.. _seen];
            }
        }
    }

    public ValueTask<PolicyVerdict> EvaluateAsync(PolicyEvaluationContext context, CancellationToken cancellationToken)
    {
        lock (_seen)
        {
            _seen.Add((context.ToolCall, context.Context, [.. context.Tags]));
        }

        return ValueTask.FromResult(PolicyVerdict.NotApplicable);
    }
}

/// <summary>A stand-in secret detector for tests: finds AWS-style access keys (AKIA + 16 characters).</summary>
internal sealed class FakeKeyDetector : ISecretDetector
{
    public void Find(string text, ICollection<SecretFinding> findings)
    {
        var start = 0;
        while ((start = text.IndexOf("AKIA", start, StringComparison.Ordinal)) >= 0 && start + 20 <= text.Length)
        {
            findings.Add(new SecretFinding("aws-access-key", start, 20));
            start += 20;
        }
    }
}
