namespace AgentGuard.Benchmarks;

/// <summary>
/// Retained memory of idle sessions (issue #2 target: 100,000 idle sessions ≤ 300 MB). Not a timing benchmark, so it
/// is a plain measurement: <c>dotnet run -c Release -- --session-memory</c>.
/// </summary>
internal static class SessionMemory
{
    public static void Run(int sessions = 100_000, int callsPerSession = 5)
    {
        var engine = EngineBenchmarks.Build(EngineBenchmarks.Policy(100));
        var before = GC.GetTotalMemory(forceFullCollection: true);
        for (var i = 0; i < sessions; i++)
        {
            var context = new GuardContext { SessionId = "session-" + i, User = new GuardUser("user-" + (i % 1000)), Prompt = "prompt " + i };
            for (var c = 0; c < callsPerSession; c++)
            {
                engine.EvaluateAsync(new ToolCallEvent(c % 2 == 0 ? "search" : "read_file"), context).AsTask().GetAwaiter().GetResult();
            }
        }

        var after = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(engine);
        Console.WriteLine($"{sessions:N0} idle sessions with {callsPerSession} calls each: {(after - before) / 1024.0 / 1024.0:F1} MB retained ({(after - before) / (double)sessions:F0} B per session)");
    }
}
