using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AgentGuard.Benchmarks.PolicySize;

/// <summary>
/// Issue 19's load figures, measured once rather than benchmarked: loading the generated policy from a JSON file
/// through <see cref="IConfiguration"/> (to the first decision), the retained size of a compiled policy, and the latency
/// of decisions made on other threads while a 10,000-rule policy reloads. <c>-- --policy-load [sizes…]</c>; with
/// <c>--live-section</c> the configuration root is not registered, so the section is read the old way (node by node);
/// with <c>--varied</c> every 97th rule carries one setting more (<see cref="GeneratedPolicy.ToJson(bool)"/>).
/// </summary>
internal static class PolicyLoad
{
    public static void Run(string[] args)
    {
        var live = args.Contains("--live-section");
        if (args.Contains("--compile-only"))
        {
            CompileOnly(args.Select(a => int.TryParse(a, out var n) ? n : 0).FirstOrDefault(n => n > 0, 10_000), args.Contains("--allocations"));
            return;
        }

        if (args.Contains("--steps"))
        {
            Steps(args.Select(a => int.TryParse(a, out var n) ? n : 0).FirstOrDefault(n => n > 0, 10_000));
            return;
        }

        if (args.Contains("--memory"))
        {
            // Three rounds in one process: GC.GetTotalMemory before and after one compile varies from run to run.
            var size = args.Select(a => int.TryParse(a, out var n) ? n : 0).FirstOrDefault(n => n > 0, 100_000);
            for (var round = 0; round < 3; round++)
            {
                Memory(size);
            }

            return;
        }

        if (args.Contains("--warm"))
        {
            Warm(args.Select(a => int.TryParse(a, out var n) ? n : 0).FirstOrDefault(n => n > 0, 10_000), args.Contains("--jit"));
            return;
        }

        if (args.Contains("--reload-only"))
        {
            Reload(10_000, args);
            return;
        }

        var sizes = args.Select(a => int.TryParse(a, out var n) ? n : 0).Where(n => n > 0).ToArray();
        foreach (var size in sizes.Length > 0 ? sizes : [10_000, 100_000])
        {
            Load(size, live, args.Contains("--allocations"), readFirst: !args.Contains("--cold"), jit: args.Contains("--jit"), varied: args.Contains("--varied"));
        }

        if (!live && sizes.Length == 0)
        {
            Memory(100_000);
            Reload(10_000);
        }
    }

