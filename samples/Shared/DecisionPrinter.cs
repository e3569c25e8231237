namespace AgentGuard.Samples.Shared;

/// <summary>Prints each AgentGuard decision on one line, plain text (the samples' output is read by tests).</summary>
internal sealed class DecisionPrinter : IAuditSink
{
    public void Write(AuditRecord record)
        => Console.WriteLine($"  {record.Decision.ToString().ToUpperInvariant(),-15} {record.ToolName} ({record.Kind})"
            + (record.Rules.Count == 0 ? string.Empty : $" rule: {string.Join(", ", record.Rules)} — {record.Reason}"));
}
