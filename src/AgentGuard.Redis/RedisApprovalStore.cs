namespace AgentGuard.Redis;

/// <summary>
/// Pending approvals in Redis: a key per request with the call's fingerprint, expiring with the approval lifetime, and
/// claimed with <c>GETDEL</c>, so an answer is honoured once on whichever replica it arrives.
/// </summary>
internal sealed class RedisApprovalStore(RedisConnection connection, RedisSessionStore sessions, TimeProvider time) : IApprovalStore
{
    public async ValueTask AddPendingAsync(string requestId, string fingerprint, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(requestId);
        ArgumentException.ThrowIfNullOrEmpty(fingerprint);
        var lifetime = expiresAt - time.GetUtcNow();
        if (lifetime <= TimeSpan.Zero
            || await connection.GetDatabaseAsync(sessions.Settings.OperationTimeout, time, cancellationToken).ConfigureAwait(false) is not { } database)
        {
            sessions.Diagnostics.Unavailable("approval-add", null);
            return;
        }

        try
        {
            await database.StringSetAsync(sessions.Keys.Approval(requestId), fingerprint, lifetime)
                .WaitAsync(sessions.Settings.OperationTimeout, time, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // The answer will find no pending request and grant nothing: the call is denied, never run unapproved.
            sessions.Diagnostics.WriteFailed("approval-add", ex);
        }
    }

    public async ValueTask<string?> TryClaimAsync(string requestId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(requestId);
        if (await connection.GetDatabaseAsync(sessions.Settings.OperationTimeout, time, cancellationToken).ConfigureAwait(false) is not { } database)
        {
            sessions.Diagnostics.Unavailable("approval-claim", null);
            return null;
        }

        try
        {
            var fingerprint = await database.StringGetDeleteAsync(sessions.Keys.Approval(requestId))
                .WaitAsync(sessions.Settings.OperationTimeout, time, cancellationToken)
                .ConfigureAwait(false);
            return fingerprint.IsNull ? null : (string?)fingerprint;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            sessions.Diagnostics.Unavailable("approval-claim", ex);
            return null;
        }
    }
}
