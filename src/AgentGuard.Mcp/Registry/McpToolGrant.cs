using System.IO.Enumeration;

namespace AgentGuard.Mcp;

/// <summary>A compiled grant: tool-name, team and environment globs (case-insensitive <c>*</c> and <c>?</c>).</summary>
public sealed class McpToolGrant
{
    internal McpToolGrant(IReadOnlyList<string> names, IReadOnlyList<string> teams, IReadOnlyList<string> environments)
    {
        Names = names;
        Teams = teams;
        Environments = environments;
    }

    /// <summary>Tool-name globs.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>Team globs; empty means every team.</summary>
    public IReadOnlyList<string> Teams { get; }

    /// <summary>Environment globs; empty means every environment.</summary>
    public IReadOnlyList<string> Environments { get; }

    /// <summary>True when this grant covers <paramref name="toolName"/> for the team and environment.</summary>
    public bool Covers(string toolName, string? team, string? environment)
        => AnyMatch(Names, toolName)
            && (Teams.Count == 0 || (team is not null && AnyMatch(Teams, team)))
            && (Environments.Count == 0 || (environment is not null && AnyMatch(Environments, environment)));

    internal static bool AnyMatch(IReadOnlyList<string> globs, string value)
    {
        for (var i = 0; i < globs.Count; i++)
        {
            if (FileSystemName.MatchesSimpleExpression(globs[i], value, ignoreCase: true))
            {
                return true;
            }
        }

        return false;
    }
}
