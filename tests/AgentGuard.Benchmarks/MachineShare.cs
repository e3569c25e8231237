using System.Globalization;

namespace AgentGuard.Benchmarks;

/// <summary>
/// What the rest of the machine took while a measurement ran, from Linux's <c>/proc/stat</c> (all cores) and
/// <c>/proc/self/stat</c> (this process), in clock ticks (10 ms): busy time of other processes and time the hypervisor
/// stole from this VM's cores. A two-thread round in which either took a tick or more did not have both cores to itself,
/// so its throughput ratio says something about the machine rather than about the code.
/// </summary>
internal readonly record struct MachineShare(long MachineBusy, long Steal, long Process)
{
    /// <summary>Reads the counters now; zeros where <c>/proc</c> is not available (not Linux).</summary>
    public static MachineShare Now()
    {
        try
        {
            // cpu  user nice system idle iowait irq softirq steal …
            var cpu = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            long Field(int i) => long.Parse(cpu[i], CultureInfo.InvariantCulture);
            var steal = Field(8);
            var busy = Field(1) + Field(2) + Field(3) + Field(6) + Field(7);

            // pid (comm) state … utime stime: fields 14 and 15, counted after the command name's closing parenthesis.
            var self = File.ReadAllText("/proc/self/stat");
            var rest = self[(self.LastIndexOf(')') + 2)..].Split(' ');
            var process = long.Parse(rest[11], CultureInfo.InvariantCulture) + long.Parse(rest[12], CultureInfo.InvariantCulture);
            return new MachineShare(busy, steal, process);
        }
        catch (IOException)
        {
            return default;
        }
    }

    /// <summary>Ticks other processes were busy and ticks stolen between <paramref name="before"/> and this reading.</summary>
    public (long Others, long Stolen) Since(MachineShare before)
        => (Math.Max(0, MachineBusy - before.MachineBusy - (Process - before.Process)), Steal - before.Steal);
}
