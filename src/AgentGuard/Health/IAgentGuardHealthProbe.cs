namespace AgentGuard;

/// <summary>
/// Reports whether a part AgentGuard depends on (a shared session, rate-limit or approval store) is reachable. The
/// <c>AgentGuard.AspNetCore</c> health check asks every registered probe; the in-memory defaults need none.
/// </summary>
public interface IAgentGuardHealthProbe
{
    /// <summary>The part's name in the health report, e.g. <c>redis</c>.</summary>
    string Name { get; }

    /// <summary>Checks the part. Returns null when it is reachable, else what is wrong (no secrets).</summary>
    ValueTask<string?> ProbeAsync(CancellationToken cancellationToken);
}
