using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.Configuration;

namespace AgentGuard.Data.Tests.Infrastructure;

/// <summary>A real service provider with AgentGuard and the database guard configured from JSON.</summary>
internal static class DataTestHost
{
    /// <summary>The policy most tests use: tagged tables, and rules written as for any other tool.</summary>
    public const string Policy = """
    {
      "AgentGuard": {
        "DefaultDecision": "Allow",
        "Data": {
          "Tables": {
            "hr.salaries": { "Tags": ["internal-only"], "Columns": { "iban": { "Tags": ["financial"], "Sensitive": true } } },
            "salaries": { "Tags": ["internal-only"], "Columns": { "iban": { "Tags": ["financial"], "Sensitive": true } } }
          }
        },
        "Rules": [
          { "Id": "external-no-internal-data", "Effect": "Deny", "Match": { "Kinds": ["DatabaseQuery"] },
            "When": { "User": { "External": true }, "DataTags": ["internal-only"] } },
          { "Id": "sql-no-ddl", "Effect": "Deny", "Match": { "Tags": ["sql-ddl"] } },
          { "Id": "sql-unsafe", "Effect": "Deny", "Match": { "Tags": ["opaque", "program-exec", "file-access", "network"] } },
          { "Id": "sql-mass-change", "Effect": "RequireApproval", "Match": { "Tags": ["mass-change"] } }
        ]
      }
    }
    """;

    public static ServiceProvider Create(string json = Policy, Action<IServiceCollection, AgentGuardBuilder>? configure = null)
    {
        var configuration = new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        var section = configuration.GetSection("AgentGuard");
        var builder = services.AddAgentGuard(section).AddData(section);
        configure?.Invoke(services, builder);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    /// <summary>Runs <paramref name="action"/> as <paramref name="userId"/> (external or not) in session <paramref name="sessionId"/>.</summary>
    public static async Task<T> AsUserAsync<T>(string userId, bool external, Func<Task<T>> action, string sessionId = "s-1")
    {
        using var scope = AgentGuardScope.Begin(new GuardContext { User = new GuardUser(userId) { IsExternal = external }, SessionId = sessionId });
        return await action();
    }
}

/// <summary>Keeps every audit record.</summary>
internal sealed class RecordingAuditSink : IAuditSink
{
    private readonly ConcurrentQueue<AuditRecord> _records = new();

    public IReadOnlyList<AuditRecord> Records => [.. _records];

    public void Write(AuditRecord record) => _records.Enqueue(record);
}

/// <summary>An approver that answers every request the same way and keeps the requests.</summary>
internal sealed class ScriptedApprover(bool approve) : IApprovalHandler
{
    private readonly ConcurrentQueue<ApprovalRequest> _requests = new();

    public IReadOnlyList<ApprovalRequest> Requests => [.. _requests];

    public ValueTask<ApprovalResponse> RequestApprovalAsync(ApprovalRequest request, CancellationToken cancellationToken)
    {
        _requests.Enqueue(request);
        return ValueTask.FromResult(new ApprovalResponse(approve, "dba"));
    }
}

/// <summary>A stand-in secret detector: finds AWS-style access keys (AKIA + 16 characters) and keeps every text it was given.</summary>
internal sealed class RecordingSecretDetector : ISecretDetector
{
    private readonly ConcurrentQueue<string> _texts = new();

    public IReadOnlyList<string> Texts => [.. _texts];

    public void Find(string text, ICollection<SecretFinding> findings)
    {
        _texts.Enqueue(text);
        var start = 0;
        while ((start = text.IndexOf("AKIA", start, StringComparison.Ordinal)) >= 0 && start + 20 <= text.Length)
        {
            findings.Add(new SecretFinding("aws-access-key", start, 20));
            start += 20;
        }
    }
}
