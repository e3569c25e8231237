namespace AgentGuard.Testing;

/// <summary>A policy assertion failed. The message shows the call, what was expected, what was decided and why.</summary>
public sealed class PolicyAssertionException : Exception
{
    /// <summary>Creates the exception.</summary>
    public PolicyAssertionException()
        : base("The policy assertion failed.")
    {
    }

    /// <summary>Creates the exception.</summary>
    public PolicyAssertionException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public PolicyAssertionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
