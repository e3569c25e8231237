using AgentGuard.Policies;
using Microsoft.Extensions.Configuration;

namespace AgentGuard;

/// <summary>
/// Checks an <c>AgentGuard</c> configuration section the way start-up does: every key must be one something reads
/// (a typo such as <c>DefaultDescision</c> or <c>When.Enviroments</c> is an error naming the nearest valid key), every
/// value must have the right form, and the policy must compile. Used at start and on reload, and by tools that lint
/// policies before they ship.
/// </summary>
public static class AgentGuardConfiguration
{
    /// <summary>Every problem in <paramref name="section"/>; empty when it is valid.</summary>
    /// <param name="section">The <c>AgentGuard</c> section.</param>
    /// <param name="packageSections">Sub-sections read by packages (e.g. <c>Registry</c>); keys in them are checked against their options.</param>
    public static IReadOnlyList<AgentGuardConfigurationProblem> Validate(IConfiguration section, IEnumerable<AgentGuardSection>? packageSections = null)
    {
        ArgumentNullException.ThrowIfNull(section);
        var problems = ConfigurationKeyChecker.Check(section, packageSections ?? []);
        if (problems.Count > 0)
        {
            return problems;
        }

        var options = new AgentGuardOptions();
        section.Bind(options);
        if (!PolicyCompiler.TryCompile(options, SectionPath(section), out _, out var errors))
        {
            return [.. errors.Select(e => new AgentGuardConfigurationProblem(SectionPath(section), e, null))];
        }

        return [];
    }

    internal static string SectionPath(IConfiguration section)
        => section is IConfigurationSection { Path.Length: > 0 } named ? named.Path : AgentGuardOptions.SectionName;
}
