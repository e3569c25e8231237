using System.CommandLine;

namespace AgentGuard.Cli.Commands;

/// <summary>Options several commands share.</summary>
internal static class Options
{
    public static Option<string> Format(params string[] formats)
    {
        var option = new Option<string>("--format") { Description = $"Output format: {string.Join(", ", formats)}.", DefaultValueFactory = _ => formats[0] };
        option.AcceptOnlyFromAmong(formats);
        return option;
    }

    public static Option<bool> FailOnChange() => new("--fail-on-change") { Description = "Exit with 1 when any decision changed (for CI gates)." };

    public static Option<bool> List() => new("--list") { Description = "List every changed call, not only the groups." };
}
