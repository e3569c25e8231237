using System.CommandLine;
using AgentGuard.Cli.Lint;

namespace AgentGuard.Cli.Commands;

/// <summary><c>agentguard lint FILE…</c>: start-up validation plus rule analyses; exit 1 on errors (or warnings with <c>--warnings-as-errors</c>).</summary>
internal static class LintCommand
{
    public static Command Create(TextWriter output)
    {
        var files = new Argument<string[]>("files") { Description = "Policy files (JSON or YAML; an appsettings file with an AgentGuard section, or the section alone).", Arity = ArgumentArity.OneOrMore };
        var format = Options.Format("text", "json", "sarif");
        var strict = new Option<bool>("--warnings-as-errors") { Description = "Fail on warnings too." };
        var command = new Command("lint", "Check policy files: everything start-up validation checks, rules that can never fire, rules shadowed by a broader deny, allow rules wider than the default, duplicate intents.") { files, format, strict };
        command.SetAction(result =>
        {
            var paths = result.GetValue(files)!;
            var findings = paths.SelectMany(PolicyLinter.Lint).ToArray();
            LintOutput.Write(output, result.GetValue(format)!, findings, paths);
            var failing = findings.Any(f => f.Severity == LintSeverity.Error || (result.GetValue(strict) && f.Severity == LintSeverity.Warning));
            return failing ? ExitCodes.Findings : ExitCodes.Success;
        });
        return command;
    }
}
