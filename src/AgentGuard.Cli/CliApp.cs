using System.CommandLine;
using AgentGuard.Cli.Commands;
using AgentGuard.Testing;

namespace AgentGuard.Cli;

/// <summary>The <c>agentguard</c> command line: lint, test, explain, replay, diff, schema.</summary>
internal static class CliApp
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        var root = new RootCommand("agentguard: lint, test, explain, replay and diff AgentGuard policies. Exit codes: 0 clean, 1 findings, 2 bad input.")
        {
            LintCommand.Create(output),
            TestCommand.Create(output),
            ExplainCommand.Create(output),
            ReplayCommand.Create(output),
            DiffCommand.Create(output),
            SchemaCommand.Create(output),
        };
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var problem in parsed.Errors)
            {
                await error.WriteLineAsync(problem.Message).ConfigureAwait(false);
            }

            await error.WriteLineAsync("Run 'agentguard --help' for usage.").ConfigureAwait(false);
            return ExitCodes.BadInput;
        }

        try
        {
            return await parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false }, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is CliException or PolicyFileException or AgentGuardPolicyException)
        {
            await error.WriteLineAsync(ex.Message).ConfigureAwait(false);
            return ExitCodes.BadInput;
        }
    }
}
