using AgentGuard.Policies;

namespace AgentGuard.Inference;

/// <summary>
/// Adds the inferred role tags (see <see cref="ToolRoleInference"/>) to every call, unless <c>Inference:Enabled</c> is
/// false, the tool matches <c>Inference:ExcludeTools</c>, or a <c>Tools</c> entry classifies it (configuration wins).
/// Registered by the default policy pack.
/// </summary>
internal sealed class RoleInferenceClassifier(PolicyProvider policies, ToolRoleCache cache) : IToolClassifier
{
    public RiskLevel Classify(ToolCallEvent toolCall, GuardContext context, ICollection<string> tags)
    {
        ArgumentNullException.ThrowIfNull(toolCall);
        ArgumentNullException.ThrowIfNull(tags);
        var roles = RolesOf(toolCall);
        foreach (var tag in roles.Tags)
        {
            tags.Add(tag);
        }

        return roles.Tags.Contains("payment") || roles.Tags.Contains("destructive") ? RiskLevel.High : RiskLevel.Unknown;
    }

    /// <summary>The inferred roles of the call's tool, or none when inference is off for it.</summary>
    public ToolRoles RolesOf(ToolCallEvent toolCall)
    {
        var policy = policies.Current;
        var options = policy.Options.Inference;
        if (!options.Enabled || (toolCall.Kind == ToolKind.ShellCommand && string.Equals(toolCall.Source, ToolClassifier.ShellProgramSource, StringComparison.Ordinal)))
        {
            // A guarded shell line's program name is not a tool name (truncate, command, mail): the shell analysis classifies it.
            return ToolRoles.Unknown;
        }

        // Configuration overrides inference: a tool that a Tools entry classifies keeps that classification alone.
        var configured = policy.Tools.Classify(toolCall.ToolName, toolCall.Source);
        if (configured.Tags.Length > 0 || configured.Untrusted || configured.Trusted || configured.UntrustedFields.Length > 0)
        {
            return ToolRoles.Unknown;
        }

        foreach (var excluded in policy.InferenceExclusions)
        {
            if (excluded.IsMatch(toolCall.ToolName))
            {
                return ToolRoles.Unknown;
            }
        }

        return cache.For(toolCall);
    }
}
