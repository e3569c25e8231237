using ModelContextProtocol.Client;

namespace AgentGuard.Mcp;

/// <summary>The exact environment a stdio server receives: process defaults (optional), allowed host variables, fixed values. Nothing else.</summary>
internal static class ServerEnvironment
{
    public static Dictionary<string, string?> Build(McpServerDefinition server)
    {
        var environment = new Dictionary<string, string?>(OperatingSystem.IsWindows() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
        if (server.IncludeDefaultEnvironment)
        {
            foreach (var (name, value) in StdioClientTransportOptions.GetDefaultEnvironmentVariables())
            {
                environment[name] = value;
            }
        }

        foreach (var name in server.PassEnvironment)
        {
            var value = System.Environment.GetEnvironmentVariable(name);
            if (value is null && server.EnvironmentDefaults.TryGetValue(name, out var fallback))
            {
                value = fallback;
            }

            if (value is not null)
            {
                environment[name] = value;
            }
        }

        foreach (var (name, value) in server.Environment)
        {
            if (value.StartsWith("${", StringComparison.Ordinal) && value.EndsWith('}'))
            {
                var host = System.Environment.GetEnvironmentVariable(value[2..^1]);
                if (host is not null)
                {
                    environment[name] = host;
                }
            }
            else
            {
                environment[name] = value;
            }
        }

        return environment;
    }
}
