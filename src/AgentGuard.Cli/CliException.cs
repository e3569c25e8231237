namespace AgentGuard.Cli;

/// <summary>An input the command cannot use (missing file, malformed record); reported on stderr with exit code 2.</summary>
internal sealed class CliException : Exception
{
    public CliException()
    {
    }

    public CliException(string message)
        : base(message)
    {
    }

    public CliException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
