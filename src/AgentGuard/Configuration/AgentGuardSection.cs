using System.Diagnostics.CodeAnalysis;

namespace AgentGuard;

/// <summary>
/// A sub-section of the <c>AgentGuard</c> configuration section that a package reads (e.g. <c>Registry</c> for the MCP
/// registry, <c>Http</c> for egress rules), with the options type it binds. Packages register one when they are added,
/// so start-up validation knows every key in the section and can reject the ones nothing reads.
/// </summary>
public sealed class AgentGuardSection
{
    private AgentGuardSection(string name, [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)] Type optionsType)
    {
        Name = name;
        OptionsType = optionsType;
    }

    /// <summary>The key under <c>AgentGuard</c>, e.g. <c>Registry</c>.</summary>
    public string Name { get; }

    /// <summary>The options type the package binds the sub-section to.</summary>
    [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)]
    public Type OptionsType { get; }

    /// <summary>Describes the sub-section <paramref name="name"/> bound to <typeparamref name="TOptions"/>.</summary>
    public static AgentGuardSection For<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)] TOptions>(string name)
        where TOptions : class
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return new AgentGuardSection(name, typeof(TOptions));
    }
}
