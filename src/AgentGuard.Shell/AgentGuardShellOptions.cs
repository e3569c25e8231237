namespace AgentGuard.Shell;

/// <summary>The <c>AgentGuard:Shell</c> configuration section: how guarded commands run.</summary>
public sealed class AgentGuardShellOptions
{
    /// <summary>
    /// The bash that runs lines that are not a single plain command. Null (default): found at start in <c>/bin</c>,
    /// <c>/usr/bin</c>, <c>/usr/local/bin</c>, <c>/opt/homebrew/bin</c> or <c>PATH</c>. Only bash is accepted, because the
    /// analyser reads lines with bash's semantics (another shell, such as dash as <c>/bin/sh</c>, could run something else).
    /// </summary>
    public string? ShellPath { get; set; }

    /// <summary>How long a command may run before it and its children are killed: 30 seconds by default.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>At most this many characters of standard output and of standard error are kept (default 1,000,000).</summary>
    public int MaxOutputChars { get; set; } = 1_000_000;

    /// <summary>The exit code reported for a line that was not run (default 126, the shell's "cannot execute").</summary>
    public int DeniedExitCode { get; set; } = 126;

    /// <summary>The exit code reported when the timeout killed the command (default 124, as timeout(1)).</summary>
    public int TimedOutExitCode { get; set; } = 124;
}
