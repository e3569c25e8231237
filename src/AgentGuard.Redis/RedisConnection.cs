using StackExchange.Redis;

namespace AgentGuard.Redis;

/// <summary>
/// The multiplexer the stores share: the host's, or one connected from configuration in the background (a Redis that is
/// down at start does not block the host; decisions take the fail-safe path until it answers). Owns what it creates.
/// </summary>
internal sealed class RedisConnection : IAsyncDisposable
{
    /// <summary>How long a write may wait for Redis (the client's own timeout; reads wait with the operation budget).</summary>
    internal const int WriteTimeoutMs = 5_000;

    private readonly Task<IConnectionMultiplexer> _connecting;
    private readonly bool _owned;

    public RedisConnection(IConnectionMultiplexer multiplexer)
    {
        _connecting = Task.FromResult(multiplexer);
    }

    public RedisConnection(RedisStoreOptions options, RedisStoreSettings settings)
    {
        _owned = true;
        _connecting = ConnectAsync(Configure(options, settings));
    }

    /// <summary>The database, or <see langword="null"/> while the first connection attempt is still under way.</summary>
    public IDatabase? Database => _connecting.IsCompletedSuccessfully ? _connecting.Result.GetDatabase() : null;

    /// <summary>The database, waiting at most <paramref name="budget"/> for the first connection attempt; <see langword="null"/> when it is not there in time.</summary>
    public async ValueTask<IDatabase?> GetDatabaseAsync(TimeSpan budget, TimeProvider time, CancellationToken cancellationToken)
    {
        if (Database is { } ready)
        {
            return ready;
        }

        try
        {
            return (await _connecting.WaitAsync(budget, time, cancellationToken).ConfigureAwait(false)).GetDatabase();
        }
        catch (Exception ex) when (ex is TimeoutException or RedisException)
        {
            return null;
        }
    }

    /// <summary>The multiplexer once connected (for health checks and tests).</summary>
    public Task<IConnectionMultiplexer> Multiplexer => _connecting;

    public static ConfigurationOptions Configure(RedisStoreOptions options, RedisStoreSettings settings)
    {
        var configuration = ConfigurationOptions.Parse(options.Configuration!);
        if (options.Password is { Length: > 0 } password)
        {
            configuration.Password = password;
        }

        if (options.User is { Length: > 0 } user)
        {
            configuration.User = user;
        }

        if (options.Ssl is { } ssl)
        {
            configuration.Ssl = ssl;
        }

        // Never block the host on a Redis that is down, never queue commands behind a dead connection.
        configuration.AbortOnConnectFail = false;
        configuration.BacklogPolicy = BacklogPolicy.FailFast;
        // Reads keep the operation budget by waiting with it themselves; the client's own timeout is what a write gets.
        // Writes are off the decision's path, and a busy host can hold the client's socket work longer than a read's
        // budget: a write dropped then is a call lost from the shared history, so writes get WriteTimeoutMs — both once
        // sent (AsyncTimeout) and while still in the client's backlog (queued when another thread holds the
        // connection's writer), which the client times out after SyncTimeout whether the call was async or not.
        var budget = (int)Math.Ceiling(settings.OperationTimeout.TotalMilliseconds);
        configuration.AsyncTimeout = Math.Max(budget, WriteTimeoutMs);
        configuration.SyncTimeout = Math.Max(budget, WriteTimeoutMs);
        configuration.ConnectTimeout = Math.Min(configuration.ConnectTimeout, 2000);
        configuration.ClientName ??= "agentguard";
        return configuration;
    }

    public async ValueTask DisposeAsync()
    {
        if (_owned)
        {
            try
            {
                var multiplexer = await _connecting.ConfigureAwait(false);
                await multiplexer.DisposeAsync().ConfigureAwait(false);
            }
#pragma warning disable CA1031 // A connection that never came up has nothing to dispose.
            catch (Exception)
#pragma warning restore CA1031
            {
            }
        }
    }

    private static async Task<IConnectionMultiplexer> ConnectAsync(ConfigurationOptions configuration)
        => await ConnectionMultiplexer.ConnectAsync(configuration).ConfigureAwait(false);
}
