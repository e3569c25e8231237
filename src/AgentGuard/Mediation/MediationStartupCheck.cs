using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AgentGuard;

/// <summary>
/// Runs the mediation report when the host starts (options validated on start): logs it, starts the run-time monitor,
/// and fails start-up when <see cref="MediationOptions.RequireFullMediation"/> is set and a path is not covered.
/// </summary>
internal sealed class MediationStartupCheck(IServiceProvider services) : IValidateOptions<MediationOptions>
{
    public ValidateOptionsResult Validate(string? name, MediationOptions options)
    {
        if (name is not null && name != Microsoft.Extensions.Options.Options.DefaultName)
        {
            return ValidateOptionsResult.Skip;
        }

        var report = services.GetRequiredService<MediationReporter>().LogReport();
        if (!options.RequireFullMediation)
        {
            return ValidateOptionsResult.Success;
        }

        var failing = report.Paths.Where(p => p.Covered != true).ToArray();
        return failing.Length == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(failing.Select(p => $"AgentGuard:Mediation: {p.Kind} '{p.Name}' is {(p.Covered is null ? "of unknown coverage" : "not covered")} ({p.Detail}); RequireFullMediation refuses to start."));
    }
}
