namespace AgentGuard.Testing;

/// <summary>A policy or test file could not be read; the message names the file and what is wrong where.</summary>
public sealed class PolicyFileException : Exception
{
    /// <summary>Creates the exception.</summary>
    public PolicyFileException()
        : base("The policy file could not be read.")
    {
    }

    /// <summary>Creates the exception.</summary>
    public PolicyFileException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public PolicyFileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
