namespace AgentGuard;

/// <summary>A policy (configuration or registry) is invalid. The message names the rule and the field, and how to fix it.</summary>
public sealed class AgentGuardPolicyException : Exception
{
    /// <summary>Creates the exception from a list of problems, each already naming its rule and field.</summary>
    public AgentGuardPolicyException(IReadOnlyList<string> errors)
        : base(Format(errors))
    {
        Errors = errors;
    }

    /// <summary>Creates the exception with one message.</summary>
    public AgentGuardPolicyException(string message)
        : this([message])
    {
    }

    /// <summary>Creates the exception from a list of problems and their cause.</summary>
    public AgentGuardPolicyException(IReadOnlyList<string> errors, Exception innerException)
        : base(Format(errors), innerException)
    {
        Errors = errors;
    }

    /// <summary>Creates the exception with one message and its cause.</summary>
    public AgentGuardPolicyException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [message];
    }

    /// <summary>Creates the exception with no message.</summary>
    public AgentGuardPolicyException()
        : this("The AgentGuard policy is invalid.")
    {
    }

    /// <summary>Every problem found, one per entry.</summary>
    public IReadOnlyList<string> Errors { get; }

    private static string Format(IReadOnlyList<string> errors)
        => errors.Count == 1
            ? "AgentGuard configuration is invalid: " + errors[0]
            : $"AgentGuard configuration is invalid ({errors.Count} problems):" + Environment.NewLine + string.Join(Environment.NewLine, errors.Select(e => "  - " + e));
}
