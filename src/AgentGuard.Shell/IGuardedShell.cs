namespace AgentGuard.Shell;

/// <summary>
/// Runs command lines for an agent's shell tool, under policy: each simple command in the line is decided by the
/// engine as its own <see cref="ToolKind.ShellCommand"/> event, and the line runs only when all are allowed.
/// </summary>
public interface IGuardedShell
{
    /// <summary>
    /// Decides the line and, when allowed, runs it with a timeout and captured output inside an
    /// <see cref="AgentGuardScope"/>, passing the output through the result hook. A denied line starts no process: the
    /// result has <see cref="ShellRunResult.Ran"/> false, the denied exit code and the model-safe message on standard error.
    /// </summary>
    /// <remarks>An empty or blank line gets a decision like any other (it holds no command, so it is allowed and does nothing).</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="commandLine"/> is null.</exception>
    Task<ShellRunResult> RunAsync(string commandLine, ShellRunOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Decides the line without running it (for hosts that run commands their own way, e.g. in a container).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="commandLine"/> is null.</exception>
    ValueTask<ShellCheckResult> CheckAsync(string commandLine, ShellRunOptions? options = null, CancellationToken cancellationToken = default);
}
