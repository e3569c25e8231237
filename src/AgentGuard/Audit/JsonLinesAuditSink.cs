using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace AgentGuard;

/// <summary>
/// Appends one JSON line per decision to <c>Audit:File</c>. Writes happen on a background task, so a decision never
/// waits for the disk; if the queue is full (10,000 records) new records are dropped and counted, never blocking the agent.
/// </summary>
internal sealed partial class JsonLinesAuditSink : IAuditSink, IAsyncDisposable
{
    private const int Capacity = 10_000;
    private readonly Channel<object> _queue = Channel.CreateBounded<object>(new BoundedChannelOptions(Capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.DropWrite });
    private readonly string? _path;
    private readonly ILogger _logger;
    private readonly Task? _writer;
    private long _dropped;

    public JsonLinesAuditSink(AgentGuardOptions options, ILoggerFactory loggerFactory)
    {
        _logger = loggerFactory.CreateLogger<JsonLinesAuditSink>();
        _path = options.Audit.File is { Length: > 0 } file ? Path.GetFullPath(file) : null;
        if (_path is not null)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
            _writer = Task.Run(WriteLoopAsync);
        }
    }

    /// <summary>False when no file is configured; the engine then skips this sink entirely.</summary>
    public bool IsActive => _path is not null;

    public long Dropped => Interlocked.Read(ref _dropped);

    public void Write(AuditRecord record)
    {
        if (_path is not null && !_queue.Writer.TryWrite(record))
        {
            Interlocked.Increment(ref _dropped);
        }
    }

    /// <summary>Completes once every record written before the call is on disk.</summary>
    public Task FlushAsync()
    {
        if (_path is null)
        {
            return Task.CompletedTask;
        }

        var flushed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return _queue.Writer.TryWrite(flushed) ? flushed.Task : Task.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        if (_writer is not null)
        {
            await _writer.ConfigureAwait(false);
        }
    }

    internal static void WriteRecord(Utf8JsonWriter writer, AuditRecord record)
    {
        writer.WriteStartObject();
        writer.WriteString("time", record.Time);
        writer.WriteString("event", record.Approval is null ? "decision" : "approval");
        WriteOptional(writer, "session", record.SessionId);
        WriteOptional(writer, "user", record.UserId);
        WriteOptional(writer, "agent", record.AgentId);
        writer.WriteString("tool", record.ToolName);
        writer.WriteString("kind", record.Kind.ToString());
        WriteOptional(writer, "source", record.Source);
        WriteOptional(writer, "callId", record.CallId);
        WriteOptional(writer, "parentCallId", record.ParentCallId);
        writer.WriteString("decision", record.Decision.ToString());
        if (record.PolicyDecision != record.Decision)
        {
            writer.WriteString("policyDecision", record.PolicyDecision.ToString());
        }

        WriteList(writer, "rules", record.Rules);
        WriteOptional(writer, "reason", record.Reason);
        WriteList(writer, "evidence", record.Evidence);
        WriteList(writer, "tags", record.Tags);
        if (record.Alert)
        {
            writer.WriteBoolean("alert", true);
        }

        if (record.IsFailure)
        {
            writer.WriteBoolean("failure", true);
        }

        if (record.IsShadow)
        {
            writer.WriteBoolean("shadow", true);
        }

        if (record.Arguments is not null)
        {
            writer.WritePropertyName("args");
            writer.WriteRawValue(record.Arguments, skipInputValidation: false);
        }

        if (record.Approval is { } approval)
        {
            writer.WriteStartObject("approval");
            writer.WriteString("outcome", TelemetryTags.ToTagValue(approval.Outcome));
            writer.WriteString("fingerprint", approval.Fingerprint);
            WriteOptional(writer, "approver", approval.Approver);
            WriteOptional(writer, "reason", approval.Reason);
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteNumber("durationUs", Math.Round(record.Duration.TotalMicroseconds, 1));
        }

        WriteOptional(writer, "traceId", record.TraceId);
        WriteOptional(writer, "spanId", record.SpanId);
        writer.WriteEndObject();
    }

    private static void WriteOptional(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    private static void WriteList(Utf8JsonWriter writer, string name, IReadOnlyList<string> values)
    {
        if (values.Count == 0)
        {
            return;
        }

        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }

    private async Task WriteLoopAsync()
    {
        var stream = new FileStream(_path!, FileMode.Append, FileAccess.Write, FileShare.ReadWrite, 4096, useAsync: true);
        await using (stream.ConfigureAwait(false))
        {
            var buffer = new System.Buffers.ArrayBufferWriter<byte>();
            var newline = "\n"u8.ToArray();
            while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
            {
                List<TaskCompletionSource>? flushes = null;
                while (_queue.Reader.TryRead(out var item))
                {
                    if (item is TaskCompletionSource flush)
                    {
                        (flushes ??= []).Add(flush);
                        continue;
                    }

                    try
                    {
                        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
                        {
                            WriteRecord(writer, (AuditRecord)item);
                        }

                        System.Buffers.BuffersExtensions.Write(buffer, newline);
                    }
#pragma warning disable CA1031 // One bad record must not stop the audit trail.
                    catch (Exception ex)
#pragma warning restore CA1031
                    {
                        LogWriteFailed(ex, _path!);
                    }
                }

                try
                {
                    await stream.WriteAsync(buffer.WrittenMemory).ConfigureAwait(false);
                    await stream.FlushAsync().ConfigureAwait(false);
                }
                catch (IOException ex)
                {
                    LogWriteFailed(ex, _path!);
                }

                buffer.Clear();
                flushes?.ForEach(f => f.TrySetResult());
            }
        }
    }

    [LoggerMessage(2101, LogLevel.Error, "Writing the audit file {Path} failed.")]
    private partial void LogWriteFailed(Exception exception, string path);
}
