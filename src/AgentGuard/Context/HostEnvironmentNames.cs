namespace AgentGuard;

/// <summary>
/// Maps the host's <c>IHostEnvironment.EnvironmentName</c> to the short names policies use: <c>Development</c> →
/// <c>dev</c>, <c>Staging</c> → <c>staging</c>, <c>Production</c> → <c>prod</c>; any other name is used as it is
/// (rules compare environments ignoring case). <c>AgentGuard:Context:Environment</c>, when set, wins.
/// </summary>
internal static class HostEnvironmentNames
{
    /// <summary>The policy environment for a host environment name, or <see langword="null"/> for none.</summary>
    public static string? ToPolicyEnvironment(string? hostEnvironmentName) => hostEnvironmentName?.Trim() switch
    {
        null or "" => null,
        var name when name.Equals("Development", StringComparison.OrdinalIgnoreCase) => "dev",
        var name when name.Equals("Staging", StringComparison.OrdinalIgnoreCase) => "staging",
        var name when name.Equals("Production", StringComparison.OrdinalIgnoreCase) => "prod",
        var name => name,
    };
}
