using System.Diagnostics;
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

        var activity = _diagnostics.ActivitySource.StartActivity("agentguard.evaluate " + toolCall.ToolName, ActivityKind.Internal);
        activity?.SetTag(TelemetryTags.ToolName, toolCall.ToolName);
        activity?.SetTag(TelemetryTags.Hook, toolCall.Kind.ToString());
        if (toolCall.CallId is not null)
        {
            activity?.SetTag("gen_ai.tool.call.id", toolCall.CallId);
        }

        return activity;
    }

    public void Audit(CompiledPolicy policy, Decision decision, ToolCallEvent toolCall, GuardContext context, IReadOnlyList<string> effectiveTags, long started, Activity? activity, SessionState? session = null)
    {
        if (_diagnostics.Decisions.Enabled)
        {
            var tags = new TagList
            {
                { TelemetryTags.Decision, TelemetryTags.ToTagValue(decision.PolicyEffect) },
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
                tags.Add(TelemetryTags.ErrorType, "evaluation_failed");
            }

            _diagnostics.Decisions.Add(1, tags);
        }

        if (_diagnostics.EvaluationDuration.Enabled)
        {
            _diagnostics.EvaluationDuration.Record(
                Stopwatch.GetElapsedTime(started).TotalSeconds,
                new KeyValuePair<string, object?>(TelemetryTags.Decision, TelemetryTags.ToTagValue(decision.PolicyEffect)));
        }

        if (activity is not null)
        {
            activity.SetTag(TelemetryTags.Decision, TelemetryTags.ToTagValue(decision.PolicyEffect));
            if (decision.RuleIds.Count > 0)
            {
                activity.SetTag(TelemetryTags.RuleId, string.Join(",", decision.RuleIds));
            }

            if (decision.IsFailure)
            {
                activity.SetStatus(ActivityStatusCode.Error, "evaluation failed; fail-safe outcome applied");
            }

            activity.Dispose();
        }

        Log(decision, toolCall, context);

        if (_sinks.Length > 0 && (decision.PolicyEffect != DecisionEffect.Allow || decision.Alert || policy.Audit.IncludeAllowed))
        {
            var record = new AuditRecord
            {
                Time = _time.GetUtcNow(),
                SessionId = context.SessionId,
                UserId = context.User?.Id,
                AgentId = context.Agent?.Id,
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
                SessionLabels = session is null ? [] : [.. session.Snapshot().Labels],
            };

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
    }

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
    private partial void LogDenied(string toolName, ToolKind kind, string ruleIds, string? sessionId, string? userId, string? reason);

    [LoggerMessage(1002, LogLevel.Information, "Approval required for {ToolName} ({Kind}) by [{RuleIds}] in session {SessionId}: {Reason}")]
    private partial void LogApprovalRequired(string toolName, ToolKind kind, string ruleIds, string? sessionId, string? reason);

    [LoggerMessage(1003, LogLevel.Debug, "Allowed {ToolName} ({Kind}) in session {SessionId}.")]
    private partial void LogAllowed(string toolName, ToolKind kind, string? sessionId);

    [LoggerMessage(1006, LogLevel.Warning, "Allowed with alert {ToolName} ({Kind}) by [{RuleIds}] in session {SessionId}: {Reason}")]
    private partial void LogAllowedWithAlert(string toolName, ToolKind kind, string ruleIds, string? sessionId, string? reason);

    [LoggerMessage(1007, LogLevel.Warning, "Audit mode: {ToolName} ({Kind}) would have been {PolicyEffect} by [{RuleIds}] in session {SessionId}: {Reason}")]
    private partial void LogShadow(string toolName, ToolKind kind, DecisionEffect policyEffect, string ruleIds, string? sessionId, string? reason);

    [LoggerMessage(1008, LogLevel.Error, "Audit sink {Sink} failed; the decision stands.")]
    private partial void LogSinkFailed(Exception exception, string sink);
}
