using System.CommandLine;
using AgentGuard.Cli.Replay;
using AgentGuard.Testing;

namespace AgentGuard.Cli.Commands;

/// <summary><c>agentguard diff OLD NEW --on AUDIT.jsonl</c>: both policies decide the recorded calls; every change, grouped by rule and effect.</summary>
internal static class DiffCommand
{
    public static Command Create(TextWriter output)
    {
        var oldPolicy = new Argument<string>("old") { Description = "The policy in force." };
        var newPolicy = new Argument<string>("new") { Description = "The candidate policy." };
        var audit = new Option<string>("--on") { Description = "The JSON-lines audit file whose calls both policies decide.", Required = true };
        var format = Options.Format("text", "json");
        var list = Options.List();
        var failOnChange = Options.FailOnChange();
        var command = new Command("diff", "Show every decision that changes between two policies on recorded traffic, grouped by rule and effect with counts.") { oldPolicy, newPolicy, audit, format, list, failOnChange };
        command.SetAction(async (result, cancellationToken) =>
        {
            var entries = AuditFile.Read(result.GetValue(audit)!);
            var before = await Replayer.ReplayAsync(PolicyDocument.Load(result.GetValue(oldPolicy)!), entries, cancellationToken).ConfigureAwait(false);
            var after = await Replayer.ReplayAsync(PolicyDocument.Load(result.GetValue(newPolicy)!), entries, cancellationToken).ConfigureAwait(false);
            var report = DiffReport.Compare([.. before.Zip(after, (b, a) => (b.Entry, b.Effect, b.Rules, a, b.Caveat))]);
            ReplayCommand.Write(output, report, result.GetValue(format)!, $"{result.GetValue(oldPolicy)} -> {result.GetValue(newPolicy)} on {result.GetValue(audit)}:", result.GetValue(list));
            return result.GetValue(failOnChange) && report.Changes.Count > 0 ? ExitCodes.Findings : ExitCodes.Success;
        });
        return command;
    }
}
