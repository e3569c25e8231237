namespace AgentGuard;

/// <summary>The agent making the call.</summary>
/// <param name="Id">A stable id for the agent.</param>
/// <param name="Name">A display name, when different from the id.</param>
/// <param name="Instructions">The agent's goal or system instructions.</param>
public sealed record GuardAgent(string Id, string? Name = null, string? Instructions = null);
