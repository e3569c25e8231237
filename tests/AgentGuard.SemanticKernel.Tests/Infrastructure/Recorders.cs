using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace AgentGuard.SemanticKernel.Tests.Infrastructure;

/// <summary>A code policy that decides nothing and records every call the engine evaluates.</summary>
internal sealed class RecordingPolicy : IGuardPolicy
{
    public string Id => "recording";

    public ConcurrentQueue<(ToolCallEvent Call, GuardContext Context)> Evaluated { get; } = new();

    public ValueTask<PolicyVerdict> EvaluateAsync(PolicyEvaluationContext context, CancellationToken cancellationToken)
    {
        Evaluated.Enqueue((context.ToolCall, context.Context));
        return ValueTask.FromResult(PolicyVerdict.NotApplicable);
    }
}

/// <summary>An in-process approver with a scripted answer; records every request.</summary>
internal sealed class ScriptedApprover(Func<ApprovalRequest, CancellationToken, Task<ApprovalResponse>> answer) : IApprovalHandler
{
    public ConcurrentQueue<ApprovalRequest> Requests { get; } = new();

    public static ScriptedApprover Approving() => new((_, _) => Task.FromResult(new ApprovalResponse(true, "alice")));

    public static ScriptedApprover Rejecting() => new((_, _) => Task.FromResult(new ApprovalResponse(false, "bob", "not today")));

    public static ScriptedApprover Silent() => new(async (_, ct) =>
    {
        await Task.Delay(Timeout.Infinite, ct);
        return new ApprovalResponse(true);
    });

    public async ValueTask<ApprovalResponse> RequestApprovalAsync(ApprovalRequest request, CancellationToken cancellationToken)
    {
        Requests.Enqueue(request);
        return await answer(request, cancellationToken);
    }
}

/// <summary>Finds fake credentials shaped like <c>sk-live-...</c>.</summary>
internal sealed partial class FakeKeyDetector : ISecretDetector
{
    public void Find(string text, ICollection<SecretFinding> findings)
    {
        foreach (Match match in FakeKey().Matches(text))
        {
            findings.Add(new SecretFinding("fake-key", match.Index, match.Length));
        }
    }

    [GeneratedRegex("sk-live-[A-Za-z0-9]{16,}")]
    private static partial Regex FakeKey();
}
