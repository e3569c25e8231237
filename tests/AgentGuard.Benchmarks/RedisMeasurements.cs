using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace AgentGuard.Benchmarks;

/// <summary>
/// Plain measurements on a loopback redis-server (not BenchmarkDotNet): decision latency percentiles next to the PING
/// round trip (<c>--redis-latency</c>), and Redis memory for 100,000 idle sessions of 5 calls (<c>--redis-memory</c>).
/// </summary>
internal static class RedisMeasurements
{
    /// <param name="iterations">Interleaved iterations timed.</param>
    /// <param name="gap">
    /// A pause before each iteration (zero: back to back). An agent's decisions in one session come a model turn apart,
    /// so by the next one the last record has long been applied; back to back, each decision shares the machine with
    /// the previous one's record (sent without waiting) being written, applied by Redis and its answer read.
    /// </param>
    /// <param name="threadCpu">Also read the calling thread's CPU time around the part of each call before it returns.</param>
    /// <param name="settled">
    /// Every other iteration starts only once the previous decision's record is on the connection and answered (an awaited
    /// PING on the store's own connection, whose commands are answered in the order sent, untimed): the two halves, reported
    /// apart, show whether a decision waits behind the previous record. The other half is the default measurement.
    /// </param>
    /// <param name="swapped">Every other iteration decides before its awaited PING instead of after it (reported apart).</param>
    public static void Latency(int iterations, TimeSpan gap, bool threadCpu = false, bool settled = false, bool swapped = false)
    {
        using var redis = new LoopbackRedis();
        var host = redis.Host(EngineBenchmarks.Policy(100));
        var engine = host.GetRequiredService<IGuardEngine>();
        var database = ConnectionMultiplexer.Connect(redis.Configuration).GetDatabase();
        var session = new GuardContext { SessionId = "latency", User = new GuardUser("alice") { Groups = ["staff"] }, Environment = "prod" };
        var sequenced = new ToolCallEvent("export_report") { CallId = "e" };
        var store = host.GetRequiredService<AgentGuard.Redis.RedisSessionStore>();
        var storeDatabase = host.GetRequiredService<AgentGuard.Redis.RedisConnection>().Multiplexer.GetAwaiter().GetResult().GetDatabase();

        // The same decision with the in-memory store, in the same iterations: what the engine's own work costs when it
        // runs as seldom as a Redis decision does (caches and predictors cooled by the waits between), so the part of the
        // difference that is Redis's can be told from the part that is the engine's.
        var local = InMemoryHost(EngineBenchmarks.Policy(100)).GetRequiredService<IGuardEngine>();
        var localSession = session with { SessionId = "latency-local" };
        for (var i = 0; i < 2_000; i++)
        {
            database.Ping();
            engine.EvaluateAsync(sequenced, session).AsTask().GetAwaiter().GetResult();
            local.EvaluateAsync(sequenced, localSession).AsTask().GetAwaiter().GetResult();
        }

        var ping = new double[iterations];
        var asyncPing = new double[iterations];
        var decision = new double[iterations];
        var inMemory = new double[iterations];
        var difference = new double[iterations];
        var asyncDifference = new double[iterations];
        var pingSent = new double[iterations];
        var decisionSent = new double[iterations];
        var pingSentCpu = new double[iterations];
        var decisionSentCpu = new double[iterations];
        var unsentAtStart = new int[iterations];

        // An agent awaits its decision: the loop is async, so the decision and the awaited PING each resume on the thread
        // pool once when their answer arrives. The synchronous PING (the caller's thread woken by the connection's reader
        // directly) is the floor of a round trip.
        Task.Run(async () =>
        {
            for (var i = 0; i < iterations; i++)
            {
                if (gap > TimeSpan.Zero)
                {
                    Thread.Sleep(gap);
                }

                if (settled && i % 2 == 1)
                {
                    // The previous record handed to the connection (the work item), then answered by Redis.
                    while (store.UnsentRecords > 0)
                    {
                        Thread.Yield();
                    }

                    // Awaited, not waited on synchronously: a synchronous PING here (blocking this pool thread) made the
                    // decision after it 0–7 µs slower in all of 11 runs, which would hide what settling gains.
                    await storeDatabase.PingAsync();
                }

                // Interleaved, so all three see the same machine load.
                var started = Stopwatch.GetTimestamp();
                database.Ping();
                ping[i] = Stopwatch.GetElapsedTime(started).TotalMicroseconds;
                if (swapped && i % 2 == 1)
                {
                    await Decide(i);
                    await AwaitPing(i);
                }
                else
                {
                    await AwaitPing(i);
                    await Decide(i);
                }

                started = Stopwatch.GetTimestamp();
                await local.EvaluateAsync(sequenced, localSession);
                inMemory[i] = Stopwatch.GetElapsedTime(started).TotalMicroseconds;
                difference[i] = decision[i] - ping[i];
                asyncDifference[i] = decision[i] - asyncPing[i];
            }

            async Task AwaitPing(int i)
            {
                var cpu = threadCpu ? DetectionCpu.ThreadCpuNanoseconds() : 0;
                var started = Stopwatch.GetTimestamp();
                var pinging = database.PingAsync();
                pingSent[i] = Stopwatch.GetElapsedTime(started).TotalMicroseconds;
                pingSentCpu[i] = threadCpu ? (DetectionCpu.ThreadCpuNanoseconds() - cpu) / 1000.0 : 0;
                await pinging;
                asyncPing[i] = Stopwatch.GetElapsedTime(started).TotalMicroseconds;
            }

            async Task Decide(int i)
            {
                var cpu = threadCpu ? DetectionCpu.ThreadCpuNanoseconds() : 0;
                unsentAtStart[i] = store.UnsentRecords;
                var started = Stopwatch.GetTimestamp();
                var deciding = engine.EvaluateAsync(sequenced, session);
                decisionSent[i] = Stopwatch.GetElapsedTime(started).TotalMicroseconds;
                decisionSentCpu[i] = threadCpu ? (DetectionCpu.ThreadCpuNanoseconds() - cpu) / 1000.0 : 0;
                await deciding;
                decision[i] = Stopwatch.GetElapsedTime(started).TotalMicroseconds;
            }
        }).GetAwaiter().GetResult();

        // Decisions alone, all threads (the connection's reader thread parses the answers): bytes per decision.
        var total = GC.GetTotalAllocatedBytes(precise: true);
        for (var i = 0; i < iterations; i++)
        {
            engine.EvaluateAsync(sequenced, session).AsTask().GetAwaiter().GetResult();
        }

        var perDecision = (GC.GetTotalAllocatedBytes(precise: true) - total) / (double)iterations;

        // The same decisions back to back with nothing between them (each read sent while the previous record may still
        // be queued, on the wire or running in Redis), then each after the previous record was answered: the wall time of
        // the decision alone, p50.
        var backToBack = new double[iterations / 2];
        var afterRecord = new double[iterations / 2];
        var unsentBackToBack = 0;
        Task.Run(async () =>
        {
            for (var i = 0; i < iterations / 2; i++)
            {
                unsentBackToBack += store.UnsentRecords > 0 ? 1 : 0;
                var started = Stopwatch.GetTimestamp();
                await engine.EvaluateAsync(sequenced, session);
                backToBack[i] = Stopwatch.GetElapsedTime(started).TotalMicroseconds;
            }

            for (var i = 0; i < iterations / 2; i++)
            {
                while (store.UnsentRecords > 0)
                {
                    Thread.Yield();
                }

                await storeDatabase.PingAsync();
                var started = Stopwatch.GetTimestamp();
                await engine.EvaluateAsync(sequenced, session);
                afterRecord[i] = Stopwatch.GetElapsedTime(started).TotalMicroseconds;
            }
        }).GetAwaiter().GetResult();

        // CPU rather than wall time (less sensitive to a loaded machine): this process per PING and per decision, and
        // Redis's own time per call of each command (INFO commandstats) during the decisions.
        using var admin = ConnectionMultiplexer.Connect(redis.Configuration + ",allowAdmin=true");
        var server = admin.GetServer(admin.GetEndPoints()[0]);
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        for (var i = 0; i < iterations; i++)
        {
            database.Ping();
        }

        var pingCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMicroseconds / iterations;
        server.ConfigResetStatistics();
        cpu = Process.GetCurrentProcess().TotalProcessorTime;
        for (var i = 0; i < iterations; i++)
        {
            engine.EvaluateAsync(sequenced, session).AsTask().GetAwaiter().GetResult();
        }

        var decisionCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMicroseconds / iterations;
        Thread.Sleep(500);
        var commands = server.Info("commandstats").SelectMany(g => g)
            .Select(p => (Name: p.Key.Replace("cmdstat_", string.Empty, StringComparison.Ordinal), Fields: p.Value.Split(',').Select(f => f.Split('=')).ToDictionary(f => f[0], f => double.Parse(f[1], System.Globalization.CultureInfo.InvariantCulture))))
            .Where(c => c.Fields["calls"] >= iterations / 2)
            .ToList();
        var redisPerDecision = commands.Sum(c => c.Fields["usec"]) / iterations;
        var halves = settled || swapped ? Halves(asyncPing, decision, unsentAtStart, settled ? "after the record answered" : "decision before the PING ") : null;
        Array.Sort(backToBack);
        Array.Sort(afterRecord);
        Array.Sort(ping);
        Array.Sort(asyncPing);
        Array.Sort(decision);
        Array.Sort(inMemory);
        Array.Sort(difference);
        Array.Sort(asyncDifference);
        Array.Sort(pingSent);
        Array.Sort(decisionSent);
        Array.Sort(pingSentCpu);
        Array.Sort(decisionSentCpu);
        Console.WriteLine($"{iterations:N0} interleaved iterations on loopback Redis, awaited, {(gap > TimeSpan.Zero ? $"{gap.TotalMilliseconds:0} ms apart" : "back to back")} (load average {File.ReadAllText("/proc/loadavg")[..14]})");
        Console.WriteLine($"PING round trip:           p50 {P(ping, 0.5):F1} µs, p90 {P(ping, 0.9):F1} µs, p99 {P(ping, 0.99):F1} µs");
        Console.WriteLine($"awaited PING round trip:   p50 {P(asyncPing, 0.5):F1} µs, p90 {P(asyncPing, 0.9):F1} µs, p99 {P(asyncPing, 0.99):F1} µs");
        Console.WriteLine($"decision (sequence read):  p50 {P(decision, 0.5):F1} µs, p90 {P(decision, 0.9):F1} µs, p99 {P(decision, 0.99):F1} µs");
        Console.WriteLine($"decision p50 - PING p50:   {P(decision, 0.5) - P(ping, 0.5):F1} µs (median of the pairwise differences: {P(difference, 0.5):F1} µs)");
        Console.WriteLine($"decision p50 - awaited PING p50: {P(decision, 0.5) - P(asyncPing, 0.5):F1} µs (median of the pairwise differences: {P(asyncDifference, 0.5):F1} µs)");
        Console.WriteLine($"until the call returns (sent, not answered): awaited PING p50 {P(pingSent, 0.5):F1} µs, decision p50 {P(decisionSent, 0.5):F1} µs; the rest (decision - PING): {P(decision, 0.5) - P(decisionSent, 0.5) - (P(asyncPing, 0.5) - P(pingSent, 0.5)):F1} µs");
        if (threadCpu)
        {
            Console.WriteLine($"the calling thread's CPU until the call returns: awaited PING p50 {P(pingSentCpu, 0.5):F1} µs, decision p50 {P(decisionSentCpu, 0.5):F1} µs (each includes one clock read)");
        }

        Console.WriteLine($"decisions with a record still unsent at their start: {unsentAtStart.Count(u => u > 0):N0} of {iterations:N0} interleaved; {unsentBackToBack:N0} of {iterations / 2:N0} back to back");
        if (halves is not null)
        {
            Console.WriteLine(halves);
        }

        Console.WriteLine($"decisions alone, back to back: p50 {P(backToBack, 0.5):F1} µs, p90 {P(backToBack, 0.9):F1} µs; each after the previous record was answered: p50 {P(afterRecord, 0.5):F1} µs, p90 {P(afterRecord, 0.9):F1} µs");
        Console.WriteLine($"the same decision, in-memory store: p50 {P(inMemory, 0.5):F1} µs, p90 {P(inMemory, 0.9):F1} µs; decision p50 - awaited PING p50 - in-memory p50: {P(decision, 0.5) - P(asyncPing, 0.5) - P(inMemory, 0.5):F1} µs");
        Console.WriteLine($"allocated per decision (all threads, decisions alone): {perDecision:F0} B");
        Console.WriteLine($"client CPU (this process, all threads): PING {pingCpu:F1} µs, decision {decisionCpu:F1} µs");
        Console.WriteLine($"Redis CPU per decision: {redisPerDecision:F1} µs = " + string.Join(" + ", commands.Select(c => $"{c.Name} {c.Fields["calls"] / iterations:F1} x {c.Fields["usec_per_call"]:F1} µs")));
    }

