namespace AgentGuard;

/// <summary>What a tool returned, as text, handed to the engine's result hook before the model sees it.</summary>
/// <param name="Text">The result as the model would read it; <see langword="null"/> when the tool returned nothing.</param>
/// <param name="IsError">True when the tool failed.</param>
public sealed record ToolResult(string? Text, bool IsError = false);
