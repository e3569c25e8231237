using System.Collections.Concurrent;

namespace AgentGuard;

/// <summary>The in-process <see cref="IApprovalStore"/>, the default: bounded, expired requests are dropped first when full.</summary>
/// <param name="time">The clock that expires requests.</param>
/// <param name="capacity">The most pending requests kept.</param>
public sealed class InMemoryApprovalStore(TimeProvider time, int capacity = 10_000) : IApprovalStore
{
    private readonly ConcurrentDictionary<string, (string Fingerprint, DateTimeOffset ExpiresAt)> _pending = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public ValueTask AddPendingAsync(string requestId, string fingerprint, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(requestId);
        ArgumentException.ThrowIfNullOrEmpty(fingerprint);
        if (_pending.Count >= capacity)
        {
            var now = time.GetUtcNow();
            foreach (var (key, value) in _pending)
            {
                if (value.ExpiresAt <= now || _pending.Count >= capacity)
                {
                    _pending.TryRemove(key, out _);
                }
            }
        }

        _pending[requestId] = (fingerprint, expiresAt);
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask<string?> TryClaimAsync(string requestId, CancellationToken cancellationToken)
    {
        if (!_pending.TryRemove(requestId, out var pending) || pending.ExpiresAt <= time.GetUtcNow())
        {
            return new ValueTask<string?>((string?)null);
        }

        return new ValueTask<string?>(pending.Fingerprint);
    }
}
