using AgentGuard.Policies;
namespace AgentGuard.Mcp;

/// <summary>A compiled grant: tool-name, team and environment globs (case-insensitive <c>*</c> and <c>?</c>).</summary>
public sealed class McpToolGrant
{
    private readonly Glob[] _names;
    private readonly Glob[] _teams;
    private readonly Glob[] _environments;

    internal McpToolGrant(IReadOnlyList<string> names, IReadOnlyList<string> teams, IReadOnlyList<string> environments)
    {
        Names = names;
        Teams = teams;
        Environments = environments;
        _names = [.. names.Select(n => Glob.Create(n))];
        _teams = [.. teams.Select(n => Glob.Create(n))];
        _environments = [.. environments.Select(n => Glob.Create(n))];
    }

    /// <summary>Tool-name globs.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>Team globs; empty means every team.</summary>
    public IReadOnlyList<string> Teams { get; }

    /// <summary>Environment globs; empty means every environment.</summary>
    public IReadOnlyList<string> Environments { get; }

    /// <summary>True when this grant covers <paramref name="toolName"/> for the team and environment.</summary>
    public bool Covers(string toolName, string? team, string? environment)
        => AnyMatch(_names, toolName)
            && (_teams.Length == 0 || (team is not null && AnyMatch(_teams, team)))
            && (_environments.Length == 0 || (environment is not null && AnyMatch(_environments, environment)));

    /// <summary>True when this grant covers <paramref name="toolName"/> for some team and environment.</summary>
    internal bool CoversName(string toolName) => AnyMatch(_names, toolName);

    private static bool AnyMatch(Glob[] globs, string value)
    {
        foreach (var glob in globs)
        {
            if (glob.IsMatch(value))
            {
                return true;
            }
        }

        return false;
    }
}
