using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AgentGuard.Redis;

/// <summary>
/// Health of the shared session store: healthy when Redis answers a PING within the operation budget, degraded while
/// the circuit is open or Redis does not answer (decisions then follow the fail-safe). Register it with
/// <c>services.AddHealthChecks().AddCheck&lt;RedisStoreHealthCheck&gt;("agentguard-redis")</c>.
/// </summary>
public sealed class RedisStoreHealthCheck : IHealthCheck
{
    private readonly RedisConnection _connection;
    private readonly RedisSessionStore _store;
    private readonly TimeProvider _time;

    internal RedisStoreHealthCheck(RedisConnection connection, RedisSessionStore store, TimeProvider time)
    {
        _connection = connection;
        _store = store;
        _time = time;
    }

    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (_connection.Database is not { } database)
        {
            return HealthCheckResult.Degraded("AgentGuard.Redis is not connected yet; rules that need session state take their fail-safe outcome.");
        }

        try
        {
            var latency = await database.PingAsync().WaitAsync(_store.Settings.OperationTimeout, _time, cancellationToken).ConfigureAwait(false);
            return _store.Circuit.IsOpen
                ? HealthCheckResult.Degraded($"Redis answers again ({latency.TotalMilliseconds:0.0} ms) but the circuit is still open.")
                : HealthCheckResult.Healthy($"Redis answers in {latency.TotalMilliseconds:0.0} ms.");
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Degraded("Redis does not answer; rules that need session state take their fail-safe outcome.", ex);
        }
    }
}
