using System.Text.Json;

namespace AgentGuard.Cli.Replay;

/// <summary>Every decision that changed, grouped by rule and effect with counts; uncertain changes (caveats) apart.</summary>
internal sealed class DiffReport
{
    private DiffReport(int total, IReadOnlyList<DecisionChange> changes)
    {
        Total = total;
        Changes = changes;
    }

    public int Total { get; }

    public IReadOnlyList<DecisionChange> Changes { get; }

    public int Exact => Changes.Count(c => c.Caveat is null);

    public static DiffReport Compare(IReadOnlyList<(AuditEntry Entry, DecisionEffect FromEffect, IReadOnlyList<string> FromRules, ReplayedCall To, string? FromCaveat)> pairs)
    {
        var changes = pairs
            .Where(p => p.FromEffect != p.To.Effect || !SameRules(p.FromRules, p.To.Rules))
            .Select(p => new DecisionChange(p.Entry, p.FromEffect, p.FromRules, p.To.Effect, p.To.Rules, p.To.Caveat ?? p.FromCaveat))
            .ToArray();
        return new DiffReport(pairs.Count, changes);
    }

    public IEnumerable<(DecisionEffect From, DecisionEffect To, string Rule, int Count, int Uncertain)> Groups()
        => Changes
            .GroupBy(c => (c.From, c.To, c.Rule))
            .Select(g => (g.Key.From, g.Key.To, g.Key.Rule, g.Count(), g.Count(c => c.Caveat is not null)))
            .OrderByDescending(g => g.Item4)
            .ThenBy(g => g.Rule, StringComparer.Ordinal);

    public void WriteText(TextWriter output, string title, bool listCalls)
    {
        output.WriteLine(title);
        var effectChanges = Changes.Count(c => c.From != c.To);
        output.WriteLine($"{Total} call(s) decided again; {effectChanges} changed effect, {Changes.Count - effectChanges} changed only the deciding rules; {Changes.Count(c => c.Caveat is not null)} of the changes are uncertain.");
        foreach (var (from, to, rule, count, uncertain) in Groups())
        {
            var arrow = from == to ? $"{from} (same effect, other rules)" : $"{from} -> {to}";
            output.WriteLine($"  {arrow,-36} {rule,-32} {count,6}{(uncertain > 0 ? $"  ({uncertain} uncertain)" : string.Empty)}");
        }

        if (!listCalls)
        {
            return;
        }

        foreach (var change in Changes)
        {
            var session = change.Entry.Context.SessionId ?? "-";
            output.WriteLine($"  line {change.Entry.Line}: session {session}, {change.Entry.Call.ToolName}: {change.From} [{string.Join(",", change.FromRules)}] -> {change.To} [{string.Join(",", change.ToRules)}]{(change.Caveat is null ? string.Empty : " (uncertain: " + change.Caveat + ")")}");
        }
    }

    public void WriteJson(TextWriter output)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteNumber("total", Total);
            json.WriteNumber("changed", Changes.Count);
            json.WriteNumber("uncertain", Changes.Count(c => c.Caveat is not null));
            json.WriteStartArray("groups");
            foreach (var (from, to, rule, count, uncertain) in Groups())
            {
                json.WriteStartObject();
                json.WriteString("from", from.ToString());
                json.WriteString("to", to.ToString());
                json.WriteString("rule", rule);
                json.WriteNumber("count", count);
                json.WriteNumber("uncertain", uncertain);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("changes");
            foreach (var change in Changes)
            {
                json.WriteStartObject();
                json.WriteNumber("line", change.Entry.Line);
                if (change.Entry.Sequence > 0)
                {
                    json.WriteNumber("seq", change.Entry.Sequence);
                }

                if (change.Entry.Context.SessionId is { } session)
                {
                    json.WriteString("session", session);
                }

                json.WriteString("tool", change.Entry.Call.ToolName);
                json.WriteString("from", change.From.ToString());
                WriteList(json, "fromRules", change.FromRules);
                json.WriteString("to", change.To.ToString());
                WriteList(json, "toRules", change.ToRules);
                if (change.Caveat is not null)
                {
                    json.WriteString("caveat", change.Caveat);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static void WriteList(Utf8JsonWriter json, string name, IReadOnlyList<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }

    private static bool SameRules(IReadOnlyList<string> a, IReadOnlyList<string> b)
        => a.Count == b.Count && a.All(r => b.Contains(r, StringComparer.OrdinalIgnoreCase));
}
