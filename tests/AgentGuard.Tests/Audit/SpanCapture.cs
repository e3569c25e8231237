using System.Diagnostics;

namespace AgentGuard.Tests.Audit;

/// <summary>
/// An in-memory span listener for AgentGuard's source and a test "framework" source. Listeners are process-wide and
/// tests run in parallel, so it keeps only spans whose tool name starts with this test's own prefix.
/// </summary>
internal sealed class SpanCapture : IDisposable
{
    public const string FrameworkSourceName = "AgentGuard.Tests.Framework";

    private readonly ActivityListener _listener;
    private readonly List<Activity> _spans = [];

    public SpanCapture(string toolPrefix)
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name is AgentGuardDiagnostics.Name or FrameworkSourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a =>
            {
                if (a.GetTagItem(TelemetryTags.ToolName) is string name && name.StartsWith(toolPrefix, StringComparison.Ordinal))
                {
                    lock (_spans)
                    {
                        _spans.Add(a);
                    }
                }
            },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public IReadOnlyList<Activity> Spans
    {
        get
        {
            lock (_spans)
            {
                return [.. _spans];
            }
        }
    }

    public Activity Evaluation(string toolName) => Spans.Single(s => s.Source.Name == AgentGuardDiagnostics.Name && (string?)s.GetTagItem(TelemetryTags.ToolName) == toolName);

    public void Dispose() => _listener.Dispose();
}
