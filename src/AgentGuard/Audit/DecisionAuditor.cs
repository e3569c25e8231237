using System.Diagnostics;
using System.Runtime.CompilerServices;
using AgentGuard.Policies;
using Microsoft.Extensions.Logging;

namespace AgentGuard;

/// <summary>
/// Emits one audit event per decision: a source-generated log line, a metric, a span, and an <see cref="AuditRecord"/>
/// to each sink. Every channel is checked for listeners first, so an unobserved allow costs a few branches and no allocation.
/// </summary>
internal sealed partial class DecisionAuditor
{
    private readonly AgentGuardDiagnostics _diagnostics;
    private readonly IAuditSink[] _sinks;
    private readonly ArgumentRedactor _redactor;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private long _sequence;

    public DecisionAuditor(AgentGuardDiagnostics diagnostics, IEnumerable<IAuditSink> sinks, ArgumentRedactor redactor, TimeProvider time, ILoggerFactory loggerFactory)
    {
        _diagnostics = diagnostics;
        _sinks = [.. sinks.Where(s => s is not JsonLinesAuditSink { IsActive: false })];
        _redactor = redactor;
        _time = time;
        _logger = loggerFactory.CreateLogger("AgentGuard.Decisions");
    }

    public Activity? StartActivity(ToolCallEvent toolCall)
    {
        if (!_diagnostics.ActivitySource.HasListeners())
        {
            return null;
        }

        var activity = _diagnostics.ActivitySource.StartActivity("agentguard.evaluate " + LogText.Escape(toolCall.ToolName), ActivityKind.Internal);
        activity?.SetTag(TelemetryTags.ToolName, toolCall.ToolName);
        activity?.SetTag(TelemetryTags.Hook, toolCall.Kind.ToString());
        if (toolCall.CallId is not null)
        {
            activity?.SetTag("gen_ai.tool.call.id", toolCall.CallId);
        }

        return activity;
    }

    /// <summary>
    /// The time a decision starts, for its duration — or 0 when nothing would read it (no audit sink, the duration
    /// histogram not listened to): one clock read fewer on every decision of a host that records neither.
    /// </summary>
    public long StartTimestamp() => _sinks.Length > 0 || _diagnostics.EvaluationDuration.Enabled ? Stopwatch.GetTimestamp() : 0;

