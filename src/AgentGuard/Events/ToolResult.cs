namespace AgentGuard;

/// <summary>What a tool returned, as text, handed to the engine's result hook before the model sees it.</summary>
/// <param name="Text">The result as the model would read it; <see langword="null"/> when the tool returned nothing.</param>
/// <param name="IsError">True when the tool failed.</param>
public sealed record ToolResult(string? Text, bool IsError = false)
{
    /// <summary>
    /// Labels the result carries whatever its text, added to the session like the ones the result hook finds: the data
    /// tags of the tables a database statement read (<c>internal-only</c>), so later calls are decided knowing it.
    /// </summary>
    public IReadOnlyList<string> Labels { get; init; } = [];
}