    /// <param name="readFirst">
    /// Read the section by hand once before the timed load, to print the reading's own time. That also compiles the
    /// reader's code (and .NET's configuration sorting) before the clock starts; <c>--cold</c> leaves it out, so the
    /// timed load is a process's first, as in an application's start-up.
    /// </param>
    /// <param name="jit">List the methods the load spent JIT time on (<see cref="JitMethods"/>).</param>
    /// <param name="varied">Write the policy with <see cref="GeneratedPolicy.ToJson(bool)"/>'s variation.</param>
    private static void Load(int size, bool live, bool allocations = false, bool readFirst = true, bool jit = false, bool varied = false)
    {
        var policy = GeneratedPolicy.Create(size, allowed: 70, restricted: 30);
        var file = Path.Combine(Path.GetTempPath(), $"agentguard-policy-{size}{(varied ? "-varied" : string.Empty)}.json");
        File.WriteAllText(file, policy.ToJson(varied));
        if (!live && readFirst)
        {
            var config = new ConfigurationBuilder().AddJsonFile(file).Build();
            var reading = Stopwatch.GetTimestamp();
            var readingCpu = Process.GetCurrentProcess().TotalProcessorTime;
            var readingBytes = GC.GetTotalAllocatedBytes(precise: true);
            var rules = new Policies.RuleEntries();
            _ = Policies.ConfigurationReader.Read(config, config.GetSection("AgentGuard"), Policies.ConfigurationKeyChecker.RootShape, new Dictionary<string, Policies.ConfigurationShape>(), rules, out var copied);
            Console.WriteLine($"  reading {size:N0} rules (bound by hand): {Stopwatch.GetElapsedTime(reading).TotalMilliseconds:N0} ms wall, {(Process.GetCurrentProcess().TotalProcessorTime - readingCpu).TotalMilliseconds:N0} ms processor, {copied} entries copied the slow way, {rules.Entries.Count(e => e.Bound is not null)} of {rules.Entries.Count} rules bound by hand, {(GC.GetTotalAllocatedBytes(precise: true) - readingBytes) / 1024.0 / 1024.0:F1} MB allocated");
        }

        using var types = allocations ? new AllocationTypes() : null;
        using var jitMethods = jit ? new JitMethods() : null;
        var started = Stopwatch.GetTimestamp();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var (pauses, jitTime, collections, allocated) = (GC.GetTotalPauseDuration(), System.Runtime.JitInfo.GetCompilationTime(), GC.CollectionCount(0), GC.GetTotalAllocatedBytes(precise: true));
        var services = Host(file, live, reloadOnChange: false, out _, started);
        var hosted = Stopwatch.GetElapsedTime(started);
        var (hostedCpu, hostedJit, hostedGc) = (Process.GetCurrentProcess().TotalProcessorTime - cpu, System.Runtime.JitInfo.GetCompilationTime() - jitTime, GC.GetTotalPauseDuration() - pauses);
        var engine = services.GetRequiredService<IGuardEngine>();
        var resolved = Stopwatch.GetElapsedTime(started);
        var (resolvedCpu, resolvedJit, resolvedGc) = (Process.GetCurrentProcess().TotalProcessorTime - cpu, System.Runtime.JitInfo.GetCompilationTime() - jitTime, GC.GetTotalPauseDuration() - pauses);
        Console.WriteLine($"  processor / JIT / GC pauses: host {hostedCpu.TotalMilliseconds:N0} / {hostedJit.TotalMilliseconds:N0} / {hostedGc.TotalMilliseconds:N0} ms, engine {(resolvedCpu - hostedCpu).TotalMilliseconds:N0} / {(resolvedJit - hostedJit).TotalMilliseconds:N0} / {(resolvedGc - hostedGc).TotalMilliseconds:N0} ms");
        var first = policy.Allowed[0];
        PolicyReference.Check(first, engine.EvaluateAsync(first.Call, first.Context).AsTask().GetAwaiter().GetResult());
        var elapsed = Stopwatch.GetElapsedTime(started);
        Console.WriteLine($"  phases: configuration read and services built {hosted.TotalMilliseconds:N0} ms, engine resolved (policy bound, checked, compiled) {(resolved - hosted).TotalMilliseconds:N0} ms, first decision {(elapsed - resolved).TotalMilliseconds:N0} ms");
        var processor = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        Console.WriteLine($"load {size:N0} rules from JSON through IConfiguration ({(live ? "live section" : "snapshot")}{(readFirst ? string.Empty : ", cold")}), to the first decision: {elapsed.TotalMilliseconds:N0} ms wall, {processor.TotalMilliseconds:N0} ms processor ({new FileInfo(file).Length / 1024.0 / 1024.0:F1} MB file)");
        Console.WriteLine($"  of which garbage collection pauses {(GC.GetTotalPauseDuration() - pauses).TotalMilliseconds:N0} ms ({GC.CollectionCount(0) - collections} collections), compiling code (JIT) {(System.Runtime.JitInfo.GetCompilationTime() - jitTime).TotalMilliseconds:N0} ms; {(GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1024.0 / 1024.0:F1} MB allocated");
        if (types is not null)
        {
            Console.WriteLine($"  allocation samples by type: {string.Join(", ", types.Samples.OrderByDescending(p => p.Value).Take(30).Select(p => $"{p.Key} {p.Value}"))}");
        }
        jitMethods?.Print(40);
    }

    /// <summary>
    /// Compiling alone (options already bound), five times in one process: the first round pays for compiling the
    /// compiler's code, the others show its own cost. Wall and processor time (a long rule list compiles in parallel),
    /// bytes allocated by every thread.
    /// </summary>
    private static void CompileOnly(int size, bool allocations)
    {
        var options = GeneratedPolicy.Create(size, allowed: 7, restricted: 3).Options;
        using var types = allocations ? new AllocationTypes() : null;
        for (var round = 0; round < 5; round++)
        {
            var (cpu, bytes, collections, pauses) = (Process.GetCurrentProcess().TotalProcessorTime, GC.GetTotalAllocatedBytes(precise: true), GC.CollectionCount(0), GC.GetTotalPauseDuration());
            var started = Stopwatch.GetTimestamp();
            var compiled = Policies.PolicyCompiler.Compile(options);
            var wall = Stopwatch.GetElapsedTime(started);
            var spent = Process.GetCurrentProcess().TotalProcessorTime - cpu;
            Console.WriteLine($"compile {size:N0} rules, round {round + 1}: {wall.TotalMilliseconds:N0} ms wall, {spent.TotalMilliseconds:N0} ms processor, {(GC.GetTotalAllocatedBytes(precise: true) - bytes) / 1024.0 / 1024.0:F1} MB allocated (all threads), {GC.CollectionCount(0) - collections} collections ({(GC.GetTotalPauseDuration() - pauses).TotalMilliseconds:N0} ms paused)");
            GC.KeepAlive(compiled);
        }

        if (types is not null)
        {
            Console.WriteLine($"  allocation samples by type: {string.Join(", ", types.Samples.OrderByDescending(p => p.Value).Take(25).Select(p => $"{p.Key} {p.Value}"))}");
        }
    }

