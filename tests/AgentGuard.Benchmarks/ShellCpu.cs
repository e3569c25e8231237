using AgentGuard.Shell;

namespace AgentGuard.Benchmarks;

/// <summary>
/// <see cref="ShellBenchmarks"/>' lines parsed and classified, timed in the calling thread's processor time and counted
/// in bytes allocated per line: <c>dotnet run -c Release -- --shell-cpu</c>. On a shared machine BenchmarkDotNet's wall
/// clock swings with the other processes; the thread's processor time counts only the cycles spent here. Each figure
/// is the median of the rounds, after a warm-up that lets tiered compilation finish.
/// </summary>
internal static class ShellCpu
{
    private const int Rounds = 9;

    public static void Run()
    {
        Console.WriteLine($"shell cpu: {Environment.ProcessorCount} cores, load average {DetectionCpu.LoadAverage()}");
        Measure("typical line", ShellBenchmarks.Typical, 100_000);
        Measure("obfuscated line", ShellBenchmarks.Obfuscated, 20_000);
        Measure("70 KB line (over the limit)", ShellBenchmarks.Pathological(70 * 1024), 20_000);
        Measure("63 KB line (parsed in full)", ShellBenchmarks.Pathological(63 * 1024), 5);
        Console.WriteLine($"load average after: {DetectionCpu.LoadAverage()}");
    }

    private static void Measure(string name, string line, int callsPerRound)
    {
        var commands = 0;
        for (var i = 0; i < Math.Max(3 * callsPerRound, 50); i++)
        {
            commands = ShellAnalyzer.Analyze(line).Commands.Count;
        }

        var perCall = new double[Rounds];
        long allocated = 0;
        for (var r = 0; r < Rounds; r++)
        {
            var bytes = GC.GetAllocatedBytesForCurrentThread();
            var start = DetectionCpu.ThreadCpuNanoseconds();
            for (var i = 0; i < callsPerRound; i++)
            {
                ShellAnalyzer.Analyze(line);
            }

            perCall[r] = (DetectionCpu.ThreadCpuNanoseconds() - start) / 1_000.0 / callsPerRound;
            allocated = (GC.GetAllocatedBytesForCurrentThread() - bytes) / callsPerRound;
        }

        Array.Sort(perCall);
        Console.WriteLine($"  {name,-30} median {perCall[Rounds / 2],10:F2} µs  min {perCall[0],10:F2} µs  max {perCall[^1],10:F2} µs  {allocated,9:N0} B/line  ({commands} commands)");
    }
}
