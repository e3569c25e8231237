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
/// and binding take time linear in the number of rules instead of quadratic; the top-level rules are read apart and
/// bound by hand (<see cref="RuleEntryReader"/>), and a section with a problem is read again whole to report it.
/// </remarks>
internal sealed class AgentGuardSectionBinder(IConfiguration section, IEnumerable<AgentGuardSection> packageSections, IConfigurationRoot? root = null) : IConfigureOptions<AgentGuardOptions>
{
    /// <summary>The section bound; a second <c>AddAgentGuard</c> with the same section is a no-op.</summary>
    public IConfiguration Section { get; } = section;

    public void Configure(AgentGuardOptions options)
    {
        var rules = new RuleEntries();
        var source = Snapshot(rules) ?? Section;
        var problems = ConfigurationKeyChecker.Check(source, packageSections);
        foreach (var (_, _, copied) in rules.Entries)
        {
            if (copied is not null)
            {
                ConfigurationKeyChecker.CheckRule(copied, AgentGuardConfiguration.SectionPath(source), problems);
            }
        }

        if (problems.Count > 0 && rules.Entries.Count > 0)
        {
            // Report them as the section read whole reports them: the same problems, in the same order.
            source = Snapshot(null) ?? Section;
            problems = ConfigurationKeyChecker.Check(source, packageSections);
        }

        if (problems.Count > 0)
        {
            throw new AgentGuardPolicyException([.. problems.Select(p => p.Message)]);
        }

        source.Bind(options);
        foreach (var (_, bound, copied) in rules.Entries)
        {
            options.Rules.Add(bound ?? Bind(copied!));
        }
    }

    private static RuleOptions Bind(ConfigurationSnapshot entry)
    {
        var rule = new RuleOptions();
        entry.Bind(rule);
        return rule;
    }

    /// <summary>
    /// The section read through its root's providers, when it is the root's (same reload token); null otherwise. With
    /// <paramref name="rules"/>, the top-level rules are read into it, bound by hand, and left out of the snapshot.
    /// </summary>
    private ConfigurationSnapshot? Snapshot(RuleEntries? rules)
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

        return ConfigurationReader.Read(root, live, ConfigurationKeyChecker.RootShape, packages, rules, out _);
    }
}

/// <summary>Remembers which section <c>AddAgentGuard</c> bound, so a second call with it changes nothing.</summary>
internal sealed class AgentGuardSectionMarker(IConfiguration section)
{
    public IConfiguration Section { get; } = section;
}
