namespace AgentGuard;

/// <summary>Settings of the mediation report.</summary>
public sealed class MediationOptions
{
    /// <summary>Refuse to start when a tool-use path is not covered by a hook (default false: log a warning).</summary>
    public bool RequireFullMediation { get; set; }
}