    /// <remarks>
    /// What an unobserved decision pays is kept in this method: each channel's listener check, the current span and
    /// the logger's level. Building the metric's tags, tagging spans and the sinks' record each live in a method of
    /// their own that is called only when its channel listens, so this one's stack frame stays small (the metric's
    /// tag list and the record inlined here made every allow zero half a kilobyte of stack).
    /// </remarks>
    public void Audit(CompiledPolicy policy, Decision decision, ToolCallEvent toolCall, GuardContext context, IReadOnlyList<string> effectiveTags, long started, Activity? activity, ISessionView? session = null)
    {
        if (_diagnostics.Decisions.Enabled)
        {
            CountDecision(decision, toolCall);
        }

        if (_diagnostics.EvaluationDuration.Enabled && started != 0)
        {
            // (started is 0 when the histogram gained its listener while this decision was being made.)
            RecordDuration(decision, started);
        }

        // The framework's own tool span (M.E.AI's FunctionInvokingChatClient opens "execute_tool <name>"): without
        // the decision on it a denied call would look like a tool that ran and succeeded.
        var frameworkSpan = FindExecuteToolSpan(activity is null ? Activity.Current : activity.Parent);
        if (frameworkSpan is not null)
        {
            TagSpan(frameworkSpan, policy, decision, context, ownSpan: false);
        }

        if (activity is not null)
        {
            TagOwnSpan(activity, policy, decision, toolCall, context);
        }

        if (decision.Effect == DecisionEffect.Allow && !decision.Alert && !decision.IsShadow)
        {
            // The common case, without the other levels' joins.
            if (_logger.IsEnabled(LogLevel.Debug))
            {
                LogAllowed(toolCall.ToolName, toolCall.Kind, context.SessionId);
            }
        }
        else
        {
            Log(decision, toolCall, context);
        }

        if (_sinks.Length > 0 && (decision.PolicyEffect != DecisionEffect.Allow || decision.Alert || policy.Audit.IncludeAllowed))
        {
            WriteRecord(policy, decision, toolCall, context, effectiveTags, started, activity, session);
        }

        activity?.Dispose();
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void CountDecision(Decision decision, ToolCallEvent toolCall)
    {
        var tags = new TagList
        {
            { TelemetryTags.Decision, TelemetryTags.ToTagValue(decision.Effect) },
            { TelemetryTags.PolicyDecision, TelemetryTags.ToTagValue(decision.PolicyEffect) },
            { TelemetryTags.Hook, toolCall.Kind.ToString() },
            { TelemetryTags.ToolName, toolCall.ToolName },
        };
        if (decision.RuleIds.Count > 0)
        {
            tags.Add(TelemetryTags.RuleId, decision.RuleIds[0]);
        }

        if (decision.IsShadow)
        {
            tags.Add(TelemetryTags.Shadow, "true");
        }

        if (decision.IsFailure)
        {
            tags.Add(TelemetryTags.ErrorType, TelemetryTags.EvaluationFailedErrorType);
        }

        _diagnostics.Decisions.Add(1, tags);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void RecordDuration(Decision decision, long started)
        => _diagnostics.EvaluationDuration.Record(
            Stopwatch.GetElapsedTime(started).TotalSeconds,
            new KeyValuePair<string, object?>(TelemetryTags.Decision, TelemetryTags.ToTagValue(decision.Effect)));

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void TagOwnSpan(Activity activity, CompiledPolicy policy, Decision decision, ToolCallEvent toolCall, GuardContext context)
    {
        if (toolCall.CallId is not null)
        {
            activity.SetTag(TelemetryTags.ToolCallId, toolCall.CallId);
        }

        TagSpan(activity, policy, decision, context, ownSpan: true);
        if (decision.IsFailure)
        {
            activity.SetStatus(ActivityStatusCode.Error, "evaluation failed; fail-safe outcome applied");
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void WriteRecord(CompiledPolicy policy, Decision decision, ToolCallEvent toolCall, GuardContext context, IReadOnlyList<string> effectiveTags, long started, Activity? activity, ISessionView? session)
    {
        var traced = activity ?? Activity.Current;
        Write(new AuditRecord
        {
            Time = _time.GetUtcNow(),
            SessionId = context.SessionId,
            UserId = context.User?.Id,
            AgentId = context.Agent?.Id,
            Policy = context.Policy,
            ToolName = toolCall.ToolName,
            Kind = toolCall.Kind,
            Source = toolCall.Source,
            CallId = toolCall.CallId,
            ParentCallId = toolCall.ParentCallId,
            Decision = decision.Effect,
            PolicyDecision = decision.PolicyEffect,
            Rules = decision.RuleIds,
            Reason = decision.Reason,
            Evidence = decision.Evidence,
            Tags = effectiveTags,
            Alert = decision.Alert,
            IsFailure = decision.IsFailure,
            IsShadow = decision.IsShadow,
            Arguments = policy.Audit.IncludeArguments ? _redactor.Redact(toolCall.Arguments, policy.Tools.Classify(toolCall.ToolName, toolCall.Source).SensitiveArguments) : null,
            Duration = Stopwatch.GetElapsedTime(started),
            Sequence = Interlocked.Increment(ref _sequence),
            CallTags = toolCall.Tags,
            Risk = toolCall.Risk,
            Environment = context.Environment,
            Team = context.Team,
            UserGroups = context.User?.Groups ?? [],
            UserRoles = context.User?.Roles ?? [],
            UserExternal = context.User?.IsExternal ?? false,
            ContextDataTags = context.DataTags,
            SessionLabels = LabelsOf(session),
            TraceId = traced?.TraceId.ToHexString(),
            SpanId = traced?.SpanId.ToHexString(),
        });
    }

    /// <summary>
    /// Records the answer to an approval request: a log line (1009), the <c>agentguard.approvals</c> metric, an event
    /// on the current span, and an <see cref="AuditRecord"/> with <see cref="AuditRecord.Approval"/> set to every sink.
    /// </summary>
    public void AuditApproval(CompiledPolicy policy, ApprovalRequest request, ApprovalAuditEntry approval)
    {
        var toolCall = request.ToolCall;
        var outcome = TelemetryTags.ToTagValue(approval.Outcome);
        if (_diagnostics.Approvals.Enabled)
        {
            var tags = new TagList
            {
                { TelemetryTags.ApprovalOutcome, outcome },
                { TelemetryTags.ToolName, toolCall.ToolName },
            };
            if (request.Decision.RuleIds.Count > 0)
            {
                tags.Add(TelemetryTags.RuleId, request.Decision.RuleIds[0]);
            }

            _diagnostics.Approvals.Add(1, tags);
        }

        var current = Activity.Current;
        if (current is { IsAllDataRequested: true })
        {
            current.AddEvent(new ActivityEvent("agentguard.approval", tags: new ActivityTagsCollection
            {
                { TelemetryTags.ApprovalOutcome, outcome },
                { TelemetryTags.CallFingerprint, approval.Fingerprint },
            }));
            if (approval.Outcome != ApprovalOutcome.Approved && FindExecuteToolSpan(current) is { } frameworkSpan)
            {
                frameworkSpan.SetTag(TelemetryTags.Decision, TelemetryTags.ToTagValue(DecisionEffect.Deny));
                frameworkSpan.SetTag(TelemetryTags.ErrorType, TelemetryTags.DeniedErrorType);
                frameworkSpan.SetStatus(ActivityStatusCode.Error, "approval not given");
            }
        }

        if (_logger.IsEnabled(LogLevel.Information))
        {
            LogApproval(toolCall.ToolName, outcome, approval.Approver, request.Context.SessionId, approval.Fingerprint, approval.Reason);
        }

        if (_sinks.Length > 0)
        {
            Write(new AuditRecord
            {
                Time = _time.GetUtcNow(),
                SessionId = request.Context.SessionId,
                UserId = request.Context.User?.Id,
                AgentId = request.Context.Agent?.Id,
                Policy = request.Context.Policy,
                ToolName = toolCall.ToolName,
                Kind = toolCall.Kind,
                Source = toolCall.Source,
                CallId = toolCall.CallId,
                ParentCallId = toolCall.ParentCallId,
                Decision = approval.Outcome == ApprovalOutcome.Approved ? DecisionEffect.Allow : DecisionEffect.Deny,
                PolicyDecision = request.Decision.PolicyEffect,
                Rules = request.Decision.RuleIds,
                Reason = request.Decision.Reason,
                Evidence = request.Decision.Evidence,
                Tags = request.Decision.Tags.Count > 0 ? request.Decision.Tags : toolCall.Tags,
                Alert = request.Decision.Alert,
                IsShadow = request.Decision.IsShadow,
                Arguments = policy.Audit.IncludeArguments ? _redactor.Redact(toolCall.Arguments, policy.Tools.Classify(toolCall.ToolName, toolCall.Source).SensitiveArguments) : null,
                TraceId = current?.TraceId.ToHexString(),
                SpanId = current?.SpanId.ToHexString(),
                Approval = approval,
            });
        }
    }

    /// <summary>The session's labels for the record; none when the session store cannot say (an outage must not lose the record).</summary>
    private static string[] LabelsOf(ISessionView? session)
    {
        try
        {
            return session is null ? [] : session.CurrentLabels();
        }
        catch (SessionStoreUnavailableException)
        {
            return [];
        }
    }

    private static Activity? FindExecuteToolSpan(Activity? candidate)
    {
        if (candidate is not { IsAllDataRequested: true })
        {
            return null;
        }

        return candidate.GetTagItem(TelemetryTags.OperationName) is TelemetryTags.ExecuteToolOperation
            || candidate.OperationName.StartsWith(TelemetryTags.ExecuteToolOperation, StringComparison.Ordinal)
            ? candidate
            : null;
    }

    private static void TagSpan(Activity span, CompiledPolicy policy, Decision decision, GuardContext context, bool ownSpan)
    {
        span.SetTag(TelemetryTags.Decision, TelemetryTags.ToTagValue(decision.Effect));
        span.SetTag(TelemetryTags.PolicyDecision, TelemetryTags.ToTagValue(decision.PolicyEffect));
        span.SetTag(TelemetryTags.Mode, policy.AuditOnly ? "audit" : "enforce");
        if (decision.IsShadow)
        {
            span.SetTag(TelemetryTags.Shadow, true);
        }

        if (decision.RuleIds.Count > 0)
        {
            span.SetTag(TelemetryTags.RuleId, string.Join(",", decision.RuleIds));
        }

        if (ownSpan)
        {
            if (context.SessionId is not null)
            {
                span.SetTag(TelemetryTags.ConversationId, context.SessionId);
            }

            if (context.Agent is { } agent)
            {
                span.SetTag(TelemetryTags.AgentId, agent.Id);
                if (agent.Name is not null)
                {
                    span.SetTag(TelemetryTags.AgentName, agent.Name);
                }
            }
        }

        if (decision.IsFailure)
        {
            span.SetTag(TelemetryTags.ErrorType, TelemetryTags.EvaluationFailedErrorType);
        }
        else if (decision.Effect == DecisionEffect.Deny)
        {
            span.SetTag(TelemetryTags.ErrorType, TelemetryTags.DeniedErrorType);
        }

        if (!ownSpan && decision.Effect == DecisionEffect.Deny)
        {
            span.SetStatus(ActivityStatusCode.Error, "denied by AgentGuard");
        }
    }

    private void Write(AuditRecord record)
    {
        foreach (var sink in _sinks)
        {
            try
            {
                sink.Write(record);
            }
#pragma warning disable CA1031 // A failing sink is logged; the decision stands.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogSinkFailed(ex, sink.GetType().Name);
            }
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Log(Decision decision, ToolCallEvent toolCall, GuardContext context)
    {
        if (decision.IsShadow)
        {
            if (_logger.IsEnabled(LogLevel.Warning))
            {
                LogShadow(toolCall.ToolName, toolCall.Kind, decision.PolicyEffect, string.Join(",", decision.RuleIds), context.SessionId, decision.Reason);
            }

            return;
        }

        switch (decision.Effect)
        {
            case DecisionEffect.Deny when _logger.IsEnabled(LogLevel.Warning):
                LogDenied(toolCall.ToolName, toolCall.Kind, string.Join(",", decision.RuleIds), context.SessionId, context.User?.Id, decision.Reason);
                break;
            case DecisionEffect.RequireApproval when _logger.IsEnabled(LogLevel.Information):
                LogApprovalRequired(toolCall.ToolName, toolCall.Kind, string.Join(",", decision.RuleIds), context.SessionId, decision.Reason);
                break;
            case DecisionEffect.Allow when decision.Alert && _logger.IsEnabled(LogLevel.Warning):
                LogAllowedWithAlert(toolCall.ToolName, toolCall.Kind, string.Join(",", decision.RuleIds), context.SessionId, decision.Reason);
                break;
            case DecisionEffect.Allow when _logger.IsEnabled(LogLevel.Debug):
                LogAllowed(toolCall.ToolName, toolCall.Kind, context.SessionId);
                break;
            default:
                break;
        }
    }

    [LoggerMessage(1001, LogLevel.Warning, "Denied {ToolName} ({Kind}) by [{RuleIds}] in session {SessionId} for user {UserId}: {Reason}")]
    private partial void LogDenied(LogText toolName, ToolKind kind, LogText ruleIds, LogText sessionId, LogText userId, LogText reason);

    [LoggerMessage(1002, LogLevel.Information, "Approval required for {ToolName} ({Kind}) by [{RuleIds}] in session {SessionId}: {Reason}")]
    private partial void LogApprovalRequired(LogText toolName, ToolKind kind, LogText ruleIds, LogText sessionId, LogText reason);

    [LoggerMessage(1003, LogLevel.Debug, "Allowed {ToolName} ({Kind}) in session {SessionId}.")]
    private partial void LogAllowed(LogText toolName, ToolKind kind, LogText sessionId);

    [LoggerMessage(1006, LogLevel.Warning, "Allowed with alert {ToolName} ({Kind}) by [{RuleIds}] in session {SessionId}: {Reason}")]
    private partial void LogAllowedWithAlert(LogText toolName, ToolKind kind, LogText ruleIds, LogText sessionId, LogText reason);

    [LoggerMessage(1007, LogLevel.Warning, "Audit mode: {ToolName} ({Kind}) would have been {PolicyEffect} by [{RuleIds}] in session {SessionId}: {Reason}")]
    private partial void LogShadow(LogText toolName, ToolKind kind, DecisionEffect policyEffect, LogText ruleIds, LogText sessionId, LogText reason);

    [LoggerMessage(1009, LogLevel.Information, "Approval of {ToolName} {Outcome} by {Approver} in session {SessionId} (call {Fingerprint}): {Reason}")]
    private partial void LogApproval(LogText toolName, LogText outcome, LogText approver, LogText sessionId, LogText fingerprint, LogText reason);

    [LoggerMessage(1008, LogLevel.Error, "Audit sink {Sink} failed; the decision stands.")]
    private partial void LogSinkFailed(Exception exception, LogText sink);
}
