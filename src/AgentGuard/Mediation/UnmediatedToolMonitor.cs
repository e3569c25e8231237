using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;

namespace AgentGuard;

/// <summary>
/// Counts tool executions no AgentGuard decision preceded: it listens to the frameworks' <c>execute_tool</c> spans
/// (OpenTelemetry GenAI conventions, e.g. Microsoft.Extensions.AI's FunctionInvokingChatClient with UseOpenTelemetry,
/// Semantic Kernel) and to AgentGuard's own <c>agentguard.evaluate</c> spans, and matches them by tool-call id, else by
/// trace and tool name. Each unmatched execution logs a warning and counts <c>agentguard.tool.unmediated</c>.
/// Only spans a framework emits can be seen: a tool run with no span at all is invisible here (the start-up report covers those paths).
/// </summary>
internal sealed partial class UnmediatedToolMonitor : IDisposable
{
    internal const string ExecuteTool = "execute_tool";
    private const string OperationNameTag = "gen_ai.operation.name";
    private const string CallIdTag = "gen_ai.tool.call.id";
    private const int MaxPending = 10_000;
    private readonly ActivityListener _listener;
    private readonly ConcurrentDictionary<string, int> _decided = new(StringComparer.Ordinal);
    private readonly Counter<long> _unmediated;
    private readonly ILogger _logger;
    private long _count;

    // Decided calls waiting for their execution span, kept with Interlocked: the dictionary's own Count takes all its
    // locks, and this ran on every decision.
    private int _pending;

    public UnmediatedToolMonitor(IMeterFactory? meterFactory, ILoggerFactory loggerFactory)
    {
        _logger = loggerFactory.CreateLogger<UnmediatedToolMonitor>();
        var meter = meterFactory?.Create(AgentGuardDiagnostics.Name) ?? new Meter(AgentGuardDiagnostics.Name);
        _unmediated = meter.CreateCounter<long>("agentguard.tool.unmediated", "{execution}", "Tool executions no AgentGuard decision preceded.");
        _listener = new ActivityListener
        {
            ShouldListenTo = static _ => true,
            Sample = static (ref ActivityCreationOptions<ActivityContext> options) => IsRelevant(options.Source.Name, options.Name, options.Tags)
                ? ActivitySamplingResult.AllDataAndRecorded
                : ActivitySamplingResult.None,
            ActivityStopped = OnStopped,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    /// <summary>Tool executions seen so far that no decision preceded.</summary>
    public long Count => Interlocked.Read(ref _count);

    public void Dispose() => _listener.Dispose();

    private static bool IsRelevant(string source, string name, IEnumerable<KeyValuePair<string, object?>>? tags)
    {
        if (source == AgentGuardDiagnostics.Name || name.StartsWith(ExecuteTool, StringComparison.Ordinal))
        {
            return true;
        }

        if (tags is not null)
        {
            foreach (var tag in tags)
            {
                if (tag.Key == OperationNameTag && tag.Value as string == ExecuteTool)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private void OnStopped(Activity activity)
    {
        var tool = activity.GetTagItem(TelemetryTags.ToolName) as string;
        var callId = activity.GetTagItem(CallIdTag) as string;
        if (activity.Source.Name == AgentGuardDiagnostics.Name)
        {
            if (tool is null)
            {
                return;
            }

            if (Volatile.Read(ref _pending) >= MaxPending)
            {
                _decided.Clear();
                Volatile.Write(ref _pending, 0);
            }

            var key = callId is { Length: > 0 } ? "call:" + callId : TraceKey(activity, tool);
            if (_decided.TryAdd(key, 1))
            {
                Interlocked.Increment(ref _pending);
            }
            else
            {
                _decided.AddOrUpdate(key, 1, static (_, n) => n + 1);
            }

            return;
        }

        if (!activity.OperationName.StartsWith(ExecuteTool, StringComparison.Ordinal) && activity.GetTagItem(OperationNameTag) as string != ExecuteTool)
        {
            return;
        }

        tool ??= activity.OperationName.Length > ExecuteTool.Length ? activity.OperationName[(ExecuteTool.Length + 1)..] : "(unknown)";
        if ((callId is { Length: > 0 } && Consume("call:" + callId)) || Consume(TraceKey(activity, tool)))
        {
            return;
        }

        Interlocked.Increment(ref _count);
        _unmediated.Add(1, new KeyValuePair<string, object?>(TelemetryTags.ToolName, tool));
        LogUnmediated(tool, activity.Source.Name, callId);
    }

    private bool Consume(string key)
    {
        while (_decided.TryGetValue(key, out var pending))
        {
            if (pending <= 1 && _decided.TryRemove(new KeyValuePair<string, int>(key, pending)))
            {
                Interlocked.Decrement(ref _pending);
                return true;
            }

            if (pending > 1 && _decided.TryUpdate(key, pending - 1, pending))
            {
                return true;
            }
        }

        return false;
    }

    private static string TraceKey(Activity activity, string tool) => $"trace:{activity.TraceId}:{tool}";

    [LoggerMessage(1202, LogLevel.Warning, "Tool '{ToolName}' was executed (span from {Source}, call {CallId}) with no AgentGuard decision before it: this path is not mediated.")]
    private partial void LogUnmediated(LogText toolName, LogText source, LogText callId);
}
