namespace AgentGuard;

/// <summary>
/// The session store could not answer in time (unreachable, slow beyond its budget, or its circuit is open). The engine
/// turns it into the fail-safe outcome of each rule that needed the state, never into an exception in the agent.
/// </summary>
public sealed class SessionStoreUnavailableException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SessionStoreUnavailableException()
        : this("the session store is unavailable")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public SessionStoreUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public SessionStoreUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a forced fail-safe mode.</summary>
    public SessionStoreUnavailableException(string message, FailureMode? failureMode, Exception? innerException = null)
        : base(message, innerException)
    {
        FailureMode = failureMode;
    }

    /// <summary>The outcome the store's configuration forces; <see langword="null"/> uses each rule's <c>OnError</c>.</summary>
    public FailureMode? FailureMode { get; }
}
