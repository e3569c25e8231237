using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace AgentGuard.Redis.Tests;

/// <summary>
/// One replica: its own service provider (engine, stores, multiplexer), configured from JSON as an app would,
/// sharing Redis with the other replicas. Only the model is scripted anywhere in these tests.
/// </summary>
internal sealed class Replica : IAsyncDisposable
{
    public const string HmacKey = "c2VjcmV0LWtleS1mb3ItdGVzdHMtb25seS0zMi1ieXRlcyE=";

    private Replica(ServiceProvider services)
    {
        Services = services;
        Engine = services.GetRequiredService<IGuardEngine>();
        Guard = services.GetRequiredService<ToolGuard>();
    }

    public ServiceProvider Services { get; }

    public IGuardEngine Engine { get; }

    public ToolGuard Guard { get; }

    public ConcurrentQueue<AuditRecord> Audit { get; } = new();

    /// <summary>A replica whose records wait in <paramref name="held"/> (a scheduler that runs nothing) until a test runs them.</summary>
    public static Task<Replica> StartHeldAsync(RedisServer redis, string rulesJson, HeldWork held, string prefix, Action<AgentGuardBuilder>? configure = null)
        => StartAsync(redis, rulesJson, prefix: prefix, configure: b =>
        {
            b.Services.AddSingleton(new RecordScheduler(held.Add));
            configure?.Invoke(b);
        });

    public static async Task<Replica> StartAsync(RedisServer redis, string rulesJson, string redisJson = "", string prefix = "agentguard:tests", Action<AgentGuardBuilder>? configure = null, bool waitForConnection = true)
    {
        // Where the budget is not the subject, a generous one: a loaded test machine must not turn into fail-safe decisions.
        if (!redisJson.Contains("OperationTimeout", StringComparison.Ordinal))
        {
            redisJson += """, "OperationTimeout": "00:00:05" """;
        }

        var json = $$"""
        {
          "AgentGuard": {
            {{rulesJson}},
            "Redis": {
              "Configuration": "{{redis.Configuration}}",
              "KeyPrefix": "{{prefix}}",
              "HmacKey": "{{HmacKey}}"
              {{redisJson}}
            }
          }
        }
        """;
        var configuration = new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build();
        var services = new ServiceCollection();
        var audit = new AuditCollector();
        var builder = services.AddAgentGuard(configuration.GetSection("AgentGuard"))
            .AddRedis(configuration.GetSection("AgentGuard:Redis"))
            .AddAuditSink(audit);
        configure?.Invoke(builder);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        var replica = new Replica(provider);
        audit.Target = replica.Audit;

        // Every replica here starts against a live server: wait for its first connection, as a warm replica behind a
        // load balancer has it, so a loaded test machine cannot turn a slow connect into a fail-safe decision.
        // (Starting against a Redis that is down is OutageTests' subject.)
        if (waitForConnection)
        {
            // The connect task completes even when the first attempt timed out (the client keeps retrying in the
            // background, so a Redis that is down does not block the host): wait until it is connected.
            var multiplexer = await provider.GetRequiredService<RedisConnection>().Multiplexer.WaitAsync(TimeSpan.FromSeconds(20));
            var deadline = DateTime.UtcNow.AddSeconds(20);
            while (!multiplexer.IsConnected && DateTime.UtcNow < deadline)
            {
                await Task.Delay(20);
            }
        }

        return replica;
    }

    /// <summary>Waits until this replica's connection is up and every write it sent before has been applied (one PING, in order on the same connection).</summary>
    public async Task FlushAsync()
    {
        // Records decided here may still be queued (they are sent beside the agent's next step): hand them over first.
        Services.GetRequiredService<RedisSessionStore>().SendRecords();
        var connection = Services.GetRequiredService<RedisConnection>();
        var multiplexer = await connection.Multiplexer;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await multiplexer.GetDatabase().PingAsync();
                return;
            }
            catch (RedisTimeoutException) when (attempt < 10)
            {
                // The replica's budget is short on purpose (OutageTests); a loaded test machine may miss it once.
            }
        }
    }

    public async Task<IConnectionMultiplexer> MultiplexerAsync() => await Services.GetRequiredService<RedisConnection>().Multiplexer;

    public static ToolCallEvent Call(string name, string? argumentsJson = null, string? callId = null)
        => new(name, ToolKind.Function) { Arguments = argumentsJson is null ? ToolArguments.Empty : ToolArguments.FromJson(argumentsJson), CallId = callId };

    public ValueTask DisposeAsync() => Services.DisposeAsync();

    private sealed class AuditCollector : IAuditSink
    {
        public ConcurrentQueue<AuditRecord>? Target { get; set; }

        public void Write(AuditRecord record) => Target?.Enqueue(record);
    }
}
