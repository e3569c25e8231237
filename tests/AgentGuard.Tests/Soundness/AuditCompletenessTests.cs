using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;

namespace AgentGuard.Tests.Soundness;

/// <summary>The JSON-lines audit keeps every decision of a burst, and records the effective tags of every decision.</summary>
public sealed class AuditCompletenessTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("agentguard-audit-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Burst_FarBeyondTheQueue_LosesNoRecord()
    {
        var count = int.TryParse(Environment.GetEnvironmentVariable("AGENTGUARD_AUDIT_BURST"), out var n) ? n : 100_000;
        var file = Path.Combine(_directory, "audit.jsonl");
        await using var services = TestHost.Create($$"""{ "AgentGuard": { "Audit": { "File": "{{file.Replace("\\", "/", StringComparison.Ordinal)}}" } } }""");
        var engine = services.GetRequiredService<IGuardEngine>();

        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, ct) =>
            await engine.EvaluateAsync(TestHost.Call("tool" + (i % 7)), GuardContext.Empty, ct));
        foreach (var sink in services.GetServices<IAuditSink>().OfType<JsonLinesAuditSink>())
        {
            await sink.FlushAsync();
            sink.Dropped.Should().Be(0);
        }

        File.ReadLines(file).Count().Should().Be(count);
    }

    [Fact]
    public async Task DefaultAllow_RecordsTheConfiguredTags()
    {
        var file = Path.Combine(_directory, "tags.jsonl");
        await using var services = TestHost.Create($$"""
        { "AgentGuard": { "Audit": { "File": "{{file.Replace("\\", "/", StringComparison.Ordinal)}}" }, "Tools": { "export_csv": { "Tags": ["export", "internal-only"] } } } }
        """);
        await services.GetRequiredService<IGuardEngine>().EvaluateAsync(TestHost.Call("export_csv", tags: "bulk"), GuardContext.Empty);
        await services.GetServices<IAuditSink>().OfType<JsonLinesAuditSink>().Single().FlushAsync();

        using var line = JsonDocument.Parse(File.ReadLines(file).Single());
        line.RootElement.GetProperty("decision").GetString().Should().Be("Allow");
        line.RootElement.GetProperty("tags").EnumerateArray().Select(t => t.GetString()).Should().BeEquivalentTo(["export", "internal-only", "bulk"]);
    }
}
