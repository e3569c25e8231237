using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AgentGuard.Shell.Tests;

/// <summary>Builds a real service provider with AgentGuard and the guarded shell configured from JSON, as an app would.</summary>
internal static class ShellTestHost
{
    public const string DenyRiskyPolicy = """
    {
      "AgentGuard": {
        "Rules": [
          { "Id": "no-destructive", "Effect": "Deny", "Match": { "Kinds": ["ShellCommand"], "Tags": ["destructive"] } },
          { "Id": "no-exfiltration", "Effect": "Deny", "Match": { "Tags": ["exfiltration", "remote-code", "credential-access"] } },
          { "Id": "no-opaque", "Effect": "Deny", "Match": { "Tags": ["opaque"] } },
          { "Id": "approve-privilege", "Effect": "RequireApproval", "Match": { "Tags": ["privilege"] } }
        ],
        "Shell": { "Timeout": "00:00:20" }
      }
    }
    """;

    public static ServiceProvider Create(string json, Action<AgentGuardBuilder>? configure = null)
    {
        var configuration = new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build();
        var services = new ServiceCollection();
        var section = configuration.GetSection("AgentGuard");
        var builder = services.AddAgentGuard(section).AddShell(section);
        configure?.Invoke(builder);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}

/// <summary>Records every call the engine evaluates, with its context; allows nothing and denies nothing.</summary>
internal sealed class RecordingPolicy : IGuardPolicy
{
    private readonly List<(ToolCallEvent Call, GuardContext Context, IReadOnlyCollection<string> Tags, RiskLevel Risk)> _seen = [];

    public string Id => "recording";

    public IReadOnlyList<(ToolCallEvent Call, GuardContext Context, IReadOnlyCollection<string> Tags, RiskLevel Risk)> Seen
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
            _seen.Add((context.ToolCall, context.Context, context.Tags, context.Risk));
        }

        return ValueTask.FromResult(PolicyVerdict.NotApplicable);
    }
}

/// <summary>An approver that answers as told and counts how often it was asked.</summary>
internal sealed class ScriptedApprover(bool approve) : IApprovalHandler
{
    private int _asked;

    public int Asked => _asked;

    public ValueTask<ApprovalResponse> RequestApprovalAsync(ApprovalRequest request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _asked);
        return ValueTask.FromResult(new ApprovalResponse(approve, "tester", approve ? "ok" : "no"));
    }
}
