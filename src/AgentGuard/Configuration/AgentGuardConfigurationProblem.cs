namespace AgentGuard;

/// <summary>One problem in the <c>AgentGuard</c> configuration section.</summary>
/// <param name="Path">The configuration key, e.g. <c>AgentGuard:Rules:2:When:Enviroments</c>.</param>
/// <param name="Message">What is wrong, naming the key (and the rule, for keys inside a rule).</param>
/// <param name="Suggestion">The nearest valid key, when there is one close enough to be the intended one.</param>
public sealed record AgentGuardConfigurationProblem(string Path, string Message, string? Suggestion)
{
    /// <inheritdoc />
    public override string ToString() => Message;
}
