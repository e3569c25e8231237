using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AgentGuard.Extensions.AI.Tests;

/// <summary>Builds a real service provider with AgentGuard configured from JSON, plus the tools the tests count.</summary>
internal static class GuardHost
{
    public const string DenyDeleteJson = """
        {
          "AgentGuard": {
            "Tools": { "delete_file": { "Tags": [ "destructive" ] } },
            "Rules": [
              { "Id": "no-delete", "Effect": "Deny", "Match": { "Tools": [ "delete_file" ] } },
              { "Id": "approve-pay", "Effect": "RequireApproval", "Match": { "Tools": [ "pay" ] }, "When": { "Arguments": [ { "Path": "$.amount", "GreaterThan": 100 } ] } }
            ]
          }
        }
        """;

    public static IConfiguration Configuration(string json)
        => new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build();

    public static ServiceProvider Create(string json = DenyDeleteJson, Action<AgentGuardBuilder>? configure = null, Action<IServiceCollection>? services = null)
    {
        var configuration = Configuration(json);
        var collection = new ServiceCollection();
        collection.AddSingleton(configuration);
        services?.Invoke(collection);
        var builder = collection.AddAgentGuard(configuration.GetSection("AgentGuard"));
        configure?.Invoke(builder);
        return collection.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public static Dictionary<string, object?> Args(params (string Key, object? Value)[] pairs) => pairs.ToDictionary(p => p.Key, p => p.Value);
}

/// <summary>Tools with side effects the tests count.</summary>
internal sealed class Tools
{
    private int _deleted;
    private int _read;
    private int _paid;

    public int Deleted => _deleted;

    public int Read => _read;

    public int Paid => _paid;

    public ConcurrentQueue<AgentGuardScope?> Scopes { get; } = new();

    public AIFunction DeleteFile => AIFunctionFactory.Create((string path) => { Interlocked.Increment(ref _deleted); return $"deleted {path}"; }, "delete_file");

    public AIFunction ReadFile => AIFunctionFactory.Create((string path) =>
    {
        Interlocked.Increment(ref _read);
        Scopes.Enqueue(AgentGuardScope.Current);
        return $"contents of {path}";
    }, "read_file");

    public AIFunction Pay => AIFunctionFactory.Create((string to, int amount) => { Interlocked.Increment(ref _paid); return $"paid {amount} to {to}"; }, "pay");

    public AIFunction Secret => AIFunctionFactory.Create(() => "token=SECRET123456 ok", "get_token");
}

/// <summary>Records what the engine saw for every call (a code policy that never decides).</summary>
internal sealed class RecordingPolicy : IGuardPolicy
{
    public ConcurrentQueue<(ToolCallEvent Call, GuardContext Context)> Seen { get; } = new();

    public string Id => "recording";

    public ValueTask<PolicyVerdict> EvaluateAsync(PolicyEvaluationContext context, CancellationToken cancellationToken)
    {
        Seen.Enqueue((context.ToolCall, context.Context));
        return ValueTask.FromResult(PolicyVerdict.NotApplicable);
    }
}

/// <summary>A code policy that always throws.</summary>
internal sealed class ThrowingPolicy : IGuardPolicy
{
    public string Id => "throwing";

    public ValueTask<PolicyVerdict> EvaluateAsync(PolicyEvaluationContext context, CancellationToken cancellationToken)
        => throw new InvalidOperationException("policy bug");
}

/// <summary>Captures audit records.</summary>
internal sealed class RecordingAuditSink : IAuditSink
{
    public ConcurrentQueue<AuditRecord> Records { get; } = new();

    public void Write(AuditRecord record) => Records.Enqueue(record);
}

/// <summary>Finds <c>SECRET\d+</c> as a secret.</summary>
internal sealed class TestSecretDetector : ISecretDetector
{
    public void Find(string text, ICollection<SecretFinding> findings)
    {
        var match = System.Text.RegularExpressions.Regex.Match(text, "SECRET[0-9]+");
        if (match.Success)
        {
            findings.Add(new SecretFinding("test-secret", match.Index, match.Length));
        }
    }
}

/// <summary>An in-process approver with a fixed answer.</summary>
internal sealed class FixedApprover(bool approve) : IApprovalHandler
{
    public int Asked;

    public ValueTask<ApprovalResponse> RequestApprovalAsync(ApprovalRequest request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref Asked);
        return ValueTask.FromResult(new ApprovalResponse(approve, "tester"));
    }
}

/// <summary>An in-process approver that never answers.</summary>
internal sealed class SilentApprover : IApprovalHandler
{
    public async ValueTask<ApprovalResponse> RequestApprovalAsync(ApprovalRequest request, CancellationToken cancellationToken)
    {
        await Task.Delay(Timeout.Infinite, cancellationToken);
        return new ApprovalResponse(true);
    }
}
