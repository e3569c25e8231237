using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using AgentGuard.Redis;
using StackExchange.Redis;

namespace AgentGuard.Benchmarks;

/// <summary>
/// Decisions with a Redis-backed session on a loopback redis-server (issue #16 target: p50 ≤ one round trip + 10 µs).
/// The PING row is the round trip; the read row is what the sequence decision sends (LRANGE of the history; no script
/// is needed without seen values or rate limits), its answer not decoded: Redis's own work plus the transfer. The decision rows read the session
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
    private RedisKey[] _scriptKeys = null!;

    [GlobalSetup]
    public void Setup()
    {
        _redis = new LoopbackRedis();
        var host = _redis.Host(EngineBenchmarks.Policy(100));
        _engine = host.GetRequiredService<IGuardEngine>();
        _database = ConnectionMultiplexer.Connect(_redis.Configuration).GetDatabase();
        var keys = host.GetRequiredService<RedisSessionStore>().Keys;
        _scriptKeys = [keys.History("bench-session"), keys.Labels("bench-session"), keys.Seen("bench-session")];
        _sequenced = new ToolCallEvent("export_report") { CallId = "e" };
        _unread = new ToolCallEvent("read_file") { Arguments = ToolArguments.FromJson("""{ "path": "/home/alice/notes.txt" }"""), CallId = "c" };
        _session = new GuardContext { SessionId = "bench-session", User = new GuardUser("alice") { Groups = ["staff"] }, Environment = "prod" };
        for (var i = 0; i < 50; i++)
        {
            _engine.EvaluateAsync(new ToolCallEvent(i % 2 == 0 ? "search" : "read_file"), _session).AsTask().GetAwaiter().GetResult();
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _redis.Dispose();

    [Benchmark(Baseline = true, Description = "loopback round trip (PING)")]
    public TimeSpan Ping() => _database.Ping();

    [Benchmark(Description = "decision's read alone (LRANGE of the 100-call history, answer not decoded)")]
    public RedisValue[] DecideRead() => _database.ListRange(_scriptKeys[0], -100, -1);

    [Benchmark(Description = "Redis session: decision reading history (sequence rule)")]
    public DecisionEffect SequenceDecision() => _engine.EvaluateAsync(_sequenced, _session).AsTask().GetAwaiter().GetResult().Effect;

    [Benchmark(Description = "Redis session: decision reading nothing (record only)")]
    public DecisionEffect UnreadDecision() => _engine.EvaluateAsync(_unread, _session).AsTask().GetAwaiter().GetResult().Effect;
}
