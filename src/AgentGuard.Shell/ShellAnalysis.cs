namespace AgentGuard.Shell;

/// <summary>What a command line does: every simple command in it, classified.</summary>
public sealed class ShellAnalysis
{
    internal ShellAnalysis(string line, IReadOnlyList<ShellCommandInfo> commands)
    {
        Line = line;
        Commands = commands;
        Tags = [.. commands.SelectMany(c => c.Tags).Distinct(StringComparer.Ordinal)];
        Risk = commands.Count == 0 ? RiskLevel.Low : commands.Max(c => c.Risk);
    }

    /// <summary>The command line.</summary>
    public string Line { get; }

    /// <summary>The simple commands, in the order the shell would reach them (nested ones right where they appear).</summary>
    public IReadOnlyList<ShellCommandInfo> Commands { get; }

    /// <summary>The union of the commands' tags.</summary>
    public IReadOnlyList<string> Tags { get; }

    /// <summary>The highest risk of any command.</summary>
    public RiskLevel Risk { get; }

    /// <summary>True when some part of the line cannot be understood before it runs.</summary>
    public bool IsOpaque => Tags.Contains(ShellTags.Opaque);

    /// <summary>True when the line is one plain command (no expansion, redirection, wrapper or operator) that can run without a shell.</summary>
    internal IReadOnlyList<string>? DirectArgv { get; init; }
}
