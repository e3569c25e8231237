using System.Diagnostics;
using AgentGuard.Policies;
using Microsoft.Extensions.Logging;

namespace AgentGuard;

/// <summary>
/// The one pipeline every adapter runs a tool through — decide, resolve approval, run inside an
/// <see cref="AgentGuardScope"/>, inspect the result — and the API for guarding any SDK or connector call.
/// </summary>
/// <example>
/// <code>
/// var issue = await guard.RunAsync(
///     new ToolCallEvent("github.create_issue", ToolKind.SdkCall) { Arguments = ToolArguments.FromPairs(args) },
///     ct => client.CreateIssueAsync(repo, title, ct));
/// </code>
/// </example>
public sealed partial class ToolGuard
{
    /// <summary>The most times one call is put to the approvers while rules that had not asked before start asking.</summary>
    private const int MaxApprovalRounds = 3;

    private readonly IGuardEngine _engine;
    private readonly IApprovalHandler[] _approvalHandlers;
    private readonly PolicyProvider _policies;
    private readonly DecisionAuditor _auditor;
    private readonly ISessionStore _sessions;
    private readonly TimeProvider _timeProvider;
    private readonly ApprovalAuditor _approvals;
    private readonly RememberedApprovals _remembered = new();
    private readonly ILogger _logger;

    // Host call objects (an M.E.AI FunctionCallContent, …) decided by an adapter and running now. Weak and keyed by
    // reference: a model can choose a call id, but never the identity of the host's object.
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<object, object> _decided = [];

    internal ToolGuard(
        IGuardEngine engine,
        GuardContextResolver contextResolver,
        IEnumerable<IApprovalHandler> approvalHandlers,
        PolicyProvider policies,
        DecisionAuditor auditor,
        ISessionStore sessions,
        TimeProvider timeProvider,
        ApprovalAuditor approvals,
        ILogger<ToolGuard> logger)
    {
        _approvals = approvals;
        _engine = engine;
        ContextResolver = contextResolver;
        _approvalHandlers = [.. approvalHandlers];
        _policies = policies;
        _auditor = auditor;
        _sessions = sessions;
        _timeProvider = timeProvider;
        _logger = logger;
        Messages = new ModelText(policies);
    }

    /// <summary>The engine behind this guard.</summary>
    public IGuardEngine Engine => _engine;

    /// <summary>Resolves session context for adapters.</summary>
    public GuardContextResolver ContextResolver { get; }

    /// <summary>True when an in-process <see cref="IApprovalHandler"/> is registered.</summary>
    public bool HasApprovalHandler => _approvalHandlers.Length > 0;

    /// <summary>The argument limits from configuration, for adapters building <see cref="ToolArguments"/>.</summary>
    public ToolArgumentLimits ArgumentLimits => _policies.Current.ArgumentLimits;

    /// <summary>
    /// Marks <paramref name="hostCall"/> (the host's own object for one call, e.g. an M.E.AI <c>FunctionCallContent</c>)
    /// as decided while it runs, so a second adapter layered on the same host (a guarded chat client inside a guarded
    /// agent) does not decide it again. Dispose the result when the call has run.
    /// </summary>
    public IDisposable MarkDecided(object hostCall)
    {
        ArgumentNullException.ThrowIfNull(hostCall);
        _decided.AddOrUpdate(hostCall, hostCall);
        return new DecidedMark(_decided, hostCall);
    }

    /// <summary>
    /// True when an adapter upstream decided exactly this host object and it is running now. Identity, not a call id:
    /// a nested agent whose model reuses the outer call's id is decided on its own.
    /// </summary>
    public bool IsDecided(object hostCall) => hostCall is not null && _decided.TryGetValue(hostCall, out _);

    /// <summary>True when the configuration defines the named policy <paramref name="name"/> (<c>AgentGuard:Policies:&lt;name&gt;</c>).</summary>
    public bool HasPolicy(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _policies.Current.Named.ContainsKey(name);
    }

