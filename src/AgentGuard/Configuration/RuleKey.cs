namespace AgentGuard.Policies;

/// <summary>A key of a rule, relative to its entry (<c>Match:Tools:0</c>; empty for the entry itself), split into its segments once.</summary>
internal sealed class RuleKey
{
    public RuleKey(string relative)
    {
        Relative = relative;
        Segments = relative.Length == 0 ? [] : relative.Split(Microsoft.Extensions.Configuration.ConfigurationPath.KeyDelimiter);
    }

    /// <summary>The path below the entry, in the spelling of the options' shape.</summary>
    public string Relative { get; }

    public string[] Segments { get; }

    /// <summary>The full key of this setting in the entry at <paramref name="entryPath"/>.</summary>
    public string In(string entryPath) => Relative.Length == 0 ? entryPath : string.Concat(entryPath, ":", Relative);
}
