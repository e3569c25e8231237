namespace AgentGuard.AspNetCore;

/// <summary>How AgentGuard reads the user and the session from the current HTTP request.</summary>
public sealed class AgentGuardHttpContextOptions
{
    /// <summary>Claims to user mapping.</summary>
    public ClaimMappingOptions Claims { get; set; } = new();

    /// <summary>Where the session id comes from.</summary>
    public SessionIdOptions Session { get; set; } = new();
}
