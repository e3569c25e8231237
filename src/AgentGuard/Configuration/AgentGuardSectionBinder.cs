using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace AgentGuard.Policies;

/// <summary>
/// Binds the <c>AgentGuard</c> section to <see cref="AgentGuardOptions"/> after checking its keys: a key nothing reads
/// or a value of the wrong form throws <see cref="AgentGuardPolicyException"/> naming it, so start fails and a reload
/// keeps the last good policy, instead of the binder ignoring the key silently.
/// </summary>
internal sealed class AgentGuardSectionBinder(IConfiguration section, IEnumerable<AgentGuardSection> packageSections) : IConfigureOptions<AgentGuardOptions>
{
    /// <summary>The section bound; a second <c>AddAgentGuard</c> with the same section is a no-op.</summary>
    public IConfiguration Section { get; } = section;

    public void Configure(AgentGuardOptions options)
    {
        var problems = ConfigurationKeyChecker.Check(Section, packageSections);
        if (problems.Count > 0)
        {
            throw new AgentGuardPolicyException([.. problems.Select(p => p.Message)]);
        }

        Section.Bind(options);
    }
}

/// <summary>Remembers which section <c>AddAgentGuard</c> bound, so a second call with it changes nothing.</summary>
internal sealed class AgentGuardSectionMarker(IConfiguration section)
{
    public IConfiguration Section { get; } = section;
}