    /// <summary>The default iterations and the others (<c>--settled</c>, <c>--swapped</c>) apart: awaited PING, decision, their difference.</summary>
    private static string Halves(double[] asyncPing, double[] decision, int[] unsent, string other)
    {
        string Half(int parity, string name)
        {
            var pings = asyncPing.Where((_, i) => i % 2 == parity).Order().ToArray();
            var decisions = decision.Where((_, i) => i % 2 == parity).Order().ToArray();
            var differences = decision.Select((d, i) => d - asyncPing[i]).Where((_, i) => i % 2 == parity).Order().ToArray();
            var queued = unsent.Where((u, i) => i % 2 == parity && u > 0).Count();
            return $"{name}: awaited PING p50 {P(pings, 0.5):F1} µs, decision p50 {P(decisions, 0.5):F1} µs, decision p50 - awaited PING p50 {P(decisions, 0.5) - P(pings, 0.5):F1} µs (pairwise {P(differences, 0.5):F1} µs), record unsent at the start {queued:N0}";
        }

        return Half(0, "default iterations       ") + Environment.NewLine + Half(1, other);
    }

    private static IServiceProvider InMemoryHost(AgentGuardOptions policy)
    {
        var services = new ServiceCollection();
        services.AddAgentGuard(options =>
        {
            foreach (var (name, tool) in policy.Tools)
            {
                options.Tools[name] = tool;
            }

            options.Rules.AddRange(policy.Rules);
        });
        return services.BuildServiceProvider();
    }