    /// <summary>
    /// The load's steps one after another in a fresh process, each timed (wall, and JIT while it ran): the JSON file
    /// parsed, the section's key listings, the rules read and bound, the rest checked and bound, the policy compiled (and
    /// the bytes each step allocated, on every thread).
    /// Each step pays for compiling its own code, as in an application's start-up.
    /// </summary>
    private static void Steps(int size)
    {
        var policy = GeneratedPolicy.Create(size, allowed: 70, restricted: 30);
        var file = Path.Combine(Path.GetTempPath(), $"agentguard-policy-{size}.json");
        File.WriteAllText(file, policy.ToJson());
        var steps = new List<string>();
        T Step<T>(string name, Func<T> step)
        {
            var (started, jit, pauses, bytes) = (Stopwatch.GetTimestamp(), System.Runtime.JitInfo.GetCompilationTime(), GC.GetTotalPauseDuration(), GC.GetTotalAllocatedBytes(precise: true));
            var result = step();
            steps.Add($"{name} {Stopwatch.GetElapsedTime(started).TotalMilliseconds:N0} ms (JIT {(System.Runtime.JitInfo.GetCompilationTime() - jit).TotalMilliseconds:N0}, GC {(GC.GetTotalPauseDuration() - pauses).TotalMilliseconds:N0}, {(GC.GetTotalAllocatedBytes(precise: true) - bytes) / 1024.0 / 1024.0:F1} MB)");
            return result;
        }

        var all = Stopwatch.GetTimestamp();
        var root = Step("JSON parsed", () => new ConfigurationBuilder().AddJsonFile(file).Build());
        var providers = root.Providers.ToArray();
        _ = Step("key listings (section, rules)", () => (Policies.ConfigurationReader.Count(providers, "AgentGuard"), Policies.ConfigurationReader.Count(providers, "AgentGuard:Rules")));
        var rules = new Policies.RuleEntries();
        var snapshot = Step("read (listings again, rules bound)", () => Policies.ConfigurationReader.Read(root, root.GetSection("AgentGuard"), Policies.ConfigurationKeyChecker.RootShape, new Dictionary<string, Policies.ConfigurationShape>(), rules, out _)!);
        var options = Step("rest checked and bound", () =>
        {
            if (Policies.ConfigurationKeyChecker.Check(snapshot, []).Count > 0)
            {
                throw new InvalidOperationException("the generated policy has problems");
            }

            var bound = new AgentGuardOptions();
            snapshot.Bind(bound);
            bound.Rules.AddRange(rules.Entries.Select(e => e.Bound!));
            return bound;
        });
        var compiled = Step("compiled", () => Policies.PolicyCompiler.Compile(options));
        GC.KeepAlive(compiled);
        Console.WriteLine($"steps of loading {size:N0} rules, {Stopwatch.GetElapsedTime(all).TotalMilliseconds:N0} ms: {string.Join("; ", steps)}");
    }

