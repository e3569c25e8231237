using System.Diagnostics;
using System.Text;
using AgentGuard.Redis;

namespace AgentGuard.Benchmarks;

/// <summary>
/// The in-process work a Redis-backed decision does on a history it already has (<c>--redis-read-cpu</c>), timed without
/// Redis so that a busy machine's round trips do not hide it: reading one entry's header (what a sequence rule reads per
/// call), a tool name and a tag list looked up in the name pool, and a call whose record is still queued — encoded and
/// parsed (as the read did before 2026-11-30's fifteenth session) or read from its fields. Minimum of 11 rounds, ns per
/// operation.
/// </summary>
internal static class RedisReadCpu
{
    private const int Operations = 200_000;

    public static void Run()
    {
        var names = new NamePool();
        var call = new RecordedCall("export_report", ToolKind.Function, null, ["export"], DecisionEffect.RequireApproval, DateTimeOffset.UtcNow, "e", 0x1234_5678_9abc_def0, 200);
        var entry = call.Encode();
        var tool = Encoding.UTF8.GetBytes("export_report");
        var tags = Encoding.UTF8.GetBytes("export");
        var sink = 0L;

        Console.WriteLine($"load average {File.ReadAllText("/proc/loadavg")[..14]}; minimum of 11 rounds of {Operations:N0}, ns per operation");
        Report("entry header read (stored entry)", () =>
        {
            HistoryEntry.TryReadHeader(entry, names, out var header);
            return header.TimeMs;
        });
        Report("name pool: tool name + tag list", () => names.Name(tool).Length + names.List(tags, 0x1e).Length);
        Report("queued call: encoded, then its header read", () =>
        {
            HistoryEntry.TryReadHeader(call.Encode(), names, out var header);
            return header.TimeMs;
        });
        Report("queued call: header from its fields", () =>
        {
            HistoryEntry.TryReadHeader(in call, names, out var header);
            return header.TimeMs;
        });
        GC.KeepAlive(sink);

        void Report(string name, Func<long> operation)
        {
            var best = double.MaxValue;
            for (var round = 0; round < 11; round++)
            {
                var started = Stopwatch.GetTimestamp();
                for (var i = 0; i < Operations; i++)
                {
                    sink += operation();
                }

                best = Math.Min(best, Stopwatch.GetElapsedTime(started).TotalNanoseconds / Operations);
            }

            Console.WriteLine($"{name,-84} {best,7:F1} ns");
        }
    }
}
