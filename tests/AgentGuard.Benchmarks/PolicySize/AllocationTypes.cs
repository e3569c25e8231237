using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace AgentGuard.Benchmarks.PolicySize;

/// <summary>
/// Which types the decisions allocate: the runtime's allocation sample (one event per ~100 KB allocated, naming the
/// type that crossed the mark), counted while <c>--policy-cpu … --allocations</c> decides the allowed calls in a loop.
/// </summary>
internal sealed class AllocationTypes : EventListener
{
    private const EventKeywords GcKeyword = (EventKeywords)0x1;

    private readonly ConcurrentDictionary<string, int> _samples = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, int> Samples => _samples;

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, EventLevel.Verbose, GcKeyword);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (eventData.EventName?.StartsWith("GCAllocationTick", StringComparison.Ordinal) == true && eventData.Payload is { } payload && eventData.PayloadNames is { } names)
        {
            var at = names.IndexOf("TypeName");
            var type = at >= 0 ? payload[at] as string ?? "?" : "?";
            _samples.AddOrUpdate(type, 1, static (_, n) => n + 1);
        }
    }
}
