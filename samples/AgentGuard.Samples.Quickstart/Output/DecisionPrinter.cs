namespace AgentGuard.Samples.Quickstart.Output;

/// <summary>An audit sink that prints each decision on one line: the effect, the call, the rule and the reason.</summary>
internal sealed class DecisionPrinter(ConsoleStyle style) : IAuditSink
{
    private readonly Lock _gate = new();

    public void Write(AuditRecord record)
    {
        var (mark, word) = record.Decision switch
        {
            DecisionEffect.Allow when record.PolicyDecision != DecisionEffect.Allow => (style.Yellow("~"), style.Yellow("WOULD " + record.PolicyDecision.ToString().ToUpperInvariant())),
            DecisionEffect.Allow => (style.Green("✓"), style.Green("ALLOW")),
            DecisionEffect.RequireApproval => (style.Yellow("?"), style.Yellow("APPROVAL")),
            _ => (style.Red("✗"), style.Red("DENY")),
        };
        var what = $"{record.ToolName} ({record.Kind}{(record.Source is null ? string.Empty : " @ " + record.Source)})";
        var rules = record.Rules.Count == 0 ? string.Empty : "  rule: " + string.Join(", ", record.Rules);
        var reason = record.Decision == DecisionEffect.Allow && record.Rules.Count == 0 ? string.Empty : "  — " + record.Reason;
        lock (_gate)
        {
            Console.WriteLine($"    {mark} {word,-8} {what}{style.Dim(rules + reason)}");
        }
    }
}
