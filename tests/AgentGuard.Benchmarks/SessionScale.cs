using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace AgentGuard.Benchmarks;

/// <summary>
/// Cost and memory against the number of live sessions (issue 21 targets), through the public API with the 100-rule
/// policy of <see cref="EngineBenchmarks"/>: <c>dotnet run -c Release -- --session-scale</c>. A console measurement
/// rather than BenchmarkDotNet because the state (100,000 sessions) is the subject and must be built once per row.
/// Each timing is the median of several rounds; the machine is shared, so compare rows of one run only.
/// </summary>
internal static class SessionScale
{
    private const int Rounds = 7;

    public static void Run(string[] args)
    {
        var only = args.SkipWhile(a => a != "--session-scale").Skip(1).FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal));
        Console.WriteLine($"session scale: {Environment.ProcessorCount} cores, load average {LoadAverage()}");
        if (only is null or "memory")
        {
            // First, while no other store is alive (a store of an earlier part would be collected in between).
            WorstCaseMemory();
        }

        if (only is null or "busy")
        {
            BusySession();
        }

        if (only is null or "threads")
        {
            TwoThreads();
            TwoOwnThreads();
        }

        if (only is null or "new")
        {
            NewSessionAtLimit(prompt: null);
            NewSessionAtLimit(prompt: "please summarise my notes from Tuesday's meeting with bob@corp.example about the Q3 plan");
        }

        if (only is null or "allow")
        {
            AllowAllocations();
        }

    }

    /// <summary>
    /// One busy session's per-call cost with 0 / 1,000 / 10,000 / 99,999 idle sessions beside it (100,000 = the default
    /// MaxSessions). The four stores are built first and measured in interleaved rounds, so a change in the machine's
    /// load during the run affects every row alike; the figure is the median round.
    /// </summary>
    private static void BusySession()
    {
        int[] idle = [0, 1_000, 10_000, 99_999];
        var engines = idle.Select(n =>
        {
            var engine = Engine();
            Fill(engine, n);
            return engine;
        }).ToArray();
        var busy = Context("busy", "summarise my notes");
        var call = new ToolCallEvent("read_file") { Arguments = ToolArguments.FromJson("""{ "path": "/home/alice/notes.txt" }"""), CallId = "c" };
        var rounds = new double[idle.Length][];
        for (var e = 0; e < engines.Length; e++)
        {
            TimeCalls(engines[e], call, busy, 20_000);
            rounds[e] = new double[Rounds];
        }

        for (var r = 0; r < Rounds; r++)
        {
            for (var e = 0; e < engines.Length; e++)
            {
                rounds[e][r] = TimeCalls(engines[e], call, busy, 50_000);
            }
        }

        for (var e = 0; e < engines.Length; e++)
        {
            Array.Sort(rounds[e]);
            Console.WriteLine($"busy session, {idle[e] + 1,7:N0} live sessions: {rounds[e][Rounds / 2],8:F0} ns per call (rounds {rounds[e][0]:F0}–{rounds[e][^1]:F0})");
        }
    }

    /// <summary>
    /// Throughput of two threads (one busy session each) against one, with 100,000 live sessions; rounds interleaved.
    /// Also processor time per call in both modes: on a shared machine the other processes take cores away from the
    /// second thread (wall-clock throughput then says little), while contention inside AgentGuard — a lock, an
    /// interlocked counter or a cache line both threads write — shows as more processor time per call with two threads.
    /// </summary>
    private static void TwoThreads()
    {
        var engine = Engine();
        Fill(engine, 99_998);

        // The fill's own background collection would otherwise run beside the first rounds and take the second core.
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        var contexts = new[] { Context("busy-0", "summarise my notes"), Context("busy-1", "summarise my notes") };
        var calls = new[] { ReadFile(), ReadFile() };
        const int count = 100_000;
        TimeCalls(engine, calls[0], contexts[0], count);
        TimeCalls(engine, calls[1], contexts[1], count);
        var one = new double[Rounds];
        var two = new double[Rounds];
        var cpuOne = new double[Rounds];
        var cpuTwo = new double[Rounds];
        var control = new double[Rounds];
        var elsewhere = new (long Others, long Stolen)[Rounds];
        using var process = Process.GetCurrentProcess();
        for (var r = 0; r < Rounds; r++)
        {
            control[r] = BusyCoreRound();
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            one[r] = 1e9 / TimeCalls(engine, calls[0], contexts[0], count);
            process.Refresh();
            cpuOne[r] = (process.TotalProcessorTime - cpu).TotalNanoseconds / count;
            cpu = process.TotalProcessorTime;
            var share = MachineShare.Now();
            var watch = Stopwatch.StartNew();
            Parallel.For(0, 2, new ParallelOptions { MaxDegreeOfParallelism = 2 }, t => TimeCalls(engine, calls[t], contexts[t], count));
            two[r] = 2.0 * count / watch.Elapsed.TotalSeconds;
            elsewhere[r] = MachineShare.Now().Since(share);
            process.Refresh();
            cpuTwo[r] = (process.TotalProcessorTime - cpu).TotalNanoseconds / (2.0 * count);
        }

        var pairs = string.Join(", ", one.Zip(two, control).Select(r => $"{r.Second / r.First:F2}/{r.Third:F2}"));
        ReportRatio("100,000 live sessions", one, two, cpuOne, cpuTwo, elsewhere);
        Console.WriteLine($"  per round, this ratio / the ratio of a loop that keeps a core's execution units busy and shares nothing, run just before it: {pairs}");
        Console.WriteLine($"  the machine's own ceiling (a loop that shares nothing, same rounds): {MachineCeiling():F2}x");
        Console.WriteLine($"  the machine's ceiling for memory-bound work (each thread walks its own 8 MB at random, shares nothing): {MemoryCeiling():F2}x");

        static ToolCallEvent ReadFile()
            => new("read_file") { Arguments = ToolArguments.FromJson("""{ "path": "/home/alice/notes.txt" }"""), CallId = "c" };
    }

    /// <summary>
    /// The same ratio with two dedicated threads that each make their own context, call and session (its first call), as
    /// the thread serving an agent's request does — rather than one thread making both sessions back to back, which puts
    /// the two sessions' objects side by side in memory, where a line one thread writes may hold what the other reads.
    /// Rounds alternate one thread alone and both together, with the process's processor time for each.
    /// </summary>
    private static void TwoOwnThreads()
    {
        var engine = Engine();
        Fill(engine, 99_998);
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        const int count = 100_000;
        using var phase = new Barrier(3);
        var threads = new Thread[2];
        for (var t = 0; t < 2; t++)
        {
            var id = t;
            threads[t] = new Thread(() =>
            {
                var context = Context("own-" + id, "summarise my notes");
                var call = new ToolCallEvent("read_file") { Arguments = ToolArguments.FromJson("""{ "path": "/home/alice/notes.txt" }"""), CallId = "c" };
                TimeCalls(engine, call, context, count);
                for (var r = 0; r < Rounds; r++)
                {
                    phase.SignalAndWait();
                    if (id == 0)
                    {
                        TimeCalls(engine, call, context, count);
                    }

                    phase.SignalAndWait();
                    phase.SignalAndWait();
                    TimeCalls(engine, call, context, count);
                    phase.SignalAndWait();
                }
            })
            { IsBackground = true };
            threads[t].Start();
        }

        var one = new double[Rounds];
        var two = new double[Rounds];
        var cpuOne = new double[Rounds];
        var cpuTwo = new double[Rounds];
        var elsewhere = new (long Others, long Stolen)[Rounds];
        using var process = Process.GetCurrentProcess();
        for (var r = 0; r < Rounds; r++)
        {
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            phase.SignalAndWait();
            var watch = Stopwatch.StartNew();
            phase.SignalAndWait();
            one[r] = count / watch.Elapsed.TotalSeconds;
            process.Refresh();
            cpuOne[r] = (process.TotalProcessorTime - cpu).TotalNanoseconds / count;
            cpu = process.TotalProcessorTime;
            var share = MachineShare.Now();
            phase.SignalAndWait();
            watch.Restart();
            phase.SignalAndWait();
            two[r] = 2.0 * count / watch.Elapsed.TotalSeconds;
            elsewhere[r] = MachineShare.Now().Since(share);
            process.Refresh();
            cpuTwo[r] = (process.TotalProcessorTime - cpu).TotalNanoseconds / (2.0 * count);
        }

        foreach (var thread in threads)
        {
            thread.Join();
        }

        ReportRatio("100,000 live sessions, each thread's session made on that thread", one, two, cpuOne, cpuTwo, elsewhere);
    }

    /// <summary>
    /// Prints the medians of rounds of one thread and two: throughput, their ratio, and processor time per call; then
    /// each round's ratio with what the rest of the machine took during its two-thread phase (<see cref="MachineShare"/>).
    /// </summary>
    private static void ReportRatio(string label, double[] one, double[] two, double[] cpuOne, double[] cpuTwo, (long Others, long Stolen)[] elsewhere)
    {
        var rounds = one.Zip(two, elsewhere).Select(r => $"{r.Second / r.First:F2}x ({r.Third.Others}+{r.Third.Stolen})").ToArray();
        var clear = one.Zip(two, elsewhere).Where(r => r.Third.Others + r.Third.Stolen == 0).Select(r => r.Second / r.First).Order().ToArray();
        var ratios = one.Zip(two, (a, b) => b / a).Order().ToArray();
        Array.Sort(one);
        Array.Sort(two);
        Array.Sort(cpuOne);
        Array.Sort(cpuTwo);
        Console.WriteLine($"{label}: 1 thread {one[Rounds / 2] / 1e6:F2} M calls/s, 2 threads {two[Rounds / 2] / 1e6:F2} M calls/s, ratio of medians {two[Rounds / 2] / one[Rounds / 2]:F2}x (per-round ratios {ratios[0]:F2}–{ratios[^1]:F2})");
        Console.WriteLine($"  processor time per call: 1 thread {cpuOne[Rounds / 2]:F0} ns, 2 threads {cpuTwo[Rounds / 2]:F0} ns; two threads on two free cores would reach {2 * cpuOne[Rounds / 2] / cpuTwo[Rounds / 2]:F2}x");
        Console.WriteLine($"  rounds in order, ratio (ticks other processes were busy + ticks stolen by the hypervisor during the two-thread phase): {string.Join(", ", rounds)}");
        Console.WriteLine(clear.Length == 0
            ? "  no round had both cores to itself"
            : $"  rounds with both cores to themselves: {clear.Length} of {Rounds}, ratios {clear[0]:F2}–{clear[^1]:F2}x, median {clear[clear.Length / 2]:F2}x");
    }

    /// <summary>
    /// Two threads against one, each chasing pointers through its own 8 MB array (larger than a core's L2, within the
    /// shared L3): what a second thread gains on work that waits on memory, as a decision's cold session and rule reads do.
    /// </summary>
    private static double MemoryCeiling()
    {
        const int steps = 4_000_000;
        var rings = new[] { Ring(1), Ring(2) };
        var ratios = new double[Rounds];
        var ends = new int[2];
        for (var r = 0; r < Rounds; r++)
        {
            var watch = Stopwatch.StartNew();
            ends[0] = Walk(rings[0], steps);
            var one = watch.Elapsed.TotalSeconds;
            watch.Restart();
            Parallel.For(0, 2, new ParallelOptions { MaxDegreeOfParallelism = 2 }, t => ends[t] = Walk(rings[t], steps));
            ratios[r] = 2 * one / watch.Elapsed.TotalSeconds;
        }

        Array.Sort(ratios);
        return ends[0] >= 0 && ends[1] >= 0 ? ratios[Rounds / 2] : double.NaN;

        // A random cycle through 2M ints (8 MB): each step's address depends on the one before.
        static int[] Ring(int seed)
        {
            const int length = 2 * 1024 * 1024;
            var order = Enumerable.Range(0, length).ToArray();
            new Random(seed).Shuffle(order);
            var next = new int[length];
            for (var i = 0; i < length; i++)
            {
                next[order[i]] = order[(i + 1) % length];
            }

            return next;
        }

        static int Walk(int[] next, int steps)
        {
            var at = 0;
            for (var i = 0; i < steps; i++)
            {
                at = next[at];
            }

            return at;
        }
    }

    /// <summary>
    /// One round of two threads against one on a loop of four independent xorshift chains: it shares nothing, but keeps a
    /// core's execution units as busy as branchy, cache-resident code such as a decision does. Where two virtual cores are
    /// in fact one physical core's two hardware threads, this loop gains little from the second (unlike a single chain,
    /// which leaves most of the core idle); on two physical cores it doubles.
    /// </summary>
    private static double BusyCoreRound()
    {
        const int iterations = 6_000_000;
        var results = new ulong[2];
        var watch = Stopwatch.StartNew();
        results[0] = Chains(iterations);
        var one = watch.Elapsed.TotalSeconds;
        watch.Restart();
        Parallel.For(0, 2, new ParallelOptions { MaxDegreeOfParallelism = 2 }, t => results[t] = Chains(iterations));
        var ratio = 2 * one / watch.Elapsed.TotalSeconds;
        return results[0] == results[1] ? ratio : double.NaN;

        static ulong Chains(int n)
        {
            ulong a = 1, b = 2, c = 3, d = 4;
            for (var i = 0; i < n; i++)
            {
                a ^= a << 13;
                b ^= b << 13;
                c ^= c << 13;
                d ^= d << 13;
                a ^= a >> 7;
                b ^= b >> 7;
                c ^= c >> 7;
                d ^= d >> 7;
                a ^= a << 17;
                b ^= b << 17;
                c ^= c << 17;
                d ^= d << 17;
            }

            return a ^ b ^ c ^ d;
        }
    }

    /// <summary>
    /// Two threads against one on a loop that touches no shared memory: what this machine gives a second thread at all
    /// (virtual cores may share a physical core, and other processes take their share).
    /// </summary>
    private static double MachineCeiling()
    {
        const int iterations = 20_000_000;
        var ratios = new double[Rounds];
        var results = new ulong[2];
        for (var r = 0; r < Rounds; r++)
        {
            var watch = Stopwatch.StartNew();
            results[0] = Spin(iterations);
            var one = watch.Elapsed.TotalSeconds;
            watch.Restart();
            Parallel.For(0, 2, new ParallelOptions { MaxDegreeOfParallelism = 2 }, t => results[t] = Spin(iterations));
            ratios[r] = 2 * one / watch.Elapsed.TotalSeconds;
        }

        // The loops' results are used, so the compiler cannot drop them.
        Array.Sort(ratios);
        return results[0] == results[1] ? ratios[Rounds / 2] : double.NaN;

        static ulong Spin(int n)
        {
            var x = 88172645463325252UL;
            for (var i = 0; i < n; i++)
            {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
            }

            return x;
        }
    }

    /// <summary>
    /// A new session when the store already holds MaxSessions, amortised over 100,000 new sessions per round; each
    /// decides one call, without a prompt or with one (as an agent's sessions have: its values are remembered for
    /// provenance rules).
    /// </summary>
    private static void NewSessionAtLimit(string? prompt)
    {
        var engine = Engine();
        Fill(engine, 100_000);

        // The idle sessions of a long-running host have long been promoted to the oldest generation; a collection now
        // puts these there too, so the rounds measure a host in its steady state rather than the promotion of the fill.
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        var call = new ToolCallEvent("search");
        var next = 0;
        var made = 0;
        var process = Process.GetCurrentProcess();
        var cpu = new List<double>();
        var gcs = new List<string>();
        var ns = Median(() =>
        {
            // 100,000 new sessions (the collections they cause included), or as many as fit in 20 seconds (a store that
            // sorts all sessions per new one is slow).
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var pauseBefore = GC.GetTotalPauseDuration();
            var (g0, g1, g2) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            var watch = Stopwatch.StartNew();
            var fresh = 0;
            while (fresh < 100_000 && watch.Elapsed < TimeSpan.FromSeconds(20))
            {
                engine.EvaluateAsync(call, Context("fresh-" + next++, prompt)).GetAwaiter().GetResult();
                fresh++;
            }

            made = fresh;
            var wall = watch.Elapsed.TotalNanoseconds / fresh;
            process.Refresh();
            cpu.Add((process.TotalProcessorTime - cpuBefore).TotalNanoseconds / fresh);
            gcs.Add($"gen0/1/2 {GC.CollectionCount(0) - g0}/{GC.CollectionCount(1) - g1}/{GC.CollectionCount(2) - g2}, "
                + $"GC pauses {(GC.GetTotalPauseDuration() - pauseBefore).TotalNanoseconds / fresh / 1000:F2} µs, "
                + $"{(GC.GetAllocatedBytesForCurrentThread() - allocated) / fresh:N0} B per new session");
            return wall;
        }, rounds: 3);
        cpu.Sort();
        Console.WriteLine($"new session at the limit (100,000 live), {(prompt is null ? "no prompt" : "with a prompt")}: {ns / 1000:F2} µs per new session, amortised over {made:N0}; "
            + $"processor time {cpu[cpu.Count / 2] / 1000:F2} µs (all threads, incl. GC)");
        foreach (var round in gcs)
        {
            Console.WriteLine("  round: " + round);
        }

        var ephemeral = GC.GetGCMemoryInfo(GCKind.Ephemeral);
        Console.WriteLine($"  last ephemeral GC: gen{ephemeral.Generation}, pause {ephemeral.PauseDurations[0].TotalMilliseconds:F1} ms, promoted {ephemeral.PromotedBytes / 1e6:F1} MB, heap {ephemeral.HeapSizeBytes / 1e6:F0} MB, pause % {ephemeral.PauseTimePercentage:F1}");
        var full = GC.GetGCMemoryInfo(GCKind.Any);
        Console.WriteLine($"  last GC: gen{full.Generation}, concurrent {full.Concurrent}, pause {full.PauseDurations[0].TotalMilliseconds:F1}+{full.PauseDurations[1].TotalMilliseconds:F1} ms, promoted {full.PromotedBytes / 1e6:F1} MB");
    }

    /// <summary>Bytes allocated by the allow path of a busy session beside 0 and 99,999 idle ones (must stay 0).</summary>
    private static void AllowAllocations()
    {
        foreach (var idle in new[] { 0, 99_999 })
        {
            var engine = Engine();
            Fill(engine, idle);
            var busy = Context("busy", "summarise my notes");
            var call = new ToolCallEvent("read_file") { Arguments = ToolArguments.FromJson("""{ "path": "/home/alice/notes.txt" }"""), CallId = "c" };
            TimeCalls(engine, call, busy, 10_000);
            var before = GC.GetAllocatedBytesForCurrentThread();
            TimeCalls(engine, call, busy, 100_000);
            var after = GC.GetAllocatedBytesForCurrentThread();
            var sessionless = Context(null!, "summarise my notes");
            TimeCalls(engine, call, sessionless, 10_000);
            var before2 = GC.GetAllocatedBytesForCurrentThread();
            TimeCalls(engine, call, sessionless, 100_000);
            var after2 = GC.GetAllocatedBytesForCurrentThread();
            Console.WriteLine($"allow path with {idle + 1:N0} live sessions: {(after - before) / 100_000.0:F1} B per call (without a session: {(after2 - before2) / 100_000.0:F1} B)");
        }
    }

    /// <summary>
    /// Retained memory per session at the worst case the defaults allow: a full history (distinct 24-character call ids,
    /// per-call tool name strings), seen values full in all three origins (prompt, trusted, untrusted results of many
    /// distinct values), result labels, and a session-scoped rate-limit counter.
    /// </summary>
    private static void WorstCaseMemory(int sessions = 1_000)
    {
        var engine = Engine();
        var words = Enumerable.Range(0, 4_000).Select(i => "w" + i.ToString("x5", System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        for (var s = 0; s < sessions; s++)
        {
            var context = Context("worst-" + s, null);
            for (var c = 0; c < 100; c++)
            {
                if (c < 24)
                {
                    // Distinct prompts, each about 7,000 characters: together more than any cap keeps.
                    context = Context("worst-" + s, string.Join(' ', words.Skip((c * 131 + s) % 3_000).Take(1_000)) + $" pay bob{c}@corp.example");
                }

                var tool = new string(c % 2 == 0 ? "read_email" : "lookup_contact");
                var call = new ToolCallEvent(tool, ToolKind.Function) { CallId = $"call_{s:D9}_{c:D9}x" };
                engine.EvaluateAsync(call, context).AsTask().GetAwaiter().GetResult();
                if (c < 48)
                {
                    var text = string.Join(' ', words.Skip((c * 97 + s) % 3_000).Take(1_000)) + $" contact{c}@corp.example +1 555 010 {c:D4}";
                    engine.InspectResultAsync(call, context, new ToolResult(text)).AsTask().GetAwaiter().GetResult();
                }
            }
        }

        var after = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(engine);
        var perSession = (after - before) / (double)sessions;
        Console.WriteLine($"worst case of the defaults, {sessions:N0} sessions: {perSession:N0} B per session retained, {perSession * 100_000 / (1024.0 * 1024 * 1024):F2} GB at 100,000 sessions");
    }

    private static IGuardEngine Engine()
    {
        var policy = EngineBenchmarks.Policy(100);
        var services = new ServiceCollection();
        services.AddAgentGuard(options =>
        {
            foreach (var (name, tool) in policy.Tools)
            {
                options.Tools[name] = tool;
            }

            options.Tools["read_email"] = new ToolOptions { Untrusted = true };
            options.Tools["lookup_contact"] = new ToolOptions { Trusted = true };
            options.Rules.AddRange(policy.Rules);
            options.Rules.Add(new RuleOptions { Id = "rate", Effect = "Deny", Match = new() { Tools = ["lookup_contact"] }, When = new() { RateLimit = new() { Max = 1_000, Per = "00:01:00" } } });
        });
        return services.BuildServiceProvider().GetRequiredService<IGuardEngine>();
    }

    private static GuardContext Context(string session, string? prompt)
        => new() { SessionId = session, User = new GuardUser("alice") { Groups = ["staff"] }, Environment = "prod", Prompt = prompt };

    private static void Fill(IGuardEngine engine, int sessions)
    {
        var call = new ToolCallEvent("search");
        for (var i = 0; i < sessions; i++)
        {
            engine.EvaluateAsync(call, Context("idle-" + i, null)).GetAwaiter().GetResult();
        }
    }

    /// <summary>Nanoseconds per call.</summary>
    private static double TimeCalls(IGuardEngine engine, ToolCallEvent call, GuardContext context, int calls)
    {
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < calls; i++)
        {
            var pending = engine.EvaluateAsync(call, context);
            if (!pending.IsCompletedSuccessfully)
            {
                pending.AsTask().GetAwaiter().GetResult();
            }
        }

        return watch.Elapsed.TotalNanoseconds / calls;
    }

    private static double Median(Func<double> measure, int rounds = Rounds)
    {
        var results = new double[rounds];
        for (var i = 0; i < rounds; i++)
        {
            results[i] = measure();
        }

        Array.Sort(results);
        return results[rounds / 2];
    }

    private static string LoadAverage()
        => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
