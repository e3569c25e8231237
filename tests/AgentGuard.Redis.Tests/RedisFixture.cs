namespace AgentGuard.Redis.Tests;

/// <summary>One redis-server for the tests of a class; each test uses its own key prefix, so tests do not see each other.</summary>
public sealed class RedisFixture : IAsyncLifetime
{
    private RedisServer? _server;

    internal RedisServer Server => _server ?? throw new InvalidOperationException("not started");

    public async Task InitializeAsync() => _server = await RedisServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    /// <summary>A key prefix no other test uses.</summary>
    public static string Prefix() => "agentguard:test-" + Guid.NewGuid().ToString("N")[..12];
}