    /// <summary>
    /// The same load five times in one process: the first round pays for compiling .NET's and AgentGuard's code (as
    /// <c>--policy-load</c> does), the later ones show the load's own work, as in a host whose code is already compiled.
    /// </summary>
    /// <param name="listJit">List the methods the last round spent JIT time on (<see cref="JitMethods"/>).</param>
    private static void Warm(int size, bool listJit)
    {
        var policy = GeneratedPolicy.Create(size, allowed: 70, restricted: 30);
        var file = Path.Combine(Path.GetTempPath(), $"agentguard-policy-{size}.json");
        File.WriteAllText(file, policy.ToJson());
        for (var round = 0; round < 5; round++)
        {
            using var jitMethods = listJit && round == 4 ? new JitMethods() : null;
            var started = Stopwatch.GetTimestamp();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var (pauses, jit, collections, allocated) = (GC.GetTotalPauseDuration(), System.Runtime.JitInfo.GetCompilationTime(), GC.CollectionCount(0), GC.GetTotalAllocatedBytes(precise: true));
            var services = Host(file, live: false, reloadOnChange: false, out _);
            var parsed = Stopwatch.GetElapsedTime(started);
            var parsedBytes = GC.GetTotalAllocatedBytes(precise: true) - allocated;
            var engine = services.GetRequiredService<IGuardEngine>();
            var first = policy.Allowed[0];
            PolicyReference.Check(first, engine.EvaluateAsync(first.Call, first.Context).AsTask().GetAwaiter().GetResult());
            var elapsed = Stopwatch.GetElapsedTime(started);
            services.DisposeAsync().AsTask().GetAwaiter().GetResult();
            Console.WriteLine($"load {size:N0} rules, round {round + 1}: {elapsed.TotalMilliseconds:N0} ms wall (JSON parsed and services built {parsed.TotalMilliseconds:N0} ms, {parsedBytes / 1024.0 / 1024.0:F1} MB), {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds:N0} ms processor, GC pauses {(GC.GetTotalPauseDuration() - pauses).TotalMilliseconds:N0} ms ({GC.CollectionCount(0) - collections} collections), JIT {(System.Runtime.JitInfo.GetCompilationTime() - jit).TotalMilliseconds:N0} ms, {(GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1024.0 / 1024.0:F1} MB allocated");
            jitMethods?.Print(30);
        }
    }

    /// <summary>
    /// Retained bytes of the compiled policy alone (the options it came from are allocated before the baseline), and of
    /// the options built in code (a compiled policy keeps them).
    /// </summary>
    private static void Memory(int size)
    {
        var start = GC.GetTotalMemory(forceFullCollection: true);
        var options = GeneratedPolicy.Create(size, allowed: 7, restricted: 3).Options;
        var before = GC.GetTotalMemory(forceFullCollection: true);
        Console.WriteLine($"options of {size:N0} rules built in code: {(before - start) / 1024.0 / 1024.0:F1} MB retained");
        var compiled = Policies.PolicyCompiler.Compile(options);
        var after = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(compiled);
        GC.KeepAlive(options);
        Console.WriteLine($"compiled policy of {size:N0} rules: {(after - before) / 1024.0 / 1024.0:F1} MB retained ({(after - before) / (double)size:F0} B per rule)");
    }

