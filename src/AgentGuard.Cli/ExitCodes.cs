namespace AgentGuard.Cli;

/// <summary>The exit codes of <c>agentguard</c>, for CI.</summary>
internal static class ExitCodes
{
    /// <summary>Nothing to report.</summary>
    public const int Success = 0;

    /// <summary>Lint errors, failed test cases, or (with <c>--fail-on-change</c>) changed decisions.</summary>
    public const int Findings = 1;

    /// <summary>Bad usage or an input that cannot be read.</summary>
    public const int BadInput = 2;
}
