using System.Globalization;
using AgentGuard.Data;

namespace AgentGuard.Shell.Execution;

/// <summary>Turns an analyzed command into the engine's <see cref="ToolCallEvent"/>.</summary>
internal static class ShellEventFactory
{
    public const string Source = "shell";

    /// <summary>Each command's event carries the line up to this length, so a long line of many commands stays cheap.</summary>
    public const int MaxLineInEvent = 4096;

    public static ToolCallEvent Create(ShellCommandInfo command, string line, string callId, string? parentCallId, ToolArgumentLimits limits)
    {
        var redirections = command.Redirections.Select(r => new Dictionary<string, object?>
        {
            ["op"] = r.Operator,
            ["fd"] = r.FileDescriptor,
            ["target"] = r.Target,
        }).ToArray();
        var arguments = new List<KeyValuePair<string, object?>>(8)
        {
            new("program", command.Path),
            new("args", command.Args),
            new("redirections", redirections),
            new("wrappers", command.Wrappers),
            new("origin", command.Origin),
            new("line", line.Length <= MaxLineInEvent ? line : line[..MaxLineInEvent] + "…"),
        };
        if (command.Code is not null)
        {
            arguments.Add(new("code", command.Code));
        }

        if (command.Sql.Count > 0)
        {
            arguments.Add(new("sql", SqlArguments(command.Sql)));
        }

        var attributes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["shell.program"] = command.Program,
            ["shell.path"] = command.Path,
            ["shell.origin"] = command.Origin,
            ["shell.wrappers"] = string.Join(',', command.Wrappers),
            ["shell.pipeline"] = command.InPipeline ? "true" : "false",
            ["shell.opaque"] = command.IsOpaque ? "true" : "false",
            ["shell.sudo"] = command.Wrappers.Contains("sudo") || command.Program == "sudo" ? "true" : "false",
            ["shell.arg_count"] = command.Args.Count.ToString(CultureInfo.InvariantCulture),
        };

        return new ToolCallEvent(command.Program, ToolKind.ShellCommand)
        {
            Source = Source,
            Arguments = ToolArguments.FromPairs(arguments, limits),
            Tags = command.Tags,
            Risk = command.Risk,
            CallId = callId,
            ParentCallId = parentCallId,
            Attributes = attributes,
        };
    }

    /// <summary>The SQL a client runs, described as the database hook describes a statement (kinds, tables, flags).</summary>
    private static Dictionary<string, object?>[] SqlArguments(IReadOnlyList<SqlAnalysis> analyses)
    {
        var result = new Dictionary<string, object?>[analyses.Count];
        for (var i = 0; i < result.Length; i++)
        {
            var analysis = analyses[i];
            result[i] = new Dictionary<string, object?>
            {
                ["dialect"] = analysis.Dialect switch { SqlDialect.PostgreSql => "postgresql", SqlDialect.Sqlite => "sqlite", SqlDialect.MySql => "mysql", _ => "sqlserver" },
                ["kinds"] = analysis.Kinds.Select(k => k.ToString().ToLowerInvariant()).ToArray(),
                ["tablesRead"] = analysis.TablesRead,
                ["tablesWritten"] = analysis.TablesWritten,
                ["flags"] = analysis.Tags,
                ["opaqueReason"] = analysis.OpaqueReason,
            };
        }

        return result;
    }
}
