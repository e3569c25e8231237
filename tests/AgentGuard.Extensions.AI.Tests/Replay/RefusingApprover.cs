namespace AgentGuard.Extensions.AI.Tests.Replay;

/// <summary>Refuses every approval and counts the requests, as a replay's stand-in for the person asked.</summary>
internal sealed class RefusingApprover : IApprovalHandler
{
    private int _asked;

    public int Asked => _asked;

    public ValueTask<ApprovalResponse> RequestApprovalAsync(ApprovalRequest request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _asked);
        return ValueTask.FromResult(new ApprovalResponse(false, "replay"));
    }
}
