using AgentGuard.Benchmarks;
using BenchmarkDotNet.Running;

// Run all:      dotnet run -c Release --project tests/AgentGuard.Benchmarks -- --filter '*'
// Run one area: dotnet run -c Release --project tests/AgentGuard.Benchmarks -- --filter '*Engine*'
// Policy load, compiled size, reload (issue 19): -- --policy-load [sizes] [--live-section] [--cold] [--warm] [--steps] [--memory [size]]
// Policy size in processor time (for a shared machine): -- --policy-cpu [sizes]
// Sessions at scale (issue 21; optional part: busy|threads|new|allow|memory): -- --session-scale [part]
// Injection detector and poisoning scanner in thread processor time (shared machine): -- --detection-cpu [name part] [--rounds N]
// The detectors attacked at size (a fragment repeated to 64/256 KB): -- --detection-at-size [KB,KB] [s|i|p|h…]
// Shell analyser in thread processor time and bytes per line (shared machine): -- --shell-cpu
// Session memory (not a timing benchmark): dotnet run -c Release --project tests/AgentGuard.Benchmarks -- --session-memory
// Redis (loopback redis-server):  -- --redis-latency [--gap-ms N] [--thread-cpu] [--settled | --swapped] [--dedicated-threads]  |  -- --redis-decisions N [--settled] [--allocations] (for strace/perf; types allocated)  |  -- --redis-parts  |  -- --redis-read-cpu  |  -- --redis-memory  |  --filter '*RedisBenchmarks*'
if (args.Contains("--shell-cpu"))
{
    ShellCpu.Run();
    return;
}

if (args.Contains("--detection-at-size"))
{
    DetectionAtSize.Run(args);
    return;
}

if (args.Contains("--detection-cpu"))
{
    DetectionCpu.Run(args);
    return;
}

if (args.Contains("--redis-latency"))
{
    // --gap-ms N: each iteration starts N ms after the last, as an agent's decisions come (a model turn apart).
    var gap = args.SkipWhile(a => a != "--gap-ms").Skip(1).Select(int.Parse).FirstOrDefault();
    // --thread-cpu: also the calling thread's CPU time until the call returns (two clock reads around each call).
    // --dedicated-threads: the client's feature flag set for the whole process before anything connects (a host's
    // choice, not the library's): each connection writes and reads on threads of its own instead of the thread pool.
    if (args.Contains("--dedicated-threads"))
    {
        StackExchange.Redis.ConnectionMultiplexer.SetFeatureFlag("DedicatedThreads", true);
    }

    // --settled: every other iteration waits until the previous decision's record is answered (reported apart).
    // --swapped: every other iteration decides before its awaited PING (reported apart).
    RedisMeasurements.Latency(gap > 0 ? 5_000 : 20_000, TimeSpan.FromMilliseconds(gap), args.Contains("--thread-cpu"), args.Contains("--settled"), args.Contains("--swapped"));
    return;
}

if (args.Contains("--redis-decisions"))
{
    // --settled: each decision once the previous record is sent; --allocations: the types allocated, sampled.
    RedisMeasurements.Decisions(args.SkipWhile(a => a != "--redis-decisions").Skip(1).TakeWhile(a => !a.StartsWith("--", StringComparison.Ordinal)).Select(int.Parse).FirstOrDefault(1_000), args.Contains("--settled"), args.Contains("--allocations"));
    return;
}

if (args.Contains("--redis-read-cpu"))
{
    RedisReadCpu.Run();
    return;
}

if (args.Contains("--redis-parts"))
{
    RedisMeasurements.Parts();
    return;
}

if (args.Contains("--redis-memory"))
{
    RedisMeasurements.Memory();
    return;
}

if (args.Contains("--policy-cpu"))
{
    AgentGuard.Benchmarks.PolicySize.PolicyCpu.Run(args);
    return;
}

if (args.Contains("--policy-load"))
{
    AgentGuard.Benchmarks.PolicySize.PolicyLoad.Run(args);
    return;
}

if (args.Contains("--session-scale"))
{
    SessionScale.Run(args);
    return;
}

if (args.Contains("--session-memory"))
{
    SessionMemory.Run();
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
