using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace AgentGuard;

/// <summary>
/// A health-check entry for mediation: healthy when every path is covered and no execution went unmediated; degraded
/// otherwise (unhealthy with <see cref="MediationOptions.RequireFullMediation"/>). Register it with
/// <c>services.AddHealthChecks().AddCheck&lt;MediationHealthCheck&gt;("agentguard-mediation")</c>.
/// </summary>
public sealed class MediationHealthCheck(MediationReporter reporter, IOptions<MediationOptions> options) : IHealthCheck
{
    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var report = reporter.Report();
        if (report.IsFullyMediated)
        {
            return Task.FromResult(HealthCheckResult.Healthy($"{report.Paths.Count} tool-use path(s), all covered."));
        }

        var data = new Dictionary<string, object>
        {
            ["unmediatedExecutions"] = report.UnmediatedExecutions,
            ["notCovered"] = report.Unmediated.Select(p => $"{p.Kind} '{p.Name}'").ToArray(),
            ["unknown"] = report.Unknown.Select(p => $"{p.Kind} '{p.Name}'").ToArray(),
        };
        var description = $"{report.Unmediated.Count} path(s) not covered, {report.Unknown.Count} unknown, {report.UnmediatedExecutions} unmediated execution(s).";
        var status = options.Value.RequireFullMediation ? HealthStatus.Unhealthy : HealthStatus.Degraded;
        return Task.FromResult(new HealthCheckResult(status, description, data: data));
    }
}
