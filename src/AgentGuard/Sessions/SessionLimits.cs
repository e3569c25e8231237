namespace AgentGuard;

/// <summary>The bounds on session memory from <c>Sessions</c> configuration.</summary>
/// <param name="MaxHistory">Calls kept per session.</param>
/// <param name="IdleTimeout">How long an unused session is kept.</param>
/// <param name="MaxSessions">Sessions kept in one process (in-memory store only).</param>
public readonly record struct SessionLimits(int MaxHistory, TimeSpan IdleTimeout, int MaxSessions);
