using Microsoft.Extensions.DependencyInjection;

namespace AgentGuard;

/// <summary>
/// Finds the tool-use paths of one kind in a host and tells whether a hook covers each. Adapters register one for
/// their kind (e.g. chat clients: is <c>UseAgentGuard()</c> in the pipeline?); the <see cref="MediationReporter"/> asks them all.
/// </summary>
public interface IMediationProbe
{
    /// <summary>The kind of path this probe inspects.</summary>
    MediationPathKind Kind { get; }

    /// <summary>The paths of <see cref="Kind"/> the host has.</summary>
    /// <param name="services">The app's service provider (probes may resolve the services they inspect).</param>
    /// <param name="registrations">The app's service registrations.</param>
    IEnumerable<MediationPath> Inspect(IServiceProvider services, IReadOnlyList<ServiceDescriptor> registrations);
}
