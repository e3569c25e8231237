using System.Text.Json;

namespace AgentGuard.Cli.Lint;

/// <summary>Writes lint findings as text (one line each, compiler style), JSON, or SARIF 2.1.0 for CI annotations.</summary>
internal static class LintOutput
{
    public static void Write(TextWriter output, string format, IReadOnlyList<LintFinding> findings, IReadOnlyList<string> files)
    {
        switch (format)
        {
            case "json":
                WriteJson(output, findings);
                break;
            case "sarif":
                WriteSarif(output, findings);
                break;
            default:
                WriteText(output, findings, files);
                break;
        }
    }

    private static void WriteText(TextWriter output, IReadOnlyList<LintFinding> findings, IReadOnlyList<string> files)
    {
        foreach (var finding in findings)
        {
            var where = finding.Line is { } line ? $"{finding.File}({line})" : finding.File;
            output.WriteLine($"{where}: {finding.Severity.ToString().ToLowerInvariant()} {finding.Code}: {finding.Message}");
        }

        var errors = findings.Count(f => f.Severity == LintSeverity.Error);
        var warnings = findings.Count(f => f.Severity == LintSeverity.Warning);
        output.WriteLine($"{files.Count} file(s) linted: {errors} error(s), {warnings} warning(s), {findings.Count - errors - warnings} note(s).");
    }

    private static void WriteJson(TextWriter output, IReadOnlyList<LintFinding> findings)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartArray();
            foreach (var finding in findings)
            {
                json.WriteStartObject();
                json.WriteString("code", finding.Code);
                json.WriteString("severity", finding.Severity.ToString().ToLowerInvariant());
                json.WriteString("file", finding.File);
                if (finding.Line is { } line)
                {
                    json.WriteNumber("line", line);
                }

                if (finding.Path is not null)
                {
                    json.WriteString("path", finding.Path);
                }

                json.WriteString("message", finding.Message);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static void WriteSarif(TextWriter output, IReadOnlyList<LintFinding> findings)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
            json.WriteString("version", "2.1.0");
            json.WriteStartArray("runs");
            json.WriteStartObject();
            json.WriteStartObject("tool");
            json.WriteStartObject("driver");
            json.WriteString("name", "agentguard");
            json.WriteString("informationUri", "https://github.com/agentguard/agentguard/blob/main/docs/policy-kit.md");
            json.WriteStartArray("rules");
            foreach (var code in findings.Select(f => f.Code).Distinct().Order(StringComparer.Ordinal))
            {
                json.WriteStartObject();
                json.WriteString("id", code);
                json.WriteStartObject("shortDescription");
                json.WriteString("text", LintCodes.Title(code));
                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteStartArray("results");
            foreach (var finding in findings)
            {
                json.WriteStartObject();
                json.WriteString("ruleId", finding.Code);
                json.WriteString("level", finding.Severity switch { LintSeverity.Error => "error", LintSeverity.Warning => "warning", _ => "note" });
                json.WriteStartObject("message");
                json.WriteString("text", finding.Message);
                json.WriteEndObject();
                json.WriteStartArray("locations");
                json.WriteStartObject();
                json.WriteStartObject("physicalLocation");
                json.WriteStartObject("artifactLocation");
                json.WriteString("uri", finding.File.Replace('\\', '/'));
                json.WriteEndObject();
                json.WriteStartObject("region");
                json.WriteNumber("startLine", finding.Line ?? 1);
                json.WriteEndObject();
                json.WriteEndObject();
                if (finding.Path is not null)
                {
                    json.WriteStartArray("logicalLocations");
                    json.WriteStartObject();
                    json.WriteString("fullyQualifiedName", finding.Path);
                    json.WriteEndObject();
                    json.WriteEndArray();
                }

                json.WriteEndObject();
                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }
}
