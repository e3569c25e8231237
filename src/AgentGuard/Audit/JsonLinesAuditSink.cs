using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace AgentGuard;

/// <summary>
/// Appends one JSON line per decision to <c>Audit:File</c>. Writes happen on a background task, so a decision does not
/// wait for the disk while the queue (10,000 records) has room. When it is full the decision waits for room
/// (back-pressure) for at most <see cref="MaxWait"/>; only a disk stuck longer than that loses records, and every lost
/// record is counted (<c>agentguard.audit.dropped</c>) and logged (event 2102).
/// </summary>
internal sealed partial class JsonLinesAuditSink : IAuditSink, IAsyncDisposable
{
    /// <summary>Records queued before decisions start to wait for the writer.</summary>
    internal const int Capacity = 10_000;

    /// <summary>The longest a decision waits for room in a full queue.</summary>
    internal static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(10);

    private readonly Channel<object> _queue = Channel.CreateBounded<object>(new BoundedChannelOptions(Capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
    private readonly string? _path;
    private readonly ILogger _logger;
    private readonly AgentGuardDiagnostics? _diagnostics;
    private readonly Task? _writer;
    private long _dropped;

    public JsonLinesAuditSink(AgentGuardOptions options, ILoggerFactory loggerFactory, AgentGuardDiagnostics? diagnostics = null)
    {
        _logger = loggerFactory.CreateLogger<JsonLinesAuditSink>();
        _diagnostics = diagnostics;
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
        if (_path is null || _queue.Writer.TryWrite(record))
        {
            return;
        }

        // Full: wait for the writer (back-pressure) rather than lose the record, within a bound.
        using var timeout = new CancellationTokenSource(MaxWait);
        try
        {
            _queue.Writer.WriteAsync(record, timeout.Token).AsTask().GetAwaiter().GetResult();
            return;
        }
        catch (OperationCanceledException)
        {
        }
        catch (ChannelClosedException)
        {
        }

        Interlocked.Increment(ref _dropped);
        _diagnostics?.AuditDropped.Add(1);
        LogRecordDropped(_path, MaxWait.TotalSeconds);
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
                var records = 0;
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

                        records++;

                        System.Buffers.BuffersExtensions.Write(buffer, newline);
                    }
#pragma warning disable CA1031 // One bad record must not stop the audit trail.
                    catch (Exception ex)
#pragma warning restore CA1031
                    {
                        LogWriteFailed(ex, _path!);
                        Interlocked.Increment(ref _dropped);
                        _diagnostics?.AuditDropped.Add(1);
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
                    Interlocked.Add(ref _dropped, records);
                    _diagnostics?.AuditDropped.Add(records);
                }

                buffer.Clear();
                flushes?.ForEach(f => f.TrySetResult());
            }
        }
    }

    [LoggerMessage(2102, LogLevel.Error, "An audit record for {Path} was dropped: the queue stayed full for {Seconds} s.")]
    private partial void LogRecordDropped(LogText path, double seconds);

    [LoggerMessage(2101, LogLevel.Error, "Writing the audit file {Path} failed.")]
    private partial void LogWriteFailed(Exception exception, LogText path);
}
