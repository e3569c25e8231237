using System.CommandLine;
using AgentGuard.Testing.Cases;

namespace AgentGuard.Cli.Commands;

/// <summary><c>agentguard test CASES…</c>: runs policy test files (JSON or YAML); exit 1 when a case fails.</summary>
internal static class TestCommand
{
    public static Command Create(TextWriter output)
    {
        var files = new Argument<string[]>("cases") { Description = "Policy test files: a policy, then cases of event + context + history -> expected decision and rules.", Arity = ArgumentArity.OneOrMore };
        var command = new Command("test", "Run policy test files, like 'opa test'.") { files };
        command.SetAction(async (result, cancellationToken) =>
        {
            var passed = 0;
            var failed = 0;
            foreach (var path in result.GetValue(files)!)
            {
                var file = PolicyTestFile.Load(path);
                foreach (var outcome in await file.RunAsync(cancellationToken).ConfigureAwait(false))
                {
                    if (outcome.Passed)
                    {
                        passed++;
                        await output.WriteLineAsync($"PASS {path}: {outcome.Case}").ConfigureAwait(false);
                    }
                    else
                    {
                        failed++;
                        await output.WriteLineAsync($"FAIL {path}: {outcome.Case}{Environment.NewLine}{outcome.Message}").ConfigureAwait(false);
                    }
                }
            }

            await output.WriteLineAsync($"{passed} passed, {failed} failed.").ConfigureAwait(false);
            return failed == 0 ? ExitCodes.Success : ExitCodes.Findings;
        });
        return command;
    }
}
