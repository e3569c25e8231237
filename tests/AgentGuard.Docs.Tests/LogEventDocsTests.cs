using System.Text.RegularExpressions;

namespace AgentGuard.Docs.Tests;

/// <summary>Every log event id in the source is in the table of docs/observability.md, with its level.</summary>
public sealed partial class LogEventDocsTests
{
    [Fact]
    public void EveryLogEventId_IsDocumented()
    {
        var documented = File.ReadAllText(Path.Combine(RepositoryFiles.Root, "docs", "observability.md"));
        var logged = Directory.GetFiles(Path.Combine(RepositoryFiles.Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => LoggerMessage().Matches(File.ReadAllText(f)).Select(m => (Id: m.Groups["id"].Value, Level: m.Groups["level"].Value)))
            .ToList();

        logged.Should().HaveCountGreaterThan(40);
        logged.Where(e => !documented.Contains($"| {e.Id} | {e.Level} |", StringComparison.Ordinal))
            .Select(e => $"{e.Id} ({e.Level})")
            .Should().BeEmpty("docs/observability.md lists every log event id");
    }

    [GeneratedRegex(@"\[LoggerMessage\((?<id>\d+), LogLevel\.(?<level>\w+),")]
    private static partial Regex LoggerMessage();
}
