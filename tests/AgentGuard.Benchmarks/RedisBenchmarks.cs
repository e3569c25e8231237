using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using AgentGuard.Redis;
using StackExchange.Redis;

namespace AgentGuard.Benchmarks;

/// <summary>
/// Decisions with a Redis-backed session on a loopback redis-server (issue #16 target: p50 ≤ one round trip + 10 µs).
/// The PING row is the round trip; the read rows are what a sequence decision sends, their answers not decoded (Redis's
/// own work plus the transfer): a replica's first read of the session (LRANGE of the 100 kept calls) and a later one
/// (LRANGE of the newest 8 calls; the replica extends the calls it holds). The decision rows read the session
/// (a sequence rule over the last <c>MaxHistory</c> = 100 calls) in one scripted round trip.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class RedisBenchmarks
{
    private LoopbackRedis _redis = null!;
    private IGuardEngine _engine = null!;
    private IDatabase _database = null!;
    private ToolCallEvent _sequenced = null!;
    private ToolCallEvent _unread = null!;
    private GuardContext _session = null!;
    private RedisKey _historyKey;

    [GlobalSetup]
    public void Setup()
    {
        _redis = new LoopbackRedis();
        var host = _redis.Host(EngineBenchmarks.Policy(100));
        _engine = host.GetRequiredService<IGuardEngine>();
        _database = ConnectionMultiplexer.Connect(_redis.Configuration).GetDatabase();
        var keys = host.GetRequiredService<RedisSessionStore>().Keys;
        _historyKey = keys.History("bench-session");
        _sequenced = new ToolCallEvent("export_report") { CallId = "e" };
        _unread = new ToolCallEvent("read_file") { Arguments = ToolArguments.FromJson("""{ "path": "/home/alice/notes.txt" }"""), CallId = "c" };
        _session = new GuardContext { SessionId = "bench-session", User = new GuardUser("alice") { Groups = ["staff"] }, Environment = "prod" };
        for (var i = 0; i < 50; i++)
        {
            _engine.EvaluateAsync(new ToolCallEvent(i % 2 == 0 ? "search" : "read_file"), _session).AsTask().GetAwaiter().GetResult();
        }

        // 100 kept calls, and the engine holds them.
        for (var i = 0; i < 200; i++)
        {
            SequenceDecision();
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _redis.Dispose();

    [Benchmark(Baseline = true, Description = "loopback round trip (PING)")]
    public TimeSpan Ping() => _database.Ping();

    [Benchmark(Description = "first read alone (LRANGE of the 100 kept calls)")]
    public RedisValue[] FirstRead() => _database.ListRange(_historyKey, -100, -1);

    [Benchmark(Description = "later read alone (LRANGE of the newest 8 calls)")]
    public RedisValue[] LaterRead() => _database.ListRange(_historyKey, -HistoryCache.TailRead, -1);

    [Benchmark(Description = "Redis session: decision reading history (sequence rule)")]
    public DecisionEffect SequenceDecision() => _engine.EvaluateAsync(_sequenced, _session).AsTask().GetAwaiter().GetResult().Effect;

    [Benchmark(Description = "Redis session: decision reading nothing (record only)")]
    public DecisionEffect UnreadDecision() => _engine.EvaluateAsync(_unread, _session).AsTask().GetAwaiter().GetResult().Effect;
}
