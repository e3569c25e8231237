using System.Collections.Concurrent;

namespace AgentGuard.Tests.Audit;

/// <summary>An in-memory audit sink: what a host's own sink would receive.</summary>
internal sealed class RecordingAuditSink : IAuditSink
{
    private readonly ConcurrentQueue<AuditRecord> _records = new();

    public IReadOnlyList<AuditRecord> Records => [.. _records];

    public void Write(AuditRecord record) => _records.Enqueue(record);
}
