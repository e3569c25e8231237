namespace AgentGuard.Shell;

/// <summary>What a command line does: every simple command in it, classified.</summary>
public sealed class ShellAnalysis
{
    internal ShellAnalysis(string line, IReadOnlyList<ShellCommandInfo> commands)
    {
        Line = line;
        Commands = commands;
        List<string>? tags = null; // most lines have no tag: no list for them
        var risk = RiskLevel.Low;
        for (var c = 0; c < commands.Count; c++)
        {
            var command = commands[c];
            risk = command.Risk > risk ? command.Risk : risk;
            for (var t = 0; t < command.Tags.Count; t++)
            {
                // A line has a handful of distinct tags: a scan beats hashing them.
                if (tags is null || !tags.Contains(command.Tags[t]))
                {
                    (tags ??= []).Add(command.Tags[t]);
                }
            }
        }

        Tags = (IReadOnlyList<string>?)tags ?? [];
        Risk = risk;
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
