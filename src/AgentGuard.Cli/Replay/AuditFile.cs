using System.Globalization;
using System.Text.Json;

namespace AgentGuard.Cli.Replay;

/// <summary>
/// Reads a JSON-lines audit file as written by <c>Audit:File</c>, in the order the decisions were made (<c>seq</c>,
/// then line order for records without one), so that sessions are replayed in their own order.
/// </summary>
internal static class AuditFile
{
    private const string SecretTag = "secret-in-arguments";

    public static IReadOnlyList<AuditEntry> Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new CliException($"{path}: the audit file does not exist.");
        }

        var entries = new List<AuditEntry>();
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                using var document = JsonDocument.Parse(line);
                entries.Add(Parse(document.RootElement, number));
            }
            catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException or ArgumentException or KeyNotFoundException)
            {
                throw new CliException($"{path}({number}): not an audit record: {ex.Message}");
            }
        }

        return [.. entries.OrderBy(e => e.Sequence == 0 ? long.MaxValue : e.Sequence).ThenBy(e => e.Line)];
    }

    private static AuditEntry Parse(JsonElement record, int line)
    {
        var tool = record.GetProperty("tool").GetString() ?? throw new FormatException("'tool' is missing");
        var kind = Enum.Parse<ToolKind>(String(record, "kind") ?? nameof(ToolKind.Function), ignoreCase: true);
        var hasArgs = record.TryGetProperty("args", out var args);
        var argumentsText = hasArgs ? args.GetRawText() : null;
        var redacted = hasArgs && (args.ValueKind != JsonValueKind.Object && args.ValueKind != JsonValueKind.Array
            || argumentsText!.Contains("[REDACTED", StringComparison.Ordinal));
        var userId = String(record, "user");
        var call = new ToolCallEvent(tool, kind)
        {
            Source = String(record, "source"),
            CallId = String(record, "callId"),
            ParentCallId = String(record, "parentCallId"),
            // Classifier tags are not in callTags; the secret classifier's cannot be re-derived from redacted values, so keep it.
            Tags = Strings(record, "tags").Contains(SecretTag, StringComparer.OrdinalIgnoreCase) ? [.. Strings(record, "callTags"), SecretTag] : Strings(record, "callTags"),
            Risk = String(record, "risk") is { } risk ? Enum.Parse<RiskLevel>(risk, ignoreCase: true) : RiskLevel.Unknown,
            Arguments = hasArgs && args.ValueKind is JsonValueKind.Object or JsonValueKind.Array ? ToolArguments.FromJson(argumentsText!) : ToolArguments.Empty,
        };
        var context = new GuardContext
        {
            SessionId = String(record, "session"),
            User = userId is null ? null : new GuardUser(userId)
            {
                Groups = Strings(record, "groups"),
                Roles = Strings(record, "roles"),
                IsExternal = record.TryGetProperty("external", out var external) && external.GetBoolean(),
            },
            Agent = String(record, "agent") is { } agent ? new GuardAgent(agent) : null,
            Environment = String(record, "environment"),
            Team = String(record, "team"),
            DataTags = Strings(record, "dataTags"),
        };
        var decision = String(record, "policyDecision") ?? String(record, "decision") ?? throw new FormatException("'decision' is missing");
        return new AuditEntry
        {
            Line = line,
            Sequence = record.TryGetProperty("seq", out var seq) ? seq.GetInt64() : 0,
            Time = record.TryGetProperty("time", out var time) ? time.GetDateTimeOffset() : default,
            Call = call,
            Context = context,
            Decision = Enum.Parse<DecisionEffect>(decision, ignoreCase: true),
            Rules = Strings(record, "rules"),
            Evidence = Strings(record, "evidence"),
            Labels = Strings(record, "labels"),
            ArgumentsRedacted = redacted,
            ArgumentsMissing = !hasArgs,
        };
    }

    private static string? String(JsonElement record, string name)
        => record.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string[] Strings(JsonElement record, string name)
        => record.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? [.. value.EnumerateArray().Select(v => v.GetString() ?? string.Empty).Where(v => v.Length > 0)]
            : [];

    internal static string Describe(DateTimeOffset time) => time.ToString("u", CultureInfo.InvariantCulture);
}