    /// <summary>
    /// Throws when the configuration does not define the named policy <paramref name="name"/>: for adapters to call when
    /// a pipeline that chose it is built, so a typo fails at start rather than denying every call at run time.
    /// </summary>
    /// <exception cref="InvalidOperationException">No policy of that name is configured.</exception>
    public void EnsurePolicy(string name)
    {
        if (HasPolicy(name))
        {
            return;
        }

        var known = _policies.Current.Named.Keys.Order(StringComparer.OrdinalIgnoreCase).ToArray();
        throw new InvalidOperationException(
            $"The pipeline asks for the AgentGuard policy '{name}', but {AgentGuardOptions.SectionName}:Policies does not define it"
            + (known.Length == 0 ? " (no named policies are configured)." : $" (configured: {string.Join(", ", known)})."));
    }

    /// <summary>The model-facing sentences, from the catalogue the engine uses.</summary>
    public ModelText Messages { get; }

    /// <summary>
    /// Records a refusal decided before the engine could be asked (a registry that does not grant the tool, a definition
    /// that no longer matches its pin, a tool the server never listed) as a <see cref="Decision"/> with the stable system
    /// rule id <paramref name="systemRuleId"/>, audited like the engine's decisions (log, metric, span, sinks) and
    /// recorded in the session. A refusal is always enforced, in audit mode too: it protects the integrity of what is
    /// called, not policy.
    /// </summary>
    /// <param name="toolCall">The call as far as it is known (an empty tool name when the call named none).</param>
    /// <param name="context">The session context.</param>
    /// <param name="systemRuleId">A stable id such as <c>agentguard:mcp-not-granted</c>.</param>
    /// <param name="reason">Why, for operators.</param>
    /// <param name="alert">True when operators should be alerted (a changed or poisoned definition).</param>
    /// <returns>The denial; its <see cref="Decision.ModelMessage"/> says the tool is not available.</returns>
    public Decision Refuse(ToolCallEvent toolCall, GuardContext context, string systemRuleId, string reason, bool alert = false)
    {
        ArgumentNullException.ThrowIfNull(toolCall);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentException.ThrowIfNullOrEmpty(systemRuleId);
        var started = Stopwatch.GetTimestamp();
        var policy = _policies.Current;
        var activity = _auditor.StartActivity(toolCall);
        var decision = new Decision
        {
            Effect = DecisionEffect.Deny,
            PolicyEffect = DecisionEffect.Deny,
            RuleIds = [systemRuleId],
            Reason = reason,
            ModelMessage = ModelMessages.NotAvailable(toolCall.ToolName, policy.NameToolInModelMessage),
            Alert = alert,
            Tags = toolCall.Tags,
        };
        if (context.SessionId is { Length: > 0 } sessionId)
        {
            // Recorded like any decision; a remote store opens without reads (no round trip) and writes without waiting.
            var now = _timeProvider.GetUtcNow();
            var request = new SessionRequest(sessionId, null, policy.SessionLimits, now, _sessions.ReadsAhead ? new SessionReads() : null);
            var opening = _sessions.OpenAsync(request, CancellationToken.None);
            if (opening.IsCompletedSuccessfully)
            {
                opening.Result.Record(SessionKeys.Bound(toolCall.ToolName)!, toolCall.Kind, SessionKeys.Bound(toolCall.Source), [.. toolCall.Tags], DecisionEffect.Deny, now, SessionKeys.Bound(toolCall.CallId));
            }
        }

        _auditor.Audit(policy, decision, toolCall, context, toolCall.Tags, started, activity);
        return decision;
    }

