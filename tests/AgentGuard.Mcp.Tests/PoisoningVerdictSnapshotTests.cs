using System.Text.Json;
using System.Text.Json.Nodes;

namespace AgentGuard.Mcp.Tests;

/// <summary>
/// Speed work on the tool-description scanner must not change what it finds: its findings for every description of
/// <c>poisoning.jsonl</c> and every tool result of <c>injection.jsonl</c> (as a description), tuning and held-out alike,
/// equal the recorded ones in <c>Corpora/verdicts/poisoning.txt</c> (line numbers and finding names, no text). When the
/// scanner is changed on purpose, the test writes the new findings next to the test assembly
/// (<c>poisoning.actual.txt</c>) to be reviewed and copied over the recorded file.
/// </summary>
public sealed class PoisoningVerdictSnapshotTests
{
    [Fact]
    public void Scan_EveryCorpusText_GivesTheRecordedFindings()
    {
        var actual = new List<string>();
        foreach (var file in (string[])["poisoning.jsonl", "injection.jsonl"])
        {
            var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Corpora", file));
            for (var i = 0; i < lines.Length; i++)
            {
                var sample = JsonDocument.Parse(lines[i]).RootElement;
                var tool = sample.TryGetProperty("field", out _) ? PoisoningCorpusTests.AsTool(sample) : AsDescription(sample.GetProperty("text").GetString()!);
                var findings = ToolDescriptionScanner.Scan(tool);
                actual.Add($"{file}:{i + 1}\t{(findings is null ? "-" : string.Join(",", findings))}");
            }
        }

        var directory = Path.Combine(AppContext.BaseDirectory, "Corpora", "verdicts");
        Directory.CreateDirectory(directory);
        File.WriteAllLines(Path.Combine(directory, "poisoning.actual.txt"), actual);

        var recorded = File.ReadAllLines(Path.Combine(directory, "poisoning.txt"));
        actual.Should().HaveCount(recorded.Length);
        actual.Where((line, i) => line != recorded[i]).Should().BeEmpty();
    }

    private static JsonObject AsDescription(string text)
        => new() { ["name"] = "tool", ["description"] = text, ["inputSchema"] = new JsonObject { ["type"] = "object" } };
}
