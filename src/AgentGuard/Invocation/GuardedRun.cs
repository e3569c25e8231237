namespace AgentGuard;

/// <summary>What running an allowed call produced: the host's result and the text the model should see instead, if any.</summary>
/// <typeparam name="T">The host's result type.</typeparam>
/// <param name="Result">What the call returned.</param>
/// <param name="Text">The result as the result hook read it.</param>
/// <param name="TextForModel">The text the model should see instead of <paramref name="Result"/> (redacted), or null when it may see the result unchanged.</param>
public readonly record struct GuardedRun<T>(T Result, string? Text, string? TextForModel)
{
    /// <summary>True when the result hook changed what the model may see.</summary>
    public bool IsRedacted => TextForModel is not null;
}