    /// <summary>
    /// Decides a call and, when it requires approval and <paramref name="useApprovalHandler"/> is true, asks the
    /// registered approval handler. The result is <see cref="DecisionEffect.Allow"/> or <see cref="DecisionEffect.Deny"/>,
    /// except that a required approval is returned as is when no handler is used (so the adapter can surface it natively).
    /// </summary>
    public async ValueTask<Decision> AuthorizeAsync(ToolCallEvent toolCall, GuardContext context, bool useApprovalHandler = true, CancellationToken cancellationToken = default)
    {
        var decision = await _engine.EvaluateAsync(toolCall, context, cancellationToken).ConfigureAwait(false);
        if (decision.Effect != DecisionEffect.RequireApproval || !useApprovalHandler)
        {
            return decision;
        }

        return await ResolveApprovalAsync(toolCall, context, decision, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Decides a batch of calls that run together or not at all (the commands of one shell line) as one audited
    /// decision, then, when the batch requires approval and <paramref name="useApprovalHandler"/> is true, asks the
    /// approval handlers once, about <paramref name="whole"/>.
    /// </summary>
    /// <param name="parts">The calls, in the order they run.</param>
    /// <param name="whole">The call as the host runs it (the shell line): what the audit record and an approver see.</param>
    /// <param name="context">The session context.</param>
    /// <param name="useApprovalHandler">False to return a required approval as is.</param>
    /// <param name="cancellationToken">Cancels the decision.</param>
    public async ValueTask<BatchDecision> AuthorizeBatchAsync(IReadOnlyList<ToolCallEvent> parts, ToolCallEvent whole, GuardContext context, bool useApprovalHandler = true, CancellationToken cancellationToken = default)
    {
        var batch = await _engine.EvaluateBatchAsync(parts, whole, context, cancellationToken).ConfigureAwait(false);
        if (batch.Decision.Effect != DecisionEffect.RequireApproval || !useApprovalHandler)
        {
            return batch;
        }

        Func<CancellationToken, ValueTask<Decision>>? recheck = _engine is IRecheckingEngine engine ? ct => engine.RecheckBatchAsync(parts, whole, context, ct) : null;
        return batch with { Decision = await ResolveApprovalAsync(whole, context, batch.Decision, recheck, cancellationToken).ConfigureAwait(false) };
    }

    /// <summary>
    /// Asks the in-process approval handlers about a call that requires approval. No handler, a rejection, a failure
    /// or a time-out (<c>Approval:Timeout</c>) all deny. An approval answers the question asked, about the session as
    /// it was: the call is then decided again as the session is now (nothing recorded twice), and a rule that now denies
    /// it denies it, while a rule that now asks a question no answer covered asks the handlers again.
    /// </summary>
    public ValueTask<Decision> ResolveApprovalAsync(ToolCallEvent toolCall, GuardContext context, Decision decision, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(toolCall);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(decision);
        Func<CancellationToken, ValueTask<Decision>>? recheck = _engine is IRecheckingEngine engine ? ct => engine.RecheckAsync(toolCall, context, ct) : null;
        return ResolveApprovalAsync(toolCall, context, decision, recheck, cancellationToken);
    }

    /// <summary>As the public overload; <paramref name="recheck"/> decides the call (or batch) again, when the engine can.</summary>
    private async ValueTask<Decision> ResolveApprovalAsync(ToolCallEvent toolCall, GuardContext context, Decision decision, Func<CancellationToken, ValueTask<Decision>>? recheck, CancellationToken cancellationToken)
    {
        if (decision.Effect != DecisionEffect.RequireApproval)
        {
            return decision;
        }

        var asked = decision;
        var fingerprint = CallFingerprint.Compute(toolCall.ToolName, toolCall.Arguments);
        var remembered = false;
        HashSet<string> answered = new(StringComparer.OrdinalIgnoreCase);
        for (var round = 1; ; round++)
        {
            var policy = _policies.Current;
            var rememberedBy = _remembered.Covering(context.SessionId, toolCall.ToolName, fingerprint, asked.RuleIds, _timeProvider.GetUtcNow(), policy.IdleTimeout);
            if (rememberedBy is not null)
            {
                LogApprovalRemembered(toolCall.ToolName, rememberedBy);
                _approvals.Record(new ApprovalRequest(toolCall, context, asked, fingerprint), ApprovalOutcome.Approved, rememberedBy, "remembered for the session");
                remembered = true;
            }
            else
            {
                var (refused, remember) = await AskAsync(toolCall, context, asked, fingerprint, cancellationToken).ConfigureAwait(false);
                if (refused is not null)
                {
                    return refused;
                }

                var scope = (ApprovalMemory)Math.Min((int)remember.Scope, (int)policy.RememberApprovals);
                _remembered.Remember(context.SessionId, toolCall.ToolName, fingerprint, scope, asked.RuleIds, remember.Approver, _timeProvider.GetUtcNow(), policy.MaxSessions);
            }

            answered.UnionWith(asked.RuleIds);
            if (recheck is null)
            {
                return Resolved(decision, toolCall, approved: true, remembered ? "approved (remembered)" : "approved");
            }

            var now = await recheck(cancellationToken).ConfigureAwait(false);
            if (now.Effect == DecisionEffect.Deny)
            {
                LogDeniedAfterApproval(toolCall.ToolName, string.Join(",", now.RuleIds));
                return now;
            }

            if (now.Effect != DecisionEffect.RequireApproval || now.RuleIds.All(answered.Contains))
            {
                return Resolved(decision, toolCall, approved: true, remembered ? "approved (remembered)" : "approved");
            }

            if (round == MaxApprovalRounds)
            {
                return Resolved(now, toolCall, approved: false, $"rules kept asking new questions after {MaxApprovalRounds} approvals");
            }

            asked = now;
        }
    }

    /// <summary>
    /// Puts <paramref name="decision"/> to every handler in turn; the refusal when one does not approve, else null with
    /// the narrowest scope any of them asked the answer to be remembered for, and who gave it.
    /// </summary>
    private async ValueTask<(Decision? Refused, (ApprovalMemory Scope, string? Approver) Remember)> AskAsync(ToolCallEvent toolCall, GuardContext context, Decision decision, string fingerprint, CancellationToken cancellationToken)
    {
        var request = new ApprovalRequest(toolCall, context, decision, fingerprint);
        if (_approvalHandlers.Length == 0)
        {
            _approvals.Record(request, ApprovalOutcome.NoApprover, reason: "no approver is configured");
            return (Resolved(decision, toolCall, approved: false, "approval was required but no approver is configured"), default);
        }

        var remember = ApprovalMemory.SameTool;

        ApprovalResponse? last = null;
        var timeout = _policies.Current.ApprovalTimeout;
        foreach (var handler in _approvalHandlers)
        {
            ApprovalResponse response;
            try
            {
                using var timeoutSource = new CancellationTokenSource(timeout, _timeProvider);
                using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutSource.Token);
                response = await handler.RequestApprovalAsync(request, linked.Token).AsTask().WaitAsync(timeout, _timeProvider, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is TimeoutException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
            {
                LogApprovalTimedOut(toolCall.ToolName, timeout);
                _approvals.Record(request, ApprovalOutcome.TimedOut, reason: "no answer within " + timeout.ToString("c", System.Globalization.CultureInfo.InvariantCulture));
                return (Resolved(decision, toolCall, approved: false, "approval timed out"), default);
            }
#pragma warning disable CA1031 // A failing approver must deny the call, never crash the agent.
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
            {
                LogApprovalFailed(ex, toolCall.ToolName);
                _approvals.Record(request, ApprovalOutcome.Failed, reason: "the approver failed: " + ex.GetType().Name);
                return (Resolved(decision, toolCall, approved: false, "the approver failed"), default);
            }

            LogApprovalAnswered(toolCall.ToolName, response.Approved, response.Approver);
            last = response;
            if (!response.Approved)
            {
                _approvals.Record(request, ApprovalOutcome.Rejected, response.Approver, response.Reason);
                return (Resolved(decision, toolCall, approved: false, "rejected" + (response.Approver is null ? string.Empty : " by " + response.Approver) + (response.Reason is null ? string.Empty : ": " + response.Reason)), default);
            }

            remember = (ApprovalMemory)Math.Min((int)remember, (int)response.Remember);
        }

        _approvals.Record(request, ApprovalOutcome.Approved, last?.Approver, last?.Reason);
        return (null, (remember, last?.Approver));
    }

    /// <summary>The result hook: returns the text the model should see (redacted when the engine says so).</summary>
    public async ValueTask<string?> InspectResultAsync(ToolCallEvent toolCall, GuardContext context, string? resultText, bool isError = false, CancellationToken cancellationToken = default)
    {
        var inspection = await _engine.InspectResultAsync(toolCall, context, new ToolResult(resultText, isError), cancellationToken).ConfigureAwait(false);
        return inspection.TextForModel(resultText);
    }

    /// <summary>
    /// Guards an SDK or connector call: decides it (asking the approval handler when required), runs it inside an
    /// <see cref="AgentGuardScope"/> when allowed, and passes its result through the result hook.
    /// </summary>
    /// <param name="toolCall">The call; use <see cref="ToolKind.SdkCall"/> for SDK calls.</param>
    /// <param name="invoke">The real call.</param>
    /// <param name="context">Session facts the caller knows; the ambient scope, providers and defaults fill the rest.</param>
    /// <param name="describeResult">Turns the result into text for the result hook; <see cref="object.ToString"/> when null.</param>
    /// <param name="cancellationToken">Cancels the decision and the call.</param>
    /// <exception cref="ToolCallDeniedException">The call was not allowed; <paramref name="invoke"/> was not called.</exception>
    [System.Runtime.CompilerServices.OverloadResolutionPriority(1)] // an async lambda fits both overloads: take this one
    public async ValueTask<T> RunAsync<T>(
        ToolCallEvent toolCall,
        Func<CancellationToken, ValueTask<T>> invoke,
        GuardContext? context = null,
        Func<T, string?>? describeResult = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(toolCall);
        ArgumentNullException.ThrowIfNull(invoke);

        var resolved = ContextResolver.Resolve(context);
        if (toolCall.ParentCallId is null && AgentGuardScope.CurrentCallId is { } parent)
        {
            toolCall = toolCall with { ParentCallId = parent };
        }

        var decision = await AuthorizeAsync(toolCall, resolved, useApprovalHandler: true, cancellationToken).ConfigureAwait(false);
        if (!decision.IsAllowed)
        {
            throw new ToolCallDeniedException(decision);
        }

        GuardedRun<T> run;
        try
        {
            run = await RunDecidedAsync(toolCall, resolved, invoke, describeResult ?? (static r => r?.ToString()), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The failure's message is the call's output as much as a result (an SDK error quotes the page, the API's
            // answer, a connection string): it passes the result hook, so it labels the session (untrusted, secret
            // seen) and its values are remembered. The caller is code, not the model: like the result, which it gets
            // as returned, it gets the SDK's own exception (a guarded function that hands it on is inspected again
            // by the model-facing adapter).
            await InspectResultAsync(toolCall, resolved, ex.Message, isError: true, cancellationToken).ConfigureAwait(false);
            throw;
        }

        return run.Result;
    }

    /// <summary>
    /// The second half of the pipeline, for a call an adapter has decided and allowed: runs <paramref name="invoke"/>
    /// inside an <see cref="AgentGuardScope"/> for the call (so HTTP requests, shell commands and SDK calls it makes
    /// carry its context and call id), and passes its result, described as text, through the result hook.
    /// </summary>
    /// <param name="toolCall">The allowed call.</param>
    /// <param name="context">The context it was decided with.</param>
    /// <param name="invoke">The real call.</param>
    /// <param name="describe">The result as the model would read it (the text the result hook inspects).</param>
    /// <param name="cancellationToken">Cancels the call and the inspection.</param>
    public async ValueTask<GuardedRun<T>> RunDecidedAsync<T>(
        ToolCallEvent toolCall,
        GuardContext context,
        Func<CancellationToken, ValueTask<T>> invoke,
        Func<T, string?> describe,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(toolCall);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(invoke);
        ArgumentNullException.ThrowIfNull(describe);
        T result;
        using (AgentGuardScope.Begin(context, toolCall))
        {
            result = await invoke(cancellationToken).ConfigureAwait(false);
        }

        var text = describe(result);
        var inspection = await _engine.InspectResultAsync(toolCall, context, new ToolResult(text), cancellationToken).ConfigureAwait(false);
        var forModel = inspection.TextForModel(text);
        return new GuardedRun<T>(result, text, forModel is null || string.Equals(forModel, text, StringComparison.Ordinal) ? null : forModel);
    }

    /// <summary>Guards an SDK call by name, with its arguments as name/value pairs.</summary>
    /// <exception cref="ToolCallDeniedException">The call was not allowed; <paramref name="invoke"/> was not called.</exception>
    [System.Runtime.CompilerServices.OverloadResolutionPriority(1)] // an async lambda fits both overloads: take this one
    public ValueTask<T> RunAsync<T>(
        string toolName,
        IEnumerable<KeyValuePair<string, object?>>? arguments,
        Func<CancellationToken, ValueTask<T>> invoke,
        CancellationToken cancellationToken = default)
    {
        var toolCall = new ToolCallEvent(toolName, ToolKind.SdkCall)
        {
            Arguments = arguments is null ? ToolArguments.Empty : ToolArguments.FromPairs(arguments, ArgumentLimits),
        };
        return RunAsync(toolCall, invoke, context: null, describeResult: null, cancellationToken);
    }

    /// <summary>As <see cref="RunAsync{T}(ToolCallEvent, Func{CancellationToken, ValueTask{T}}, GuardContext?, Func{T, string?}?, CancellationToken)"/>, for SDK methods that return <see cref="Task{TResult}"/>.</summary>
    /// <exception cref="ToolCallDeniedException">The call was not allowed; <paramref name="invoke"/> was not called.</exception>
    public async Task<T> RunAsync<T>(
        ToolCallEvent toolCall,
        Func<CancellationToken, Task<T>> invoke,
        GuardContext? context = null,
        Func<T, string?>? describeResult = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(invoke);
        return await RunAsync(toolCall, ct => new ValueTask<T>(invoke(ct)), context, describeResult, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Guards an SDK call that returns <see cref="Task{TResult}"/> by name, with its arguments as name/value pairs.</summary>
    /// <exception cref="ToolCallDeniedException">The call was not allowed; <paramref name="invoke"/> was not called.</exception>
    public async Task<T> RunAsync<T>(
        string toolName,
        IEnumerable<KeyValuePair<string, object?>>? arguments,
        Func<CancellationToken, Task<T>> invoke,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(invoke);
        return await RunAsync(toolName, arguments, ct => new ValueTask<T>(invoke(ct)), cancellationToken).ConfigureAwait(false);
    }

    private Decision Resolved(Decision decision, ToolCallEvent toolCall, bool approved, string outcome)
        => approved
            ? decision.Approved(outcome)
            : decision.Rejected(outcome, Messages.ApprovalNotGiven(toolCall.ToolName));

    private sealed class DecidedMark(System.Runtime.CompilerServices.ConditionalWeakTable<object, object> table, object hostCall) : IDisposable
    {
        public void Dispose() => table.Remove(hostCall);
    }

    [LoggerMessage(3001, LogLevel.Warning, "Approval of '{ToolName}' timed out after {Timeout}; the call was denied.")]
    private partial void LogApprovalTimedOut(LogText toolName, TimeSpan timeout);

    [LoggerMessage(3002, LogLevel.Error, "The approval handler failed for '{ToolName}'; the call was denied.")]
    private partial void LogApprovalFailed(Exception exception, LogText toolName);

    [LoggerMessage(3004, LogLevel.Warning, "'{ToolName}' was approved, but decided again before it ran it was denied by {RuleIds}.")]
    private partial void LogDeniedAfterApproval(LogText toolName, LogText ruleIds);

    [LoggerMessage(3003, LogLevel.Information, "Approval of '{ToolName}' answered: approved={Approved} by {Approver}.")]
    private partial void LogApprovalAnswered(LogText toolName, bool approved, LogText approver);

    [LoggerMessage(3005, LogLevel.Information, "Approval of '{ToolName}' not asked again: {Approver} approved it for the session.")]
    private partial void LogApprovalRemembered(LogText toolName, LogText approver);
}
