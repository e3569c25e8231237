using System.Collections.Concurrent;

namespace AgentGuard;

/// <summary>
/// The in-process <see cref="IApprovalStore"/>, the default: bounded (expired entries go first when full). A claimed
/// request id is remembered for <see cref="ClaimedMemory"/>, so it cannot be issued and answered again.
/// </summary>
/// <param name="time">The clock that expires requests.</param>
/// <param name="capacity">The most requests kept, pending or claimed.</param>
public sealed class InMemoryApprovalStore(TimeProvider time, int capacity = 10_000) : IApprovalStore
{
    /// <summary>How long a claimed request id stays unusable.</summary>
    public static readonly TimeSpan ClaimedMemory = TimeSpan.FromDays(1);

    private readonly ConcurrentDictionary<string, Entry> _requests = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public ValueTask AddPendingAsync(string requestId, string fingerprint, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(requestId);
        ArgumentException.ThrowIfNullOrEmpty(fingerprint);
        var now = time.GetUtcNow();
        if (_requests.Count >= capacity)
        {
            foreach (var (key, value) in _requests)
            {
                if (value.ExpiresAt <= now || _requests.Count >= capacity)
                {
                    _requests.TryRemove(key, out _);
                }
            }
        }

        // A request id that was already answered is not issued again: a replayed answer must grant nothing.
        _requests.AddOrUpdate(
            requestId,
            static (_, added) => added,
            static (_, existing, added) => existing.Claimed && existing.ExpiresAt > added.Now ? existing : added,
            new Entry(fingerprint, expiresAt, Claimed: false, now));
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask<string?> TryClaimAsync(string requestId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        while (_requests.TryGetValue(requestId, out var entry))
        {
            if (entry.Claimed || entry.ExpiresAt <= now)
            {
                return new ValueTask<string?>((string?)null);
            }

            if (_requests.TryUpdate(requestId, entry with { Claimed = true, ExpiresAt = now + ClaimedMemory }, entry))
            {
                return new ValueTask<string?>(entry.Fingerprint);
            }
        }

        return new ValueTask<string?>((string?)null);
    }

    private readonly record struct Entry(string Fingerprint, DateTimeOffset ExpiresAt, bool Claimed, DateTimeOffset Now);
}
