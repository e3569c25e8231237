using System.Text;
using System.Text.Json;
using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace AgentGuard;

/// <summary>
/// Appends one JSON line per decision to <c>Audit:File</c>. Writes happen on a thread of the sink's own, so a decision
/// does not wait for the disk while the queue (10,000 records) has room. When it is full the decision waits for room
/// (back-pressure) for at most <see cref="MaxWait"/>; only a disk stuck longer than that loses records, and every lost
/// record is counted (<c>agentguard.audit.dropped</c>) and logged (event 2102).
/// </summary>
/// <remarks>
/// The writer is a dedicated thread with synchronous file writes, not a thread-pool task: decisions that wait for room
/// block pool threads, and a writer that needed a pool thread to run could then be starved for the whole wait by the
/// very burst it is draining (a burst of parallel decisions on a busy 2-core host lost records that way).
/// </remarks>
internal sealed partial class JsonLinesAuditSink : IAuditSink, IAsyncDisposable
{
    /// <summary>Records queued before decisions start to wait for the writer.</summary>
    internal const int Capacity = 10_000;

    /// <summary>The longest a decision waits for room in a full queue.</summary>
    internal static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(10);

    private readonly BlockingCollection<object> _queue = new(new ConcurrentQueue<object>(), Capacity);
    private readonly string? _path;
    private readonly ILogger _logger;
    private readonly AgentGuardDiagnostics? _diagnostics;
    private readonly TaskCompletionSource? _written;
    private long _dropped;

    public JsonLinesAuditSink(AgentGuardOptions options, ILoggerFactory loggerFactory, AgentGuardDiagnostics? diagnostics = null)
    {
        _logger = loggerFactory.CreateLogger<JsonLinesAuditSink>();
        _diagnostics = diagnostics;
        _path = options.Audit.File is { Length: > 0 } file ? Path.GetFullPath(file) : null;
        if (_path is not null)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
            _written = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            new Thread(WriteLoop) { IsBackground = true, Name = "AgentGuard audit writer" }.Start();
        }
    }

    /// <summary>False when no file is configured; the engine then skips this sink entirely.</summary>
    public bool IsActive => _path is not null;

    public long Dropped => Interlocked.Read(ref _dropped);

    public void Write(AuditRecord record)
    {
        if (_path is null || TryAdd(record, TimeSpan.Zero))
        {
            return;
        }

        // Full: wait for the writer (back-pressure) rather than lose the record, within a bound.
        if (TryAdd(record, MaxWait))
        {
            return;
        }

        Interlocked.Increment(ref _dropped);
        _diagnostics?.AuditDropped.Add(1);
        LogRecordDropped(_path, MaxWait.TotalSeconds);
    }

    /// <summary>Queues <paramref name="item"/>, waiting at most <paramref name="wait"/> for room; false once the sink is disposed.</summary>
    private bool TryAdd(object item, TimeSpan wait)
    {
        try
        {
            return _queue.TryAdd(item, wait);
        }
        catch (InvalidOperationException)
        {
            // Disposed: adding is complete.
            return false;
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
        return TryAdd(flushed, Timeout.InfiniteTimeSpan) ? flushed.Task : Task.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.CompleteAdding();
        if (_written is not null)
        {
            await _written.Task.ConfigureAwait(false);
        }

        _queue.Dispose();
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

        WriteReplayFields(writer, record);
        writer.WriteEndObject();
    }

    /// <summary>What a replay needs to decide the call again: order, the event's own tags and risk, the session facts.</summary>
    private static void WriteReplayFields(Utf8JsonWriter writer, AuditRecord record)
    {
        if (record.Sequence > 0)
        {
            writer.WriteNumber("seq", record.Sequence);
        }

        WriteList(writer, "callTags", record.CallTags);
        if (record.Risk != RiskLevel.Unknown)
        {
            writer.WriteString("risk", record.Risk.ToString());
        }

        WriteOptional(writer, "environment", record.Environment);
        WriteOptional(writer, "team", record.Team);
        WriteList(writer, "groups", record.UserGroups);
        WriteList(writer, "roles", record.UserRoles);
        if (record.UserExternal)
        {
            writer.WriteBoolean("external", true);
        }

        WriteList(writer, "dataTags", record.ContextDataTags);
        WriteList(writer, "labels", record.SessionLabels);
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

    /// <summary>
    /// The writer thread: takes what is queued, writes it in one append, answers the flushes, until disposed. A file that
    /// cannot be opened or written (a folder removed, a full disk, no permission) loses that batch, counted and logged,
    /// and is opened again for the next one; nothing it meets ends the thread or the host.
    /// </summary>
    private void WriteLoop()
    {
        FileStream? stream = null;
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        try
        {
            while (TakeBlocking(out var first))
            {
                List<TaskCompletionSource>? flushes = null;
                var records = 0;
                var item = first;
                do
                {
                    if (item is TaskCompletionSource flush)
                    {
                        (flushes ??= []).Add(flush);
                    }
                    else if (Append(buffer, (AuditRecord)item))
                    {
                        records++;
                    }
                }
                while (_queue.TryTake(out item));

                stream = Flush(stream, buffer, records);
                flushes?.ForEach(f => f.TrySetResult());
            }
        }
#pragma warning disable CA1031 // The audit writer must never take the host down.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogWriteFailed(ex, _path!);
        }
        finally
        {
            stream?.Dispose();
            _written!.TrySetResult();
        }
    }

    /// <summary>Waits for the next item; false once the sink is disposed and everything queued is taken.</summary>
    private bool TakeBlocking(out object item)
    {
        try
        {
            return _queue.TryTake(out item!, Timeout.Infinite);
        }
        catch (InvalidOperationException)
        {
            item = null!;
            return false;
        }
    }

    /// <summary>Appends one record's line; a record that cannot be written is counted as dropped, and the trail goes on.</summary>
    private bool Append(System.Buffers.ArrayBufferWriter<byte> buffer, AuditRecord record)
    {
        try
        {
            using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            {
                WriteRecord(writer, record);
            }

            System.Buffers.BuffersExtensions.Write(buffer, "\n"u8);
            return true;
        }
#pragma warning disable CA1031 // One bad record must not stop the audit trail.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogWriteFailed(ex, _path!);
            Interlocked.Increment(ref _dropped);
            _diagnostics?.AuditDropped.Add(1);
            return false;
        }
    }

    /// <summary>Appends the batch; returns the stream to use next (null after a failure, so the next batch opens the file again).</summary>
    private FileStream? Flush(FileStream? stream, System.Buffers.ArrayBufferWriter<byte> buffer, int records)
    {
        try
        {
            if (buffer.WrittenCount > 0)
            {
                stream ??= new FileStream(_path!, FileMode.Append, FileAccess.Write, FileShare.ReadWrite, 4096, useAsync: false);
                stream.Write(buffer.WrittenSpan);
                stream.Flush();
            }
        }
#pragma warning disable CA1031 // Any failure to write loses this batch only: counted, logged, retried with the next.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogWriteFailed(ex, _path!);
            Interlocked.Add(ref _dropped, records);
            _diagnostics?.AuditDropped.Add(records);
            stream?.Dispose();
            stream = null;
        }

        buffer.Clear();
        return stream;
    }

    [LoggerMessage(2102, LogLevel.Error, "An audit record for {Path} was dropped: the queue stayed full for {Seconds} s.")]
    private partial void LogRecordDropped(LogText path, double seconds);

    [LoggerMessage(2101, LogLevel.Error, "Writing the audit file {Path} failed.")]
    private partial void LogWriteFailed(Exception exception, LogText path);
}