    /// <summary>Two threads decide continuously while the main thread reloads the policy five times; latencies compared with no reload.</summary>
    private static void Reload(int size, string[]? args = null)
    {
        var policy = GeneratedPolicy.Create(size);
        var file = Path.Combine(Path.GetTempPath(), $"agentguard-policy-{size}.json");
        File.WriteAllText(file, policy.ToJson());
        var services = Host(file, live: false, reloadOnChange: false, out var root);
        var engine = services.GetRequiredService<IGuardEngine>();
        var requests = policy.Allowed.Concat(policy.Restricted).ToArray();
        foreach (var request in requests)
        {
            PolicyReference.Check(request, engine.EvaluateAsync(request.Call, request.Context).AsTask().GetAwaiter().GetResult());
        }

        if (args?.Contains("--reload-check") == true)
        {
            root.Reload();
            var mismatches = 0;
            foreach (var request in requests)
            {
                try
                {
                    PolicyReference.Check(request, engine.EvaluateAsync(request.Call, request.Context).AsTask().GetAwaiter().GetResult());
                }
                catch (InvalidOperationException ex)
                {
                    if (mismatches++ < 3)
                    {
                        Console.WriteLine("after one reload, single thread: " + ex.Message);
                        var ids = ex.Message.Split('[', ']')[1].Split(',');
                        foreach (var spec in policy.RuleSpecs.Where(r => ids.Contains(r.Id)))
                        {
                            Console.WriteLine($"  {spec.Id}: {spec.ToJson().ToJsonString()}");
                        }
                    }
                }
            }

            Console.WriteLine($"{mismatches} mismatches after one reload");
            return;
        }

        try
        {
            _ = Measure(engine, requests, () => Thread.Sleep(3000));
        }
        catch (InvalidOperationException ex)
        {
            var ids = ex.Message.Split('[', ']')[1].Split(',');
            Console.WriteLine("quiet phase: " + ex.Message);
            foreach (var spec in policy.RuleSpecs.Where(r => ids.Contains(r.Id)))
            {
                Console.WriteLine($"  {spec.Id}: {spec.ToJson().ToJsonString()}");
            }

            throw;
        }

        var quiet = Measure(engine, requests, () => Thread.Sleep(3000));
        var reloads = new List<double>();
        var during = MeasureOrExplain(policy, engine, requests, () =>
        {
            for (var i = 0; i < 5; i++)
            {
                var started = Stopwatch.GetTimestamp();
                FileChanged(root);
                reloads.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        });
        var provider = services.GetRequiredService<PolicyProvider>();
        Console.WriteLine($"reload of {size:N0} rules: {provider.ReloadCount} reloads, each {reloads.Average():N0} ms on the reloading thread");
        Console.WriteLine($"  decisions without reload: {quiet}");
        Console.WriteLine($"  decisions during reloads: {during}");
    }

    private static string MeasureOrExplain(GeneratedPolicy policy, IGuardEngine engine, GeneratedRequest[] requests, Action meanwhile)
    {
        try
        {
            return Measure(engine, requests, meanwhile);
        }
        catch (InvalidOperationException ex)
        {
            Console.WriteLine("during reloads: " + ex.Message);
            var ids = ex.Message.Split('[', ']')[1].Split(',');
            foreach (var spec in policy.RuleSpecs.Where(r => ids.Contains(r.Id)))
            {
                Console.WriteLine($"  {spec.Id}: {spec.ToJson().ToJsonString()}");
            }

            throw;
        }
    }

    private static string Measure(IGuardEngine engine, GeneratedRequest[] requests, Action meanwhile)
    {
        var stop = false;
        InvalidOperationException? failure = null;
        var samples = new List<double>[Environment.GetEnvironmentVariable("DECISION_THREADS") is { } m ? int.Parse(m, System.Globalization.CultureInfo.InvariantCulture) : 2];
        var threads = new Thread[Environment.GetEnvironmentVariable("DECISION_THREADS") is { } n ? int.Parse(n, System.Globalization.CultureInfo.InvariantCulture) : 2];
        for (var t = 0; t < threads.Length; t++)
        {
            var mine = samples[t] = new List<double>(1_000_000);
            var offset = t * 7;
            threads[t] = new Thread(() =>
            {
                var i = offset;
                while (!Volatile.Read(ref stop))
                {
                    var request = requests[i++ % requests.Length];
                    var started = Stopwatch.GetTimestamp();
                    var decision = engine.EvaluateAsync(request.Call, request.Context).AsTask().GetAwaiter().GetResult();
                    mine.Add(Stopwatch.GetElapsedTime(started).TotalMicroseconds);
                    try
                    {
                        PolicyReference.Check(request, decision);
                    }
                    catch (InvalidOperationException ex)
                    {
                        failure ??= ex;
                        return;
                    }
                }
            });
            threads[t].Start();
        }

        meanwhile();
        Volatile.Write(ref stop, true);
        foreach (var thread in threads)
        {
            thread.Join();
        }

        if (failure is not null)
        {
            throw failure;
        }

        var all = samples.SelectMany(s => s).Order().ToArray();
        return $"{all.Length:N0} decisions, p50 {all[all.Length / 2]:F1} µs, p99 {all[(int)(all.Length * 0.99)]:F1} µs, p99.9 {all[(int)(all.Length * 0.999)]:F1} µs, max {all[^1] / 1000:F1} ms";
    }

    /// <summary>
    /// Reloads the JSON file as its file watcher does (one change signal, one compile). <c>IConfigurationRoot.Reload</c>
    /// would signal twice — the provider's load, then the root — and so compile the policy twice per reload.
    /// </summary>
    private static void FileChanged(IConfigurationRoot root)
    {
        foreach (var provider in root.Providers.OfType<FileConfigurationProvider>())
        {
            provider.Load();
        }
    }

    private static ServiceProvider Host(string file, bool live, bool reloadOnChange, out IConfigurationRoot root, long? started = null)
    {
        root = new ConfigurationBuilder().AddJsonFile(file, optional: false, reloadOnChange: reloadOnChange).Build();
        if (started is { } since)
        {
            Console.WriteLine($"  JSON file parsed into the configuration root: {Stopwatch.GetElapsedTime(since).TotalMilliseconds:N0} ms");
        }

        var services = new ServiceCollection();
        if (!live)
        {
            services.AddSingleton<IConfiguration>(root);
        }

        services.AddAgentGuard(root.GetSection("AgentGuard"));
        return services.BuildServiceProvider();
    }
}
