namespace AgentGuard;

/// <summary>
/// Thrown where only an exception can stop the host (an SDK call, an HTTP request, a shell command): the call was
/// not run. <see cref="Exception.Message"/> is the model-safe message; <see cref="Decision"/> carries the rest.
/// </summary>
public sealed class ToolCallDeniedException : Exception
{
    /// <summary>Creates the exception for a decision that did not allow the call.</summary>
    public ToolCallDeniedException(Decision decision)
        : base((decision ?? throw new ArgumentNullException(nameof(decision))).ModelMessage)
    {
        Decision = decision;
    }

    /// <summary>Creates the exception with a message only (prefer the constructor taking a <see cref="AgentGuard.Decision"/>).</summary>
    public ToolCallDeniedException(string message)
        : base(message)
    {
        Decision = new Decision { Effect = DecisionEffect.Deny, PolicyEffect = DecisionEffect.Deny, ModelMessage = message };
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    public ToolCallDeniedException(string message, Exception innerException)
        : base(message, innerException)
    {
        Decision = new Decision { Effect = DecisionEffect.Deny, PolicyEffect = DecisionEffect.Deny, ModelMessage = message };
    }

    /// <summary>Creates the exception with no message.</summary>
    public ToolCallDeniedException()
        : this("The call was not run: it is not permitted by policy.")
    {
    }

    /// <summary>The decision that stopped the call.</summary>
    public Decision Decision { get; }
}
