using AgentGuard;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Turns on the default policy pack: <c>services.AddAgentGuard(section).AddDefaultPolicyPack()</c>.</summary>
public static class DefaultPolicyPackExtensions
{
    /// <summary>
    /// Merges the default policy pack (see <c>docs/default-policy-pack.md</c>) under the configured options: tool
    /// globs and rule ids the configuration already has are kept as configured; everything else in the pack is added.
    /// The merge happens each time the options are built (also on reload), before validation.
    /// </summary>
    public static AgentGuardBuilder AddDefaultPolicyPack(this AgentGuardBuilder builder, Action<DefaultPolicyPackOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var settings = new DefaultPolicyPackOptions();
        configure?.Invoke(settings);
        builder.Services.PostConfigure<AgentGuardOptions>(options => DefaultPolicyPack.MergeInto(options, settings));
        builder.Services.TryAddSingleton(sp => new AgentGuard.Inference.RoleInferenceClassifier(sp.GetRequiredService<PolicyProvider>(), sp.GetRequiredService<AgentGuard.Inference.ToolRoleCache>()));
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IToolClassifier, AgentGuard.Inference.RoleInferenceClassifier>(sp => sp.GetRequiredService<AgentGuard.Inference.RoleInferenceClassifier>()));
        return builder;
    }
}
