using BenchmarkDotNet.Attributes;

namespace AgentGuard.Benchmarks;

/// <summary>
/// A decision for a tool name the engine has never seen, once its per-name caches are full: what a model inventing tool
/// names (or a server announcing thousands) costs each call. With the 100-rule policy of <see cref="EngineBenchmarks"/>
/// and a session; the caches are filled in the setup with 20,000 other names, and every call names a tool of its own
/// (one million names, reused only after a million calls, long after the caches stopped taking names).
/// </summary>
[MemoryDiagnoser]
public class InventedNameBenchmarks
{
    private const int Names = 1_000_000;

    private IGuardEngine _engine = null!;
    private ToolCallEvent[] _calls = null!;
    private GuardContext _session = null!;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        _engine = EngineBenchmarks.Build(EngineBenchmarks.Policy(100));
        _session = new GuardContext { SessionId = "invented", User = new GuardUser("alice") { Groups = ["staff"] }, Environment = "prod" };
        for (var i = 0; i < 20_000; i++)
        {
            _engine.EvaluateAsync(new ToolCallEvent("filler_" + i), _session).AsTask().GetAwaiter().GetResult();
        }

        _calls = new ToolCallEvent[Names];
        for (var i = 0; i < Names; i++)
        {
            _calls[i] = new ToolCallEvent("invented_" + i);
        }
    }

    [Benchmark]
    public Decision NeverSeenToolName()
    {
        var call = _calls[_next];
        _next = _next + 1 == Names ? 0 : _next + 1;
        return _engine.EvaluateAsync(call, _session).AsTask().GetAwaiter().GetResult();
    }
}
