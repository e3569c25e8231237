using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace AgentGuard.Benchmarks.PolicySize;

/// <summary>
/// Which methods a load spends its JIT time on: the runtime's JIT events (a method's compiling started, then its code
/// loaded, on the same thread), summed per method and per namespace while <c>--policy-load --cold --jit</c> loads.
/// The listener's own events cost some time; the figures say where JIT time goes, not how much a load pays for it.
/// </summary>
internal sealed class JitMethods : EventListener
{
    private const EventKeywords JitKeyword = (EventKeywords)0x10;

    private readonly ConcurrentDictionary<(ulong Method, int Thread), (DateTime At, string Name, int IlSize)> _started = new();
    private readonly ConcurrentDictionary<string, (double Ms, int Count, int IlBytes)> _methods = new(StringComparer.Ordinal);

    /// <summary>The methods compiled: milliseconds, how many times (tiers), IL bytes.</summary>
    public IReadOnlyDictionary<string, (double Ms, int Count, int IlBytes)> Methods => _methods;

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, EventLevel.Verbose, JitKeyword);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (eventData.Payload is not { } payload || eventData.PayloadNames is not { } names)
        {
            return;
        }

        var name = eventData.EventName ?? string.Empty;
        if (name.StartsWith("MethodJittingStarted", StringComparison.Ordinal))
        {
            var method = Convert.ToUInt64(payload[names.IndexOf("MethodID")]);
            var full = $"{payload[names.IndexOf("MethodNamespace")]}::{payload[names.IndexOf("MethodName")]}";
            var il = Convert.ToInt32(payload[names.IndexOf("MethodILSize")]);
            _started[(method, (int)eventData.OSThreadId)] = (eventData.TimeStamp, full, il);
        }
        else if (name.StartsWith("MethodLoadVerbose", StringComparison.Ordinal))
        {
            var method = Convert.ToUInt64(payload[names.IndexOf("MethodID")]);
            if (_started.TryRemove((method, (int)eventData.OSThreadId), out var start))
            {
                var ms = (eventData.TimeStamp - start.At).TotalMilliseconds;
                _methods.AddOrUpdate(start.Name, (ms, 1, start.IlSize), (_, m) => (m.Ms + ms, m.Count + 1, m.IlBytes + start.IlSize));
            }
        }
    }

    /// <summary>The top methods and namespaces by JIT time, one line each.</summary>
    public void Print(int top)
    {
        var methods = _methods.ToArray();
        Console.WriteLine($"  JIT events: {methods.Sum(m => m.Value.Count):N0} compilations of {methods.Length:N0} methods, {methods.Sum(m => m.Value.Ms):N0} ms between start and load");
        foreach (var group in methods.GroupBy(m => Namespace(m.Key)).Select(g => (g.Key, Ms: g.Sum(m => m.Value.Ms), Count: g.Sum(m => m.Value.Count), IlBytes: g.Sum(m => m.Value.IlBytes))).OrderByDescending(g => g.Ms).Take(top))
        {
            Console.WriteLine($"  {group.Ms,8:N1} ms {group.Count,5} × {group.IlBytes,7:N0} IL  {group.Key}");
        }

        Console.WriteLine("  methods:");
        foreach (var method in methods.OrderByDescending(m => m.Value.Ms).Take(Environment.GetEnvironmentVariable("JIT_ALL") is null ? top : int.MaxValue))
        {
            Console.WriteLine($"  {method.Value.Ms,8:N1} ms {method.Value.Count,3} × {method.Value.IlBytes,6} IL  {method.Key}");
        }
    }

    private static string Namespace(string method)
    {
        var type = method[..method.IndexOf("::", StringComparison.Ordinal)];
        var generic = type.IndexOf('[', StringComparison.Ordinal);
        type = generic > 0 ? type[..generic] : type;
        var dot = type.LastIndexOf('.');
        return dot > 0 ? type[..dot] : type;
    }
}