    /// <summary>
    /// Only sequence decisions, awaited one after another, for a tracer or profiler attached to the process
    /// (<c>--redis-decisions N</c>): the difference between two runs of different N is what N decisions cost, e.g. in
    /// system calls (<c>strace -c -f</c>).
    /// </summary>
    /// <param name="count">Decisions made.</param>
    /// <param name="settled">Each decision only once the previous one's record is on the connection (as in <c>--redis-latency</c>).</param>
    /// <param name="allocations">Also list the types the decisions allocate (the runtime's allocation sample, one per ~100 KB).</param>
    public static void Decisions(int count, bool settled = false, bool allocations = false)
    {
        using var redis = new LoopbackRedis();
        var host = redis.Host(EngineBenchmarks.Policy(100));
        var engine = host.GetRequiredService<IGuardEngine>();
        var store = host.GetRequiredService<AgentGuard.Redis.RedisSessionStore>();
        var session = new GuardContext { SessionId = "decisions", User = new GuardUser("alice") { Groups = ["staff"] }, Environment = "prod" };
        var sequenced = new ToolCallEvent("export_report") { CallId = "e" };
        Run(2_000);
        using var types = allocations ? new PolicySize.AllocationTypes() : null;
        var total = GC.GetTotalAllocatedBytes(precise: true);
        Run(count);
        var perDecision = (GC.GetTotalAllocatedBytes(precise: true) - total) / (double)count;
        Console.WriteLine($"{count:N0} decisions{(settled ? ", each after the previous record was sent" : string.Empty)}: {perDecision:F0} B allocated per decision (all threads)");
        if (types is not null)
        {
            var samples = types.Samples.Sum(t => t.Value);
            foreach (var (type, n) in types.Samples.OrderByDescending(t => t.Value).Take(25))
            {
                Console.WriteLine($"  {n * 100.0 / samples,5:F1} %  ~{perDecision * n / samples,5:F0} B  {type}");
            }
        }

        void Run(int decisions) => Task.Run(async () =>
        {
            for (var i = 0; i < decisions; i++)
            {
                while (settled && store.UnsentRecords > 0)
                {
                    Thread.Yield();
                }

                await engine.EvaluateAsync(sequenced, session);
            }
        }).GetAwaiter().GetResult();
    }

