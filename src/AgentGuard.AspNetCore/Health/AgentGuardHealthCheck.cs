using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AgentGuard.AspNetCore;

/// <summary>
/// AgentGuard's health: <c>Healthy</c> when the policy is loaded and every store probe answers; <c>Degraded</c> when a
/// reload was rejected and the last good policy is still in force (the edit did not take effect); <c>Unhealthy</c>
/// when a store (<see cref="IAgentGuardHealthProbe"/>) is unreachable.
/// </summary>
internal sealed class AgentGuardHealthCheck(PolicyProvider policies, IEnumerable<IAgentGuardHealthProbe> probes) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var policy = policies.Current;
        var data = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["rules"] = policy.Rules.Count,
            ["mode"] = policy.AuditOnly ? "audit" : "enforce",
            ["reloads"] = policies.ReloadCount,
            ["failedReloads"] = policies.FailedReloadCount,
        };

        var unreachable = new List<string>();
        foreach (var probe in probes)
        {
            string? problem;
            try
            {
                problem = await probe.ProbeAsync(cancellationToken).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // A probe that throws reports its part as unreachable.
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
            {
                problem = ex.GetType().Name;
            }

            data["store." + probe.Name] = problem ?? "reachable";
            if (problem is not null)
            {
                unreachable.Add($"{probe.Name}: {problem}");
            }
        }

        if (unreachable.Count > 0)
        {
            return HealthCheckResult.Unhealthy("AgentGuard store unreachable: " + string.Join("; ", unreachable), data: data);
        }

        if (policies.LastReloadError is { } error)
        {
            data["lastReloadError"] = error;
            return HealthCheckResult.Degraded("AgentGuard is running on the last good policy: the latest edit was rejected. " + error, data: data);
        }

        return HealthCheckResult.Healthy($"AgentGuard policy loaded: {policy.Rules.Count} rules, {(policy.AuditOnly ? "audit" : "enforce")} mode.", data);
    }
}
