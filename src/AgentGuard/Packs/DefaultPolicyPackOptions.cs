namespace AgentGuard;

/// <summary>Settings of <see cref="Microsoft.Extensions.DependencyInjection.DefaultPolicyPackExtensions.AddDefaultPolicyPack(AgentGuardBuilder, Action{DefaultPolicyPackOptions}?)"/>.</summary>
public sealed class DefaultPolicyPackOptions
{
    /// <summary>Ids of pack rules to leave out, e.g. <c>pack-destructive-approval</c>.</summary>
    public IList<string> ExcludeRules { get; } = [];
}
