namespace AgentGuard.Cli.Lint;

/// <summary>How serious a finding is; errors fail <c>agentguard lint</c>, warnings fail it with <c>--warnings-as-errors</c>.</summary>
internal enum LintSeverity
{
    Note,
    Warning,
    Error,
}

/// <summary>One problem found in a policy file.</summary>
/// <param name="Code">A stable code, e.g. <c>AG102</c>.</param>
/// <param name="Severity">How serious it is.</param>
/// <param name="File">The policy file.</param>
/// <param name="Path">The configuration key it is about, e.g. <c>AgentGuard:Rules[2]</c>.</param>
/// <param name="Message">What is wrong and how to fix it.</param>
/// <param name="Line">The line in the file, when it could be found (1-based).</param>
internal sealed record LintFinding(string Code, LintSeverity Severity, string File, string? Path, string Message, int? Line);
