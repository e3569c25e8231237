using System.Text.Json;
using System.Text.Json.Serialization;

namespace AgentGuard;

/// <summary>
/// The default policy pack: tool tags for common tool names and rules against exfiltration, destructive actions and
/// injected instructions, shipped as the embedded resource <c>default-policy-pack.json</c>. It is merged
/// <em>under</em> the user's configuration: a user tool glob or rule id that equals one of the pack's wins, and the
/// merged options go through the same validation and compilation as the user's own.
/// </summary>
internal static class DefaultPolicyPack
{
    /// <summary>The manifest name of the embedded pack.</summary>
    internal const string ResourceName = "AgentGuard.Packs.default-policy-pack.json";

    /// <summary>Reads the pack from the assembly.</summary>
    public static PolicyPackDocument Load()
    {
        using var stream = typeof(DefaultPolicyPack).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource '{ResourceName}' is missing from {typeof(DefaultPolicyPack).Assembly.GetName().Name}.");
        return JsonSerializer.Deserialize(stream, PolicyPackJsonContext.Default.PolicyPackDocument)
            ?? throw new InvalidOperationException($"The embedded resource '{ResourceName}' is empty.");
    }

    /// <summary>Adds the pack's tools and rules that the user's options do not already define.</summary>
    public static void MergeInto(AgentGuardOptions options, DefaultPolicyPackOptions settings)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(settings);
        var pack = Load();
        foreach (var (glob, tool) in pack.Tools)
        {
            tool.AppliesToShellCommands = pack.ToolsApplyToShellCommands;
            options.Tools.TryAdd(glob, tool);
        }

        var ids = new HashSet<string>(options.Rules.Where(r => r?.Id is not null).Select(r => r.Id!.Trim()), StringComparer.OrdinalIgnoreCase);
        var excluded = new HashSet<string>(settings.ExcludeRules, StringComparer.OrdinalIgnoreCase);
        foreach (var rule in pack.Rules)
        {
            if (rule.Id is { } id && !ids.Contains(id) && !excluded.Contains(id))
            {
                options.Rules.Add(rule);
            }
        }
    }
}

/// <summary>The shape of a policy pack file: the <c>Tools</c> and <c>Rules</c> of an <c>AgentGuard</c> section.</summary>
internal sealed class PolicyPackDocument
{
    public Dictionary<string, ToolOptions> Tools { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>False when the pack's <see cref="Tools"/> names describe agent tools only, not the programs of shell commands.</summary>
    public bool ToolsApplyToShellCommands { get; set; } = true;

    public List<RuleOptions> Rules { get; set; } = [];
}

/// <summary>Source-generated (reflection-free) reader of <see cref="PolicyPackDocument"/>.</summary>
[JsonSourceGenerationOptions(PropertyNameCaseInsensitive = true, ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true)]
[JsonSerializable(typeof(PolicyPackDocument))]
internal sealed partial class PolicyPackJsonContext : JsonSerializerContext;
