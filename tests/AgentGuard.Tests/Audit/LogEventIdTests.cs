using System.Text.RegularExpressions;

namespace AgentGuard.Tests.Audit;

/// <summary>
/// Log event ids are a contract with operators (alerts filter on them): each is used once across every package in
/// <c>src/</c>, inside the range its package reserves, and listed in <c>docs/log-events.md</c>.
/// </summary>
public sealed partial class LogEventIdTests
{
    /// <summary>The reserved ranges, most specific folder first (the core's ToolGuard has its own range).</summary>
    private static readonly (string Folder, int From, int To)[] Ranges =
    [
        ("AgentGuard/Invocation", 3000, 3099),
        ("AgentGuard", 1000, 2999),
        ("AgentGuard.Extensions.AI", 3100, 3199),
        ("AgentGuard.AgentFramework", 3200, 3299),
        ("AgentGuard.SemanticKernel", 3300, 3399),
        ("AgentGuard.Mcp", 3400, 3499),
        ("AgentGuard.Data", 3500, 3599),
        ("AgentGuard.Shell", 3600, 3699),
        ("AgentGuard.Http", 3700, 3799),
        ("AgentGuard.Redis", 3800, 3899),
        ("AgentGuard.AspNetCore", 3900, 3999),
        ("AgentGuard.Cli", 4000, 4999),
        ("AgentGuard.Testing", 4000, 4999),
        ("AgentGuard.Onnx", 5000, 5099),
    ];

    [Fact]
    public void LoggerMessageIds_AcrossAllSourcePackages_AreUnique()
    {
        var ids = LoggerMessageIds();

        ids.Should().NotBeEmpty();
        var clashes = ids.GroupBy(i => i.Id).Where(g => g.Count() > 1).Select(g => $"{g.Key}: {string.Join(", ", g.Select(i => i.File))}").ToList();
        clashes.Should().BeEmpty("every log event id is used once across src/");
    }

    [Fact]
    public void LoggerMessageIds_EachPackage_StaysInItsReservedRange()
    {
        var outside = LoggerMessageIds()
            .Select(i => (i.Id, i.File, Range: Ranges.FirstOrDefault(r => i.File.StartsWith(r.Folder + "/", StringComparison.Ordinal))))
            .Where(i => i.Range.Folder is null || i.Id < i.Range.From || i.Id > i.Range.To)
            .Select(i => i.Range.Folder is null ? $"{i.File}: no range is reserved for this package" : $"{i.File}: {i.Id} is outside {i.Range.From}-{i.Range.To}")
            .ToList();

        outside.Should().BeEmpty();
    }

    [Fact]
    public void LoggerMessageIds_Every_IsListedInTheDocsTable()
    {
        var table = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "log-events.md"));

        var missing = LoggerMessageIds().Where(i => !table.Contains($"| {i.Id} |", StringComparison.Ordinal)).Select(i => $"{i.Id} ({i.File})").ToList();

        missing.Should().BeEmpty("docs/log-events.md lists every event id");
    }

    private static List<(int Id, string File)> LoggerMessageIds()
    {
        var src = Path.Combine(RepositoryRoot(), "src");
        var ids = new List<(int, string)>();
        foreach (var file in Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(src, file).Replace('\\', '/');
            if (relative.Contains("/obj/", StringComparison.Ordinal) || relative.Contains("/bin/", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (Match match in LoggerMessageId().Matches(File.ReadAllText(file)))
            {
                ids.Add((int.Parse(match.Groups["id"].Value, System.Globalization.CultureInfo.InvariantCulture), relative));
            }
        }

        return ids;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AgentGuard.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("AgentGuard.sln was not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"\[LoggerMessage\(\s*(?:EventId\s*=\s*)?(?<id>\d+)")]
    private static partial Regex LoggerMessageId();
}