    /// <summary>
    /// Where a decision's time goes beyond the round trip (<c>--redis-parts</c>): the steps a sequence decision takes,
    /// measured alone and interleaved so all see the same load — the round trip waited on synchronously and as an
    /// awaited task, the read it sends (LRANGE of the newest 8 calls) as an awaited task with and without the timeout
    /// the store puts on it, the decision's own read (LRANGE of 3, on the store's connection) alone, with that timeout,
    /// and with its thread kept busy for 3 µs once it is sent, a record's two commands followed by a read (one after
    /// another, and as one batch), a decision whose rules read nothing (the record only), and the sequence decision;
    /// then the commands Redis ran per round (a read that misses the near-cache shows as a second LRANGE).
    /// </summary>
    public static void Parts(int iterations = 20_000)
    {
        using var redis = new LoopbackRedis();
        var host = redis.Host(EngineBenchmarks.Policy(100));
        var engine = host.GetRequiredService<IGuardEngine>();
        var historyKey = host.GetRequiredService<AgentGuard.Redis.RedisSessionStore>().Keys.History("parts");
        var database = ConnectionMultiplexer.Connect(redis.Configuration).GetDatabase();

        // The store's own connection (configured as the store configures it), for the read a decision sends on it; the
        // record-then-read steps write a history of their own, so the decisions' near-cache is not disturbed.
        var probeKey = host.GetRequiredService<AgentGuard.Redis.RedisSessionStore>().Keys.History("parts-probe");
        var storeDatabase = host.GetRequiredService<AgentGuard.Redis.RedisConnection>().Multiplexer.GetAwaiter().GetResult().GetDatabase();
        var session = new GuardContext { SessionId = "parts", User = new GuardUser("alice") { Groups = ["staff"] }, Environment = "prod" };
        var sequenced = new ToolCallEvent("export_report") { CallId = "e" };
        var unread = new ToolCallEvent("read_file") { Arguments = ToolArguments.FromJson("""{ "path": "/home/alice/notes.txt" }"""), CallId = "c" };
        var budget = TimeSpan.FromMilliseconds(250);

        // The same two decisions on a second host whose records go to the deciding thread's own queue of the thread pool
        // (run when that thread goes idle awaiting its read, unless another thread takes it first): does the read then go
        // out ahead of the previous record more often, and does that shorten it?
        var localHost = redis.Host(EngineBenchmarks.Policy(100), "agentguard:bench-local", services => services.AddSingleton(
            new AgentGuard.Redis.RecordScheduler(static item => ThreadPool.UnsafeQueueUserWorkItem(item, preferLocal: true))));
        var localEngine = localHost.GetRequiredService<IGuardEngine>();
        var localSession = session with { SessionId = "parts-local" };
        var steps = new (string Name, Func<Task> Run)[]
        {
            ("PING, waited synchronously", () => { database.Ping(); return Task.CompletedTask; }),
            ("PING, awaited", async () => await database.PingAsync()),
            ("LRANGE of 8, awaited", async () => await database.ListRangeAsync(historyKey, -8, -1)),
            ("LRANGE of 8 + WaitAsync(budget), awaited", async () => await database.ListRangeAsync(historyKey, -8, -1).WaitAsync(budget, TimeProvider.System)),
            ("LRANGE of 3 on the store's connection", async () => await storeDatabase.ListRangeAsync(historyKey, -3, -1)),
            ("... + WaitAsync(budget)", async () => await storeDatabase.ListRangeAsync(historyKey, -3, -1).WaitAsync(budget, TimeProvider.System)),
            ("... the awaiting thread busy 3 µs once sent", async () => await BusyAfterSending(storeDatabase.ListRangeAsync(historyKey, -3, -1), TimeSpan.FromMicroseconds(3))),
            ("RPUSH+LTRIM, then LRANGE of 3, separately", async () => await WriteThenRead(storeDatabase, probeKey, batched: false)),
            ("... the same in one batch (one flush)", async () => await WriteThenRead(storeDatabase, probeKey, batched: true)),
            ("a write sent, not waited for", () => { _ = database.StringSetAsync("parts:sent", "1"); return Task.CompletedTask; }),
            ("decision reading nothing (record only)", async () => await engine.EvaluateAsync(unread, session)),
            ("decision reading the history", async () => await engine.EvaluateAsync(sequenced, session)),
            ("... reading nothing, records queued locally", async () => await localEngine.EvaluateAsync(unread, localSession)),
            ("... reading the history, the same", async () => await localEngine.EvaluateAsync(sequenced, localSession)),
        };
        var times = steps.Select(_ => new double[iterations]).ToArray();
        var sent = steps.Select(_ => new double[iterations]).ToArray();
        using var admin = ConnectionMultiplexer.Connect(redis.Configuration + ",allowAdmin=true");
        var server = admin.GetServer(admin.GetEndPoints()[0]);
        Task.Run(async () =>
        {
            for (var i = 0; i < 2_000; i++)
            {
                foreach (var step in steps)
                {
                    await step.Run();
                }
            }

            server.ConfigResetStatistics();
            for (var i = 0; i < iterations; i++)
            {
                for (var s = 0; s < steps.Length; s++)
                {
                    var started = Stopwatch.GetTimestamp();
                    var running = steps[s].Run();
                    sent[s][i] = Stopwatch.GetElapsedTime(started).TotalMicroseconds;
                    await running;
                    times[s][i] = Stopwatch.GetElapsedTime(started).TotalMicroseconds;
                }
            }
        }).GetAwaiter().GetResult();

        // Commands Redis ran per round (a decision's read that misses the near-cache shows as a second LRANGE).
        var perRound = string.Join(", ", server.Info("commandstats").SelectMany(g => g)
            .Select(p => (Name: p.Key.Replace("cmdstat_", string.Empty, StringComparison.Ordinal), Calls: double.Parse(p.Value.Split(',')[0].Split('=')[1], System.Globalization.CultureInfo.InvariantCulture)))
            .Where(c => c.Calls >= iterations / 2)
            .Select(c => $"{c.Name} {c.Calls / iterations:F2}"));

        // The store's own measure of its read round trip (send to answer decoded), for the decisions above.
        var inside = new List<double>(iterations);
        using (var listener = new System.Diagnostics.Metrics.MeterListener())
        {
            listener.InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Name == "agentguard.redis.round_trip")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            };
            listener.SetMeasurementEventCallback<double>((_, value, _, _) => inside.Add(value * 1000));
            listener.Start();
            Task.Run(async () =>
            {
                for (var i = 0; i < iterations; i++)
                {
                    await steps[^3].Run();
                }
            }).GetAwaiter().GetResult();
        }

        var insideSorted = inside.ToArray();
        Array.Sort(insideSorted);
        Console.WriteLine($"{iterations:N0} interleaved rounds on loopback Redis, load average {File.ReadAllText("/proc/loadavg")[..14]}");
        for (var s = 0; s < steps.Length; s++)
        {
            Array.Sort(times[s]);
            Array.Sort(sent[s]);
            Console.WriteLine($"{steps[s].Name,-42} p50 {P(times[s], 0.5),6:F1} µs, p90 {P(times[s], 0.9),6:F1} µs; until sent (the call returns) p50 {P(sent[s], 0.5),5:F1} µs");
        }

        Console.WriteLine($"{"Redis commands per round",-42} {perRound}");
        Console.WriteLine($"{"the store's read inside those decisions",-42} p50 {P(insideSorted, 0.5),6:F1} µs, p90 {P(insideSorted, 0.9),6:F1} µs ({insideSorted.Length:N0} reads, decisions alone)");
    }

    /// <summary>
    /// Keeps the calling thread busy for <paramref name="busy"/> after a command is sent and before it is awaited, as a
    /// decision's own thread is while the read is in flight (returning through the engine's and the store's async
    /// methods): on a host whose cores are all taken, that time is added to the round trip about one for one.
    /// </summary>
    private static Task BusyAfterSending(Task sent, TimeSpan busy)
    {
        var until = Stopwatch.GetTimestamp() + (long)(busy.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < until)
        {
        }

        return sent;
    }

    /// <summary>A record's two commands and then a read, sent one after another or as one batch (one write to the socket).</summary>
    private static Task<RedisValue[]> WriteThenRead(IDatabase database, RedisKey key, bool batched)
    {
        const string entry = "1764500000000\u001f1\u001f0\u001fpartsprobe\u001f\u001f\u001f\u001f\u001f0123456789abcdef/100";
        if (!batched)
        {
            _ = database.ListRightPushAsync(key, entry);
            _ = database.ListTrimAsync(key, -100, -1, CommandFlags.FireAndForget);
            return database.ListRangeAsync(key, -3, -1);
        }

        var batch = database.CreateBatch();
        _ = batch.ListRightPushAsync(key, entry);
        _ = batch.ListTrimAsync(key, -100, -1, CommandFlags.FireAndForget);
        var read = batch.ListRangeAsync(key, -3, -1);
        batch.Execute();
        return read;
    }

    public static void Memory(int sessions = 100_000, int callsPerSession = 5)
    {
        using var redis = new LoopbackRedis();
        using var inspect = ConnectionMultiplexer.Connect(redis.Configuration + ",allowAdmin=true");
        var server = inspect.GetServer(inspect.GetEndPoints()[0]);
        var host = redis.Host(EngineBenchmarks.Policy(100));
        var engine = host.GetRequiredService<IGuardEngine>();
        var baseline = UsedMemory(server);
        for (var i = 0; i < sessions; i++)
        {
            var context = new GuardContext { SessionId = "session-" + i, User = new GuardUser("user-" + (i % 1000)), Prompt = "prompt " + i };
            for (var c = 0; c < callsPerSession; c++)
            {
                engine.EvaluateAsync(new ToolCallEvent(c % 2 == 0 ? "search" : "read_file") { CallId = $"call-{i}-{c}" }, context).AsTask().GetAwaiter().GetResult();
            }
        }

        // The writes go out without waiting; wait until Redis has applied them all (the key count stops growing).
        long last = -1;
        for (var stable = 0; stable < 3; Thread.Sleep(500))
        {
            var now = server.DatabaseSize();
            stable = now == last ? stable + 1 : 0;
            last = now;
        }

        var keys = server.DatabaseSize();
        var used = UsedMemory(server) - baseline;
        Console.WriteLine($"{sessions:N0} idle sessions with {callsPerSession} calls each: {keys:N0} keys, {used / 1024.0 / 1024.0:F1} MB used_memory in Redis ({used / (double)sessions:F0} B per session)");
    }

    private static long UsedMemory(IServer server)
    {
        var info = server.Info("memory").SelectMany(g => g).First(p => p.Key == "used_memory");
        return long.Parse(info.Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static double P(double[] sorted, double quantile) => sorted[(int)Math.Min(sorted.Length - 1, quantile * sorted.Length)];
}
