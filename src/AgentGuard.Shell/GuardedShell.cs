using AgentGuard.Shell.Execution;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AgentGuard.Shell;

/// <summary>The guarded command runner: decides a line's commands as one batch with the engine, then runs the allowed line.</summary>
internal sealed partial class GuardedShell : IGuardedShell
{
    private readonly ToolGuard _guard;
    private readonly IOptionsMonitor<AgentGuardShellOptions> _options;
    private readonly ILogger<GuardedShell> _logger;

    public GuardedShell(ToolGuard guard, IOptionsMonitor<AgentGuardShellOptions> options, ILogger<GuardedShell> logger)
    {
        _guard = guard;
        _options = options;
        _logger = logger;
    }

    public async ValueTask<ShellCheckResult> CheckAsync(string commandLine, ShellRunOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(commandLine);
        var context = _guard.ContextResolver.Resolve(options?.Context);
        var (check, _) = await DecideAsync(commandLine, options, context, cancellationToken).ConfigureAwait(false);
        return check;
    }

    public async Task<ShellRunResult> RunAsync(string commandLine, ShellRunOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(commandLine);
        var settings = _options.CurrentValue;
        var context = _guard.ContextResolver.Resolve(options?.Context);
        var (check, lineEvent) = await DecideAsync(commandLine, options, context, cancellationToken).ConfigureAwait(false);
        if (!check.Decision.IsAllowed)
        {
            LogDenied(check.Decision.RuleIds.Count == 0 ? "(default)" : string.Join(",", check.Decision.RuleIds), check.Analysis.Commands.Count);
            return new ShellRunResult
            {
                Ran = false,
                ExitCode = settings.DeniedExitCode,
                StandardOutput = string.Empty,
                StandardError = check.Decision.ModelMessage,
                Decision = check.Decision,
                Analysis = check.Analysis,
            };
        }

        var (bashPath, bashError) = BashLocator.Locate(settings.ShellPath);
        if (bashPath is null)
        {
            LogStartFailed(new InvalidOperationException(bashError), settings.ShellPath ?? "bash");
            return new ShellRunResult { Ran = false, ExitCode = 127, StandardOutput = string.Empty, StandardError = bashError!, Decision = check.Decision, Analysis = check.Analysis };
        }

        var startInfo = ShellProcessStart.Create(check.Analysis, commandLine, options, bashPath);

        ProcessOutcome outcome;
        using (AgentGuardScope.Begin(context, lineEvent))
        {
            try
            {
                outcome = await ProcessRunner.RunAsync(startInfo, options?.StandardInput, options?.Timeout ?? settings.Timeout, settings.MaxOutputChars, cancellationToken).ConfigureAwait(false);
            }
            catch (System.ComponentModel.Win32Exception ex)
            {
                LogStartFailed(ex, startInfo.FileName);
                outcome = new ProcessOutcome(127, string.Empty, startInfo.FileName + ": " + ex.Message, false, false);
            }
        }

        if (outcome.TimedOut)
        {
            LogTimedOut(options?.Timeout ?? settings.Timeout);
        }

        var isError = outcome.ExitCode != 0 || outcome.TimedOut;
        var output = await _guard.InspectResultAsync(lineEvent, context, outcome.StandardOutput, isError, cancellationToken).ConfigureAwait(false) ?? string.Empty;
        var error = outcome.StandardError.Length == 0
            ? string.Empty
            : await _guard.InspectResultAsync(lineEvent, context, outcome.StandardError, isError: true, cancellationToken).ConfigureAwait(false) ?? string.Empty;
        return new ShellRunResult
        {
            Ran = true,
            ExitCode = outcome.TimedOut ? settings.TimedOutExitCode : outcome.ExitCode,
            StandardOutput = output,
            StandardError = error,
            TimedOut = outcome.TimedOut,
            Truncated = outcome.Truncated,
            Decision = check.Decision,
            Analysis = check.Analysis,
        };
    }

    private async ValueTask<(ShellCheckResult Check, ToolCallEvent LineEvent)> DecideAsync(string commandLine, ShellRunOptions? options, GuardContext context, CancellationToken cancellationToken)
    {
        var analysis = ShellAnalyzer.Analyze(commandLine, options?.StandardInput);
        var parent = AgentGuardScope.CurrentCallId;
        var lineId = options?.CallId ?? "sh-" + Guid.NewGuid().ToString("N")[..12];
        var limits = _guard.ArgumentLimits;
        var events = new ToolCallEvent[analysis.Commands.Count];
        for (var i = 0; i < events.Length; i++)
        {
            events[i] = ShellEventFactory.Create(analysis.Commands[i], commandLine, lineId + "." + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), parent, limits);
        }

        var lineEvent = new ToolCallEvent(analysis.Commands.Count == 0 ? "sh" : analysis.Commands[^1].Program, ToolKind.ShellCommand)
        {
            Source = ShellEventFactory.Source,
            Arguments = ToolArguments.FromPairs([new("line", commandLine)], limits),
            Tags = analysis.Tags,
            Risk = analysis.Risk,
            CallId = lineId,
            ParentCallId = parent,
        };

        // One audited decision for the line (what runs), each command's contribution in its evidence; one approval.
        var batch = await _guard.AuthorizeBatchAsync(events, lineEvent, context, useApprovalHandler: true, cancellationToken).ConfigureAwait(false);
        return (new ShellCheckResult { Decision = batch.Decision, Analysis = analysis, CommandDecisions = batch.Parts, Events = events }, lineEvent);
    }

    [LoggerMessage(3601, LogLevel.Information, "A shell line of {CommandCount} command(s) was not run (rules: {RuleIds}).")]
    private partial void LogDenied(LogText ruleIds, int commandCount);

    [LoggerMessage(3602, LogLevel.Warning, "A guarded shell command timed out after {Timeout} and was killed.")]
    private partial void LogTimedOut(TimeSpan timeout);

    [LoggerMessage(3603, LogLevel.Error, "The guarded shell could not start '{FileName}'.")]
    private partial void LogStartFailed(Exception exception, LogText fileName);
}
