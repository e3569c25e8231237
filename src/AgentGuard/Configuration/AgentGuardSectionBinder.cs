using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace AgentGuard.Policies;

/// <summary>
/// Binds the <c>AgentGuard</c> section to <see cref="AgentGuardOptions"/> after checking its keys: a key nothing reads
/// or a value of the wrong form throws <see cref="AgentGuardPolicyException"/> naming it, so start fails and a reload
/// keeps the last good policy, instead of the binder ignoring the key silently.
/// </summary>
/// <remarks>
/// When the section belongs to the application's configuration root (<paramref name="root"/>, the registered
/// <see cref="IConfiguration"/>), it is first read into a snapshot by <see cref="ConfigurationReader"/>, so checking
/// and binding take time linear in the number of rules instead of quadratic.
/// </remarks>
internal sealed class AgentGuardSectionBinder(IConfiguration section, IEnumerable<AgentGuardSection> packageSections, IConfigurationRoot? root = null) : IConfigureOptions<AgentGuardOptions>
{
    /// <summary>The section bound; a second <c>AddAgentGuard</c> with the same section is a no-op.</summary>
    public IConfiguration Section { get; } = section;

    public void Configure(AgentGuardOptions options)
    {
        var source = Snapshot() ?? Section;
        var problems = ConfigurationKeyChecker.Check(source, packageSections);
        if (problems.Count > 0)
        {
            throw new AgentGuardPolicyException([.. problems.Select(p => p.Message)]);
        }

        source.Bind(options);
    }

    /// <summary>The section read through its root's providers, when it is the root's (same reload token); null otherwise.</summary>
    private ConfigurationSnapshot? Snapshot()
    {
        if (root is null || Section is not IConfigurationSection { Path.Length: > 0 } live || !ReferenceEquals(root.GetReloadToken(), live.GetReloadToken()))
        {
            return null;
        }

        var packages = new Dictionary<string, ConfigurationShape>(StringComparer.OrdinalIgnoreCase);
        foreach (var package in packageSections)
        {
            packages[package.Name] = ConfigurationShape.Of(package.OptionsType);
        }

        return ConfigurationReader.Read(root, live, ConfigurationKeyChecker.RootShape, packages);
    }
}

/// <summary>Remembers which section <c>AddAgentGuard</c> bound, so a second call with it changes nothing.</summary>
internal sealed class AgentGuardSectionMarker(IConfiguration section)
{
    public IConfiguration Section { get; } = section;
}
