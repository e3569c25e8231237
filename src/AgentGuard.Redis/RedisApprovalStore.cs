using StackExchange.Redis;

namespace AgentGuard.Redis;

/// <summary>
/// Pending approvals in Redis: a key per request with the call's fingerprint, expiring with the approval lifetime,
/// issued with <c>SET NX</c> and claimed by a script that leaves a tombstone for a day, so an answer is honoured once on
/// whichever replica it arrives and a replayed conversation cannot issue the same request again.
/// </summary>
internal sealed class RedisApprovalStore(RedisConnection connection, RedisSessionStore sessions, TimeProvider time) : IApprovalStore
{
    private const string Tombstone = "\u0000claimed";
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
            await database.StringSetAsync(sessions.Keys.Approval(requestId), fingerprint, lifetime, When.NotExists)
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
            var claimed = await database.ScriptEvaluateAsync(RedisScripts.Claim, [sessions.Keys.Approval(requestId)], [Tombstone, (long)InMemoryApprovalStore.ClaimedMemory.TotalMilliseconds])
                .WaitAsync(sessions.Settings.OperationTimeout, time, cancellationToken)
                .ConfigureAwait(false);
            return claimed.IsNull ? null : (string?)claimed;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            sessions.Diagnostics.Unavailable("approval-claim", ex);
            return null;
        }
    }
}
