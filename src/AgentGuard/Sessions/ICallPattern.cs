namespace AgentGuard;

/// <summary>Which earlier calls a sequence rule counts; session stores test their recorded calls with it.</summary>
public interface ICallPattern
{
    /// <summary>True when a recorded call with this name and these tags counts.</summary>
    bool Matches(string toolName, IReadOnlyList<string> tags);
}
