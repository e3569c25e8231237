using Microsoft.Extensions.Logging.Abstractions;

namespace AgentGuard.Tests.Audit;

/// <summary>
/// The JSON-lines audit's writer meets a file it cannot open: the batch is lost, counted and logged, and the host lives
/// on (the writer runs on a thread of its own, where an exception would end the process); when the file can be written
/// again, so it is.
/// </summary>
public sealed class AuditFileFailureTests
{
    private static AuditRecord Record(string tool) => new() { Time = DateTimeOffset.UnixEpoch, ToolName = tool };

    [Fact]
    public async Task FolderRemovedBeforeTheFirstWrite_TheBatchIsCountedDropped_AndTheNextOneIsWritten()
    {
        var folder = Directory.CreateTempSubdirectory("agentguard-audit-gone-").FullName;
        var file = Path.Combine(folder, "audit.jsonl");
        var options = new AgentGuardOptions();
        options.Audit.File = file;
        var sink = new JsonLinesAuditSink(options, NullLoggerFactory.Instance);
        try
        {
            Directory.Delete(folder, recursive: true);
            sink.Write(Record("lost"));
            await sink.FlushAsync();

            sink.Dropped.Should().Be(1);

            Directory.CreateDirectory(folder);
            sink.Write(Record("kept"));
            await sink.FlushAsync();

            sink.Dropped.Should().Be(1);
            File.ReadAllLines(file).Should().ContainSingle().Which.Should().Contain("\"kept\"");
        }
        finally
        {
            await sink.DisposeAsync();
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}
