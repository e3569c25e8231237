using Microsoft.Extensions.DependencyInjection;

namespace AgentGuard;

/// <summary>The app's service collection, kept so the mediation report can list what was registered (also after <c>AddAgentGuard</c>).</summary>
internal sealed class ServiceRegistrations(IServiceCollection services)
{
    public IReadOnlyList<ServiceDescriptor> Snapshot() => [.. services];
}
