using System.Buffers;
using System.Collections.Concurrent;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AgentGuard.AspNetCore;

/// <summary>
/// An <see cref="IApprovalHandler"/> that holds each call requiring approval until a person answers it on the web page
/// (or the <c>Approval:Timeout</c> passes, which denies). An answer must quote the fingerprint of the call it was shown,
/// so it can only ever approve that exact call; nobody approves their own call unless configured to.
/// </summary>
public sealed partial class WebApprovalQueue : IApprovalHandler
{
    private readonly ConcurrentDictionary<string, Waiting> _pending = new(StringComparer.Ordinal);
    private readonly ArgumentRedactor _redactor;
    private readonly PolicyProvider _policies;
    private readonly TimeProvider _time;
    private readonly IOptionsMonitor<WebApprovalOptions> _options;
    private readonly ILogger _logger;

    internal WebApprovalQueue(ArgumentRedactor redactor, PolicyProvider policies, TimeProvider time, IOptionsMonitor<WebApprovalOptions> options, ILogger<WebApprovalQueue> logger)
    {
        _redactor = redactor;
        _policies = policies;
        _time = time;
        _options = options;
        _logger = logger;
    }

    /// <summary>Raised when a call starts waiting (for notifications: e-mail, chat).</summary>
    public event Action<PendingApproval>? Requested;

    /// <inheritdoc />
    public async ValueTask<ApprovalResponse> RequestApprovalAsync(ApprovalRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (_pending.Count >= _options.CurrentValue.MaxPending)
        {
            LogQueueFull(request.ToolCall.ToolName);
            return new ApprovalResponse(false, Reason: "too many approval requests are waiting");
        }

        var policy = _policies.Current;
        var view = new PendingApproval(
            Id: Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12)),
            ToolName: request.ToolCall.ToolName,
            Kind: request.ToolCall.Kind,
            Arguments: Readable(_redactor.Redact(request.ToolCall.Arguments, policy.Tools.Classify(request.ToolCall.ToolName, request.ToolCall.Source).SensitiveArguments)),
            Rules: request.Decision.RuleIds,
            Reason: request.Decision.Reason,
            Fingerprint: request.Fingerprint,
            RequestedAt: _time.GetUtcNow(),
            RequestedBy: request.Context.User?.Id,
            SessionId: request.Context.SessionId,
            AgentId: request.Context.Agent?.Id);
        var waiting = new Waiting(view);
        _pending[view.Id] = waiting;
        LogWaiting(view.ToolName, view.Id, view.Fingerprint);
        try
        {
            Requested?.Invoke(view);
            return await waiting.Answer.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _pending.TryRemove(view.Id, out _);
        }
    }

    /// <summary>The calls <paramref name="approverId"/> may answer, oldest first.</summary>
    public IReadOnlyList<PendingApproval> ListFor(string approverId)
    {
        var allowSelf = _options.CurrentValue.AllowSelfApproval;
        return [.. _pending.Values.Select(w => w.View)
            .Where(v => allowSelf || !string.Equals(v.RequestedBy, approverId, StringComparison.Ordinal))
            .OrderBy(v => v.RequestedAt)];
    }

    /// <summary>One waiting call, if <paramref name="approverId"/> may see it.</summary>
    public PendingApproval? Find(string id, string approverId)
        => _pending.TryGetValue(id, out var waiting) && (_options.CurrentValue.AllowSelfApproval || !string.Equals(waiting.View.RequestedBy, approverId, StringComparison.Ordinal))
            ? waiting.View
            : null;

    /// <summary>Answers a waiting call, provided the answer quotes its fingerprint.</summary>
    public AnswerResult Answer(string id, string approverId, bool approve, ApprovalAnswer answer)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(approverId);
        ArgumentNullException.ThrowIfNull(answer);
        if (!_pending.TryGetValue(id, out var waiting))
        {
            return AnswerResult.NotFound;
        }

        if (!_options.CurrentValue.AllowSelfApproval && string.Equals(waiting.View.RequestedBy, approverId, StringComparison.Ordinal))
        {
            LogSelfApprovalRefused(waiting.View.ToolName, approverId);
            return AnswerResult.SelfApproval;
        }

        if (!string.Equals(answer.Fingerprint, waiting.View.Fingerprint, StringComparison.Ordinal))
        {
            LogFingerprintMismatch(waiting.View.ToolName, approverId);
            return AnswerResult.FingerprintMismatch;
        }

        var reason = string.IsNullOrWhiteSpace(answer.Reason) ? null : answer.Reason.Trim();
        if (!approve && reason is null)
        {
            return AnswerResult.ReasonRequired;
        }

        // One answer per call: the first one wins, a second finds nothing.
        if (!_pending.TryRemove(id, out _))
        {
            return AnswerResult.NotFound;
        }

        waiting.Answer.TrySetResult(new ApprovalResponse(approve, approverId, reason));
        return AnswerResult.Accepted;
    }

    /// <summary>The redacted JSON, indented and without \u escapes, for a person to read (the page HTML-encodes it).</summary>
    private static string Readable(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var buffer = new ArrayBufferWriter<byte>(json.Length + 64);
            using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            {
                document.WriteTo(writer);
            }

            return Encoding.UTF8.GetString(buffer.WrittenSpan);
        }
        catch (JsonException)
        {
            return json;
        }
    }

    [LoggerMessage(3901, LogLevel.Information, "Approval of {ToolName} is waiting on the web page as {Id} (call {Fingerprint}).")]
    private partial void LogWaiting(LogText toolName, LogText id, LogText fingerprint);

    [LoggerMessage(3902, LogLevel.Warning, "Refused {Approver}'s answer for {ToolName}: the fingerprint does not match the waiting call.")]
    private partial void LogFingerprintMismatch(LogText toolName, LogText approver);

    [LoggerMessage(3903, LogLevel.Warning, "Refused {Approver}'s answer for {ToolName}: nobody approves their own call.")]
    private partial void LogSelfApprovalRefused(LogText toolName, LogText approver);

    [LoggerMessage(3904, LogLevel.Warning, "Approval of {ToolName} denied at once: too many requests are waiting.")]
    private partial void LogQueueFull(LogText toolName);

    private sealed class Waiting(PendingApproval view)
    {
        public PendingApproval View { get; } = view;

        public TaskCompletionSource<ApprovalResponse> Answer { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
