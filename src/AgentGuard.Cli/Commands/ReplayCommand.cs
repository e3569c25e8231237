using System.CommandLine;
using AgentGuard.Cli.Replay;
using AgentGuard.Testing;

namespace AgentGuard.Cli.Commands;

/// <summary><c>agentguard replay AUDIT.jsonl --policy NEW</c>: recorded calls decided again, compared with what was recorded.</summary>
internal static class ReplayCommand
{
    public static Command Create(TextWriter output)
    {
        var audit = new Argument<string>("audit") { Description = "A JSON-lines audit file (Audit:File)." };
        var policy = new Option<string>("--policy") { Description = "The candidate policy file.", Required = true };
        var format = Options.Format("text", "json");
        var list = Options.List();
        var failOnChange = Options.FailOnChange();
        var command = new Command("replay", "Decide the calls of an audit file again under a candidate policy, in session order, and report what changes against the recorded decisions.") { audit, policy, format, list, failOnChange };
        command.SetAction(async (result, cancellationToken) =>
        {
            var auditPath = result.GetValue(audit)!;
            var entries = AuditFile.Read(auditPath);
            var replayed = await Replayer.ReplayAsync(PolicyDocument.Load(result.GetValue(policy)!), entries, cancellationToken).ConfigureAwait(false);
            var report = DiffReport.Compare([.. replayed.Select(r => (r.Entry, r.Entry.Decision, r.Entry.Rules, r, (string?)null))]);
            Write(output, report, result.GetValue(format)!, $"Replayed {auditPath} under {result.GetValue(policy)} (recorded -> candidate):", result.GetValue(list));
            return result.GetValue(failOnChange) && report.Changes.Count > 0 ? ExitCodes.Findings : ExitCodes.Success;
        });
        return command;
    }

    internal static void Write(TextWriter output, DiffReport report, string format, string title, bool list)
    {
        if (format == "json")
        {
            report.WriteJson(output);
        }
        else
        {
            report.WriteText(output, title, list);
        }
    }
}
