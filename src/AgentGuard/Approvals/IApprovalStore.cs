namespace AgentGuard;

/// <summary>
/// Pending approvals: which exact call (by fingerprint) each approval request was issued for. An answer may arrive on
/// any replica; claiming a request is single-use, so an approved call runs once however often the answer is replayed,
/// and a request id that was claimed cannot be issued again (a replayed conversation would otherwise re-issue it).
/// The default keeps them in process; <c>AgentGuard.Redis</c> shares them.
/// </summary>
public interface IApprovalStore
{
    /// <summary>
    /// Remembers that <paramref name="requestId"/> asks about the call with <paramref name="fingerprint"/> until
    /// <paramref name="expiresAt"/>; does nothing for a request id that was already claimed.
    /// </summary>
    ValueTask AddPendingAsync(string requestId, string fingerprint, DateTimeOffset expiresAt, CancellationToken cancellationToken);

    /// <summary>
    /// Claims a pending request: returns its fingerprint and forgets it, atomically. <see langword="null"/> when it was
    /// never issued, has expired, was already claimed, or the store cannot be reached (an approval is then not honoured).
    /// </summary>
    ValueTask<string?> TryClaimAsync(string requestId, CancellationToken cancellationToken);
}
