namespace AgentGuard;

/// <summary>How risky a tool is, from configuration, MCP annotations or a host classifier.</summary>
/// <remarks>The fail-safe default treats <see cref="High"/> and above as risky: a failing evaluation denies them.</remarks>
public enum RiskLevel
{
    /// <summary>No risk level is known.</summary>
    Unknown = 0,

    /// <summary>Read-only, local, idempotent.</summary>
    Low = 1,

    /// <summary>Changes state or reaches outside, but is easily undone.</summary>
    Medium = 2,

    /// <summary>Destructive, irreversible, sends data out or moves money.</summary>
    High = 3,

    /// <summary>Must never run without a human decision.</summary>
    Critical = 4,
}
