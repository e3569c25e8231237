using System.Diagnostics;
using System.Runtime.CompilerServices;
using AgentGuard.Policies;
using Microsoft.Extensions.Logging;

namespace AgentGuard;

/// <summary>
/// The policy engine: classifies a call, finds the candidate rules through the index, evaluates them under the
/// precedence, applies fail-safe outcomes to rules that fail, records the call in its session and audits the decision.
/// </summary>
internal sealed partial class GuardEngine : IGuardEngine, IRecheckingEngine
{
    private readonly PolicyProvider _policies;
    private readonly ISessionStore _sessions;
    private readonly IGuardPolicy[] _codePolicies;
    private readonly IToolClassifier[] _classifiers;
    private readonly ITrustedValueResolver[] _resolvers;
    private readonly Inference.ToolRoleCache _roles;
    private readonly ResultInspector _resultInspector;
    private readonly DecisionAuditor _auditor;
    private readonly TimeProvider _time;
    private readonly TagListPool _tagLists = new();
    private readonly ILogger _logger;

    /// <summary>The system rule id of a denial because the call's named policy is not defined.</summary>
    internal const string UnknownPolicyRuleId = "agentguard:unknown-policy";

    /// <summary>The longest a code policy may wait for a thread-pool thread before its fail-safe outcome applies.</summary>
    internal static readonly TimeSpan CodePolicySchedulingBudget = TimeSpan.FromSeconds(5);

    public GuardEngine(
        PolicyProvider policies,
        ISessionStore sessions,
        IEnumerable<IGuardPolicy> codePolicies,
        IEnumerable<IToolClassifier> classifiers,
        IEnumerable<ITrustedValueResolver> resolvers,
        Inference.ToolRoleCache roles,
        ResultInspector resultInspector,
        DecisionAuditor auditor,
        TimeProvider time,
        ILoggerFactory loggerFactory)
    {
        _policies = policies;
        _sessions = sessions;
        _codePolicies = [.. codePolicies];
        _classifiers = [.. classifiers];
        _resolvers = [.. resolvers];
        _roles = roles;
        _resultInspector = resultInspector;
        _auditor = auditor;
        _time = time;
        _logger = loggerFactory.CreateLogger<GuardEngine>();
    }

    public ValueTask<Decision> EvaluateAsync(ToolCallEvent toolCall, GuardContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(toolCall);
        ArgumentNullException.ThrowIfNull(context);
        return EvaluateOne(toolCall, context, new EvaluationTrace(_auditor.StartTimestamp(), _auditor.StartActivity(toolCall), null), cancellationToken);
    }

    public ValueTask<Decision> RecheckAsync(ToolCallEvent toolCall, GuardContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(toolCall);
        ArgumentNullException.ThrowIfNull(context);
        return EvaluateOne(toolCall, context, new EvaluationTrace(_auditor.StartTimestamp(), null, null, Recheck: true), cancellationToken);
    }

    public async ValueTask<Decision> RecheckBatchAsync(IReadOnlyList<ToolCallEvent> parts, ToolCallEvent whole, GuardContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parts);
        ArgumentNullException.ThrowIfNull(whole);
        ArgumentNullException.ThrowIfNull(context);

        var started = Stopwatch.GetTimestamp();
        var batch = new BatchTrace();
        var decisions = new Decision[parts.Count];
        for (var i = 0; i < decisions.Length; i++)
        {
            decisions[i] = await EvaluateOne(parts[i], context, new EvaluationTrace(Stopwatch.GetTimestamp(), null, batch, Recheck: true), cancellationToken).ConfigureAwait(false);
        }

        var policy = _policies.Current;
        var decision = BatchDecisions.Combine(policy, whole, parts, decisions);
        if (decision.Effect == DecisionEffect.Deny)
        {
            _auditor.Audit(policy, decision, whole, context, decision.Tags, started, null, batch.Session?.SessionId is null ? null : batch.Session);
        }

        return decision;
    }

    public async ValueTask<BatchDecision> EvaluateBatchAsync(IReadOnlyList<ToolCallEvent> parts, ToolCallEvent whole, GuardContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parts);
        ArgumentNullException.ThrowIfNull(whole);
        ArgumentNullException.ThrowIfNull(context);

        for (var i = 0; i < parts.Count; i++)
        {
            // Checked before any part is decided: a batch is recorded whole or not at all.
            ArgumentNullException.ThrowIfNull(parts[i], nameof(parts));
        }

        var started = Stopwatch.GetTimestamp();
        var activity = _auditor.StartActivity(whole);
        var batch = new BatchTrace();
        var decisions = new Decision[parts.Count];
        for (var i = 0; i < decisions.Length; i++)
        {
            // In order, each recorded before the next is decided: a sequence rule sees the line's earlier commands.
            decisions[i] = await EvaluateOne(parts[i], context, new EvaluationTrace(Stopwatch.GetTimestamp(), null, batch), cancellationToken).ConfigureAwait(false);
        }

        var policy = _policies.Current;
        var decision = BatchDecisions.Combine(policy, whole, parts, decisions);
        _auditor.Audit(policy, decision, whole, context, decision.Tags, started, activity, batch.Session?.SessionId is null ? null : batch.Session);
        return new BatchDecision(decision, decisions);
    }

    private ValueTask<Decision> EvaluateOne(ToolCallEvent toolCall, GuardContext context, EvaluationTrace trace, CancellationToken cancellationToken)
    {
        var policy = _policies.Current;
        var accumulator = default(DecisionAccumulator);
        if (context.Policy is { } name)
        {
            policy = Named(policy, name, ref accumulator);
        }

        // The tool's candidate rules and its configured classification, found with one look-up.
        var toolCandidates = policy.Index.Candidates(toolCall.ToolName, toolCall.Kind, toolCall.Source);
        var classification = toolCandidates.Classification;
        var risk = toolCall.Risk > classification.Risk ? toolCall.Risk : classification.Risk;
        List<string>? classified = null;
        if (_classifiers.Length > 0)
        {
            risk = RunClassifiers(toolCall, context, policy, ref classified, risk, ref accumulator);
        }

        if (toolCall.RawToolName is not null)
        {
            (classified ??= []).Add(ToolNames.ObfuscatedTag);
        }

        var candidates = toolCandidates.WithTags(toolCall.Tags, classified);
        accumulator.Candidates = candidates;
        var tags = new TagView(classification.Tags, toolCall.Tags, classified, candidates.Tags);
        var now = _time.GetUtcNow();
        SessionReads? reads = null;
        if (_sessions.ReadsAhead)
        {
            reads = DeclareReads(policy, candidates, toolCall, context, tags, risk, now, ref accumulator);
            if (trace.Recheck)
            {
                // The first decision counted the call against its rate limits (RecheckView).
                reads.RateLimits.Clear();
            }
        }

        var request = new SessionRequest(context.SessionId is { Length: > 0 } sessionId ? sessionId : null, context.Prompt, Limits(policy), now, reads);
        var opening = Open(request, cancellationToken);
        if (!opening.IsCompletedSuccessfully)
        {
            return AfterOpen(opening, policy, classification, toolCall, context, tags, risk, now, ref accumulator, classified, trace, cancellationToken);
        }

        return Evaluate(opening.Result, policy, classification, toolCall, context, tags, risk, now, ref accumulator, classified, trace, cancellationToken);
    }

    /// <summary>
    /// The named policy the pipeline asks for. A pipeline that asks for a policy the configuration does not define (a
    /// typo, or removed on reload) is never decided by a weaker one: the call is denied, with an alert. (Out of line,
    /// as are the other rare paths below: what they need on the stack would otherwise be zeroed on every decision.)
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static CompiledPolicy Named(CompiledPolicy policy, string name, ref DecisionAccumulator accumulator)
    {
        if (policy.Named.TryGetValue(name, out var named))
        {
            return named;
        }

        accumulator.AddFailure(UnknownPolicyRuleId, DecisionEffect.Deny, $"the pipeline asks for the policy '{name}', which {AgentGuardOptions.SectionName}:Policies does not define");
        return policy;
    }

    /// <summary>For a store that reads ahead: what the candidate rules will read from the session.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private SessionReads DeclareReads(CompiledPolicy policy, CandidateSet candidates, ToolCallEvent toolCall, GuardContext context, TagView tags, RiskLevel risk, DateTimeOffset now, ref DecisionAccumulator accumulator)
    {
        var reads = new SessionReads { Snapshot = _codePolicies.Length > 0 };
        var declaring = new EvaluationInput(toolCall, context, tags, risk, SessionStoreFailure.NoSession, now, _resolvers, _roles);
        EvaluateRules(policy, candidates, in declaring, ref accumulator, reads);
        return reads;
    }

    /// <summary>A store that answers later: the accumulator is copied into the continuation here, not in the caller's frame.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private ValueTask<Decision> AfterOpen(ValueTask<ISessionView> opening, CompiledPolicy policy, ToolClassification classification, ToolCallEvent toolCall, GuardContext context, TagView tags, RiskLevel risk, DateTimeOffset now, ref DecisionAccumulator accumulator, List<string>? classified, EvaluationTrace trace, CancellationToken cancellationToken)
        => EvaluateAfterOpenAsync(opening, policy, classification, toolCall, context, tags, risk, now, accumulator, classified, trace, cancellationToken);

    private async ValueTask<Decision> EvaluateAfterOpenAsync(ValueTask<ISessionView> opening, CompiledPolicy policy, ToolClassification classification, ToolCallEvent toolCall, GuardContext context, TagView tags, RiskLevel risk, DateTimeOffset now, DecisionAccumulator accumulator, List<string>? classified, EvaluationTrace trace, CancellationToken cancellationToken)
    {
        ISessionView session;
        try
        {
            session = await opening.ConfigureAwait(false);
        }
#pragma warning disable CA1031 // A store that throws (it should not) is treated as unavailable: fail-safe outcomes, never an exception in the agent.
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            session = new SessionStoreFailure(context.SessionId, ex);
        }

        return await Evaluate(session, policy, classification, toolCall, context, tags, risk, now, ref accumulator, classified, trace, cancellationToken).ConfigureAwait(false);
    }

    private ValueTask<ISessionView> Open(SessionRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return _sessions.OpenAsync(request, cancellationToken);
        }
#pragma warning disable CA1031 // See EvaluateAfterOpenAsync.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return new ValueTask<ISessionView>(new SessionStoreFailure(request.SessionId, ex));
        }
    }

    private static SessionLimits Limits(CompiledPolicy policy) => policy.SessionLimits;

    private ValueTask<Decision> Evaluate(ISessionView session, CompiledPolicy policy, ToolClassification classification, ToolCallEvent toolCall, GuardContext context, TagView tags, RiskLevel risk, DateTimeOffset now, ref DecisionAccumulator accumulator, List<string>? classified, EvaluationTrace trace, CancellationToken cancellationToken)
    {
        if (trace.Recheck)
        {
            session = new RecheckView(session);
        }

        var input = new EvaluationInput(toolCall, context, tags, risk, session, now, _resolvers, _roles);
        if (toolCall.Arguments.IsMalformed)
        {
            Malformed(policy, toolCall, tags, risk, ref accumulator);
        }

        EvaluateRules(policy, accumulator.Candidates!, in input, ref accumulator, declare: null);

        if (_codePolicies.Length > 0)
        {
            return EvaluateCodePoliciesAsync(policy, toolCall, context, tags, risk, session, accumulator, trace, cancellationToken);
        }

        return new ValueTask<Decision>(Complete(policy, toolCall, context, tags, risk, session, now, ref accumulator, trace));
    }

    /// <summary>
    /// Unreadable arguments restrict (fail-safe deny or approval) or raise an alert; they never grant a call that the
    /// rules or the default would not allow.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Malformed(CompiledPolicy policy, ToolCallEvent toolCall, TagView tags, RiskLevel risk, ref DecisionAccumulator accumulator)
    {
        var effect = FailureEffect(policy.OnError, policy, tags, risk);
        if (effect == DecisionEffect.Allow)
        {
            accumulator.AddAlert();
        }
        else
        {
            accumulator.AddFailure("agentguard:malformed-arguments", effect, toolCall.Arguments.Error!);
        }

        LogMalformedArguments(toolCall.ToolName, toolCall.Arguments.Error!);
    }

    public ValueTask<ResultInspection> InspectResultAsync(ToolCallEvent toolCall, GuardContext context, ToolResult result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(toolCall);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(result);

        var policy = _policies.Current;
        if (context.SessionId is not { Length: > 0 } sessionId)
        {
            return _resultInspector.InspectAsync(policy, toolCall, context, result, null, null, cancellationToken);
        }

        // The values the model handed to this call, for a policy where a trusted result can vouch for one (HandedValues).
        var handed = policy.VouchesByTrustedResults ? HandedValues.Of(toolCall.Arguments) : null;
        var reads = _sessions.ReadsAhead ? new SessionReads { Labels = true } : null;
        if (reads is not null)
        {
            handed?.Declare(reads);
        }

        var opening = Open(new SessionRequest(sessionId, null, Limits(policy), _time.GetUtcNow(), reads), cancellationToken);
        if (opening.IsCompletedSuccessfully)
        {
            return _resultInspector.InspectAsync(policy, toolCall, context, result, opening.Result, handed, cancellationToken);
        }

        return InspectAfterOpenAsync(opening, policy, toolCall, context, result, handed, cancellationToken);
    }

    private async ValueTask<ResultInspection> InspectAfterOpenAsync(ValueTask<ISessionView> opening, CompiledPolicy policy, ToolCallEvent toolCall, GuardContext context, ToolResult result, HandedValues? handed, CancellationToken cancellationToken)
    {
        ISessionView session;
        try
        {
            session = await opening.ConfigureAwait(false);
        }
#pragma warning disable CA1031 // See EvaluateAfterOpenAsync.
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            session = new SessionStoreFailure(context.SessionId, ex);
        }

        return await _resultInspector.InspectAsync(policy, toolCall, context, result, session, handed, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Evaluates the candidate rules, or with <paramref name="declare"/> only collects what they will read. When the
    /// candidates are narrowed by the session's facts (a split by team, environment or group; each rule's gate), only the
    /// rules the call's session can satisfy are looked at; the tool's own candidates and the rules every call is a
    /// candidate for are merged in policy order.
    /// </summary>
    private void EvaluateRules(CompiledPolicy policy, CandidateSet candidates, in EvaluationInput input, ref DecisionAccumulator accumulator, SessionReads? declare)
    {
        if (!candidates.UsesPlans)
        {
            foreach (var rule in candidates.Own.Rules)
            {
                Consider(rule, policy, in input, ref accumulator, declare);
            }

            return;
        }

        var key = candidates.PlanKey(input.Context);
        if (candidates.TryGetPlan(in key, out var plan))
        {
            // Looked at before with the same session values: the same rules, admitted by the same gates, in the same order.
            if (declare is null && plan.Dynamic is { } dynamic && _codePolicies.Length == 0 && accumulator.IsEmpty)
            {
                FollowPlan(plan, dynamic, policy, in input, ref accumulator);
                return;
            }

            foreach (var rule in plan.Rules)
            {
                Consider(rule, policy, in input, ref accumulator, declare, gated: true);
            }

            return;
        }

        var own = candidates.Own;
        var shared = candidates.Shared;
        var facts = candidates.Facts(input.Context);
        Span<int> ownPositions = stackalloc int[64];
        Span<int> sharedPositions = stackalloc int[64];
        int[]? ownRented = null;
        int[]? sharedRented = null;
        try
        {
            var ownCount = Collect(own, in facts, ref ownPositions, ref ownRented);
            var sharedCount = shared is null ? 0 : Collect(shared, in facts, ref sharedPositions, ref sharedRented);
            var kept = candidates.KeepsPlan(in key) ? new CompiledRule[ownCount + sharedCount] : null;
            int i = 0, j = 0;
            while (i < ownCount || j < sharedCount)
            {
                var rule = j >= sharedCount || (i < ownCount && own.Orders[ownPositions[i]] < shared!.Orders[sharedPositions[j]])
                    ? own.Rules[ownPositions[i++]]
                    : shared!.Rules[sharedPositions[j++]];
                if (kept is not null)
                {
                    kept[i + j - 1] = rule;
                }

                Consider(rule, policy, in input, ref accumulator, declare, gated: true);
            }

            if (kept is not null)
            {
                candidates.RememberPlan(in key, kept);
            }
        }
        finally
        {
            Return(ownRented);
            Return(sharedRented);
        }

        static int Collect(RuleGroup group, in ContextFacts facts, ref Span<int> positions, ref int[]? rented)
        {
            var count = group.Collect(in facts, positions);
            while (count < 0)
            {
                // More than the stack buffer holds (many groups, big buckets): a pooled one of the length asked for.
                Return(rented);
                positions = rented = System.Buffers.ArrayPool<int>.Shared.Rent(-count);
                count = group.Collect(in facts, positions);
            }

            return count;
        }

        static void Return(int[]? rented)
        {
            if (rented is not null)
            {
                System.Buffers.ArrayPool<int>.Shared.Return(rented);
            }
        }
    }

    /// <summary>
    /// A call whose plan keeps decisions (nothing gathered before the rules, no code policy): only the plan's dynamic
    /// rules are evaluated, each exactly as <see cref="Consider"/> would (a failure is recorded as there). When none
    /// failed, the decision kept for their answers is the call's, and the rules that hold for every call are not read;
    /// otherwise every rule that held is added in policy order and the decision is made as usual (and kept, when no
    /// rule failed).
    /// </summary>
    private void FollowPlan(RulePlan plan, CompiledRule[] dynamic, CompiledPolicy policy, in EvaluationInput input, ref DecisionAccumulator accumulator)
    {
        var answers = 0;
        for (var k = 0; k < dynamic.Length; k++)
        {
            if (Holds(dynamic[k], policy, in input, ref accumulator, declare: null, gated: true))
            {
                answers |= 1 << k;
            }
        }

        var failed = accumulator.HasFailures;
        if (!failed && plan.DecisionFor(answers) is not null)
        {
            accumulator.FromPlan(plan, answers);
            return;
        }

        var rules = plan.Rules;
        var positions = plan.DynamicPositions!;
        var next = 0;
        for (var i = 0; i < rules.Length; i++)
        {
            if (next < positions.Length && positions[next] == i)
            {
                if ((answers & (1 << next++)) != 0)
                {
                    accumulator.Add(rules[i]);
                }

                continue;
            }

            accumulator.Add(rules[i]);
        }

        if (!failed)
        {
            accumulator.FromPlan(plan, answers);
        }
    }

    /// <summary>
    /// Adds the rule to the decision when it matches and its conditions hold (with <paramref name="gated"/>: the rule's
    /// gate admitted the call, so the conditions the gate decided are not evaluated again).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Consider(CompiledRule rule, CompiledPolicy policy, in EvaluationInput input, ref DecisionAccumulator accumulator, SessionReads? declare, bool gated = false)
    {
        if (Holds(rule, policy, in input, ref accumulator, declare, gated))
        {
            accumulator.Add(rule);
        }
    }

    /// <summary>
    /// True when the rule is to be added to the decision: it matches and its conditions hold. A rule that failed or could
    /// not read the arguments records its fail-safe outcome in <paramref name="accumulator"/> and answers false; with
    /// <paramref name="declare"/> the rule only declares what it will read.
    /// </summary>
    private bool Holds(CompiledRule rule, CompiledPolicy policy, in EvaluationInput input, ref DecisionAccumulator accumulator, SessionReads? declare, bool gated)
    {
        // The candidate set holds only rules that name no tag or a tag the call carries (its tags are the call's: a set
        // is kept per tag set, see CandidateSet.Own), so of what may change between calls only the risk is left to test.
        if (input.Risk < rule.MinRisk)
        {
            return false;
        }

        if (declare is not null)
        {
            rule.DeclareReads(in input, declare);
            return false;
        }

        if (rule.ReadsArguments && input.Call.Arguments.IsMalformed)
        {
            ConsiderUnreadable(rule, policy, in input, ref accumulator);
            return false;
        }

        try
        {
            return gated ? rule.ConditionsBeyondGateHold(in input) : rule.ConditionsHold(in input);
        }
#pragma warning disable CA1031 // A failing rule yields its fail-safe outcome; it must never crash the agent or skip the other rules.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            RuleFailed(ex, rule, policy, in input, ref accumulator);
            return false;
        }
    }

    /// <summary>A rule whose conditions threw contributes its fail-safe outcome.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void RuleFailed(Exception ex, CompiledRule rule, CompiledPolicy policy, in EvaluationInput input, ref DecisionAccumulator accumulator)
    {
        var mode = ex is SessionStoreUnavailableException { FailureMode: { } forced } ? forced : rule.OnError == FailureMode.Auto ? policy.OnError : rule.OnError;
        AddFailure(ref accumulator, rule.Id, mode, policy, input.Tags, input.Risk, $"rule '{rule.Id}' failed: {ex.GetType().Name}");
        LogRuleFailed(ex, rule.Id, input.Call.ToolName);
    }

    /// <summary>
    /// A rule that reads arguments the engine could not read contributes its <c>OnError</c> outcome, provided its other
    /// conditions hold (a rule about another user stays out of it). Under <c>Auto</c> a restricting rule assumes it applies
    /// (a deny rule denies, an approval rule asks) and an allow rule grants nothing.
    /// </summary>
    private void ConsiderUnreadable(CompiledRule rule, CompiledPolicy policy, in EvaluationInput input, ref DecisionAccumulator accumulator)
    {
        try
        {
            if (!rule.ConditionsOtherThanArgumentsHold(in input))
            {
                return;
            }
        }
#pragma warning disable CA1031 // A failing condition yields the rule's fail-safe outcome, as below.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogRuleFailed(ex, rule.Id, input.Call.ToolName);
        }

        DecisionEffect? effect = rule.OnError switch
        {
            FailureMode.Auto => rule.Effect == DecisionEffect.Allow ? null : rule.Effect,
            _ => FailureEffect(rule.OnError, policy, input.Tags, input.Risk),
        };

        if (effect is { } contributed)
        {
            accumulator.AddFailure(rule.Id, contributed, $"rule '{rule.Id}' could not read the arguments: {input.Call.Arguments.Error}");
        }
    }

    private RiskLevel RunClassifiers(ToolCallEvent toolCall, GuardContext context, CompiledPolicy policy, ref List<string>? classified, RiskLevel risk, ref DecisionAccumulator accumulator)
    {
        // Classifiers add to a pooled scratch list; only tags actually added are copied out, so most calls allocate nothing.
        var scratch = _tagLists.Rent();
        try
        {
            foreach (var classifier in _classifiers)
            {
                try
                {
                    var assigned = classifier.Classify(toolCall, context, scratch);
                    risk = assigned > risk ? assigned : risk;
                }
#pragma warning disable CA1031 // A failing classifier yields the fail-safe outcome.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    var id = "classifier:" + classifier.GetType().Name;
                    var tags = new TagView([], toolCall.Tags, scratch);
                    AddFailure(ref accumulator, id, policy.OnError, policy, tags, risk, $"classifier '{classifier.GetType().Name}' failed: {ex.GetType().Name}");
                    LogRuleFailed(ex, id, toolCall.ToolName);
                }
            }

            classified = scratch.Count == 0 ? null : [.. scratch];
        }
        finally
        {
            _tagLists.Return(scratch);
        }

        return risk;
    }

    private async ValueTask<Decision> EvaluateCodePoliciesAsync(
        CompiledPolicy policy,
        ToolCallEvent toolCall,
        GuardContext context,
        TagView tags,
        RiskLevel risk,
        ISessionView session,
        DecisionAccumulator accumulator,
        EvaluationTrace trace,
        CancellationToken cancellationToken)
    {
        SessionSnapshot snapshot;
        SessionStoreUnavailableException? unavailable = null;
        try
        {
            snapshot = session.Snapshot();
        }
        catch (SessionStoreUnavailableException ex)
        {
            snapshot = SessionSnapshot.Empty;
            unavailable = ex;
        }

        var evaluationContext = new PolicyEvaluationContext(toolCall, context, tags.ToArray(), risk, snapshot);
        foreach (var codePolicy in _codePolicies)
        {
            if (unavailable is not null)
            {
                // Code policies may read the session; without it they cannot decide, so each contributes its fail-safe outcome.
                var failed = unavailable.FailureMode ?? (codePolicy.OnError == FailureMode.Auto ? policy.OnError : codePolicy.OnError);
                AddFailure(ref accumulator, codePolicy.Id, failed, policy, tags, risk, $"policy '{codePolicy.Id}' failed: {nameof(SessionStoreUnavailableException)}");
                continue;
            }

            var timeout = codePolicy.Timeout ?? policy.EvaluationTimeout;
            try
            {
                using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                // On the thread pool, so a policy that blocks synchronously cannot hold the call past its budget; an
                // answer that arrives late is never read. The budget counts from when the policy starts, so a busy
                // pool does not time out policies that never ran; waiting for the pool is bounded separately.
                var policyToken = linked.Token;
                var running = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                var evaluation = Task.Run(
                    () =>
                    {
                        running.TrySetResult();
                        return codePolicy.EvaluateAsync(evaluationContext, policyToken).AsTask();
                    },
                    CancellationToken.None);
                _ = evaluation.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
                await running.Task.WaitAsync(CodePolicySchedulingBudget, _time, cancellationToken).ConfigureAwait(false);
                linked.CancelAfter(timeout);
                var verdict = await evaluation.WaitAsync(timeout, _time, cancellationToken).ConfigureAwait(false);
                if (verdict.Effect is { } effect)
                {
                    accumulator.AddVerdict(codePolicy.Id, effect, verdict.Reason, verdict.Alert);
                }
                else if (verdict.Alert)
                {
                    accumulator.AddVerdict(codePolicy.Id, DecisionEffect.Allow, verdict.Reason, alert: true);
                }
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                var mode = codePolicy.OnError == FailureMode.Auto ? policy.OnError : codePolicy.OnError;
                var what = ex is TimeoutException or OperationCanceledException ? $"exceeded its time budget of {timeout.TotalMilliseconds:0} ms" : $"failed: {ex.GetType().Name}";
                AddFailure(ref accumulator, codePolicy.Id, mode, policy, tags, risk, $"policy '{codePolicy.Id}' {what}");
                LogRuleFailed(ex, codePolicy.Id, toolCall.ToolName);
            }
        }

        return Complete(policy, toolCall, context, tags, risk, session, _time.GetUtcNow(), ref accumulator, trace);
    }

    private Decision Complete(CompiledPolicy policy, ToolCallEvent toolCall, GuardContext context, TagView tags, RiskLevel risk, ISessionView session, DateTimeOffset now, ref DecisionAccumulator accumulator, EvaluationTrace trace)
    {
        var decision = Decide(policy, toolCall, tags, ref accumulator);
        if (decision.PolicyEffect != DecisionEffect.Allow && policy.ExplainingRules.Length > 0 && decision.RuleIds.Count > 0)
        {
            decision = Explain(policy, decision, toolCall, context, tags, risk, session, now);
        }

        var effectiveTags = tags.ToArray();
        if (session.SessionId is not null || _sessions.ReadsAhead)
        {
            // The candidates' instances of the name and source (ordinally equal to the call's: they are the set's key)
            // are the same strings for every call of the tool, so the store keeps one copy without hashing them again.
            var candidates = accumulator.Candidates;
            session.Record(SessionKeys.Bound(candidates?.ToolName ?? toolCall.ToolName)!, toolCall.Kind, SessionKeys.Bound(candidates is null ? toolCall.Source : candidates.Source), effectiveTags, decision.PolicyEffect, now, SessionKeys.Bound(toolCall.CallId));
        }

        if (trace.Batch is { } batch)
        {
            // One part of a batch: recorded in the session like any call, audited once with the whole batch.
            batch.Session = session;
            return decision;
        }

        if (trace.Recheck && decision.Effect != DecisionEffect.Deny)
        {
            // A re-check that lets the approved call run, or asks again, is not a decision of its own.
            return decision;
        }

        _auditor.Audit(policy, decision, toolCall, context, effectiveTags, trace.Started, trace.Activity, session.SessionId is null ? null : session);
        return decision;
    }

    /// <summary>Adds what the deciding rules can say about this call only (where a value came from); off the allow path.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private Decision Explain(CompiledPolicy policy, Decision decision, ToolCallEvent toolCall, GuardContext context, TagView tags, RiskLevel risk, ISessionView session, DateTimeOffset now)
    {
        var input = new EvaluationInput(toolCall, context, tags, risk, session, now, _resolvers, _roles);
        List<string>? evidence = null;
        foreach (var rule in policy.ExplainingRules)
        {
            if (rule.Effect != decision.PolicyEffect || !decision.RuleIds.Contains(rule.Id, StringComparer.OrdinalIgnoreCase))
            {
                continue;
            }

            try
            {
                rule.Explain(in input, evidence ??= []);
            }
#pragma warning disable CA1031 // Evidence is for operators; failing to gather it never changes or breaks the decision.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogRuleFailed(ex, rule.Id, input.Call.ToolName);
            }
        }

        return evidence is { Count: > 0 } ? decision with { Evidence = [.. decision.Evidence, .. evidence] } : decision;
    }

    private static Decision Decide(CompiledPolicy policy, ToolCallEvent toolCall, TagView tags, ref DecisionAccumulator accumulator)
    {
        if (accumulator.Plan is { } plan)
        {
            // The plan's rules alone decided: the same answers of its dynamic rules make the same decision.
            if (plan.DecisionFor(accumulator.Answers) is { } kept)
            {
                return kept;
            }

            var made = DecideByRules(policy, toolCall, tags, ref accumulator);
            plan.Keep(accumulator.Answers, made);
            return made;
        }

        return DecideByRules(policy, toolCall, tags, ref accumulator);
    }

    private static Decision DecideByRules(CompiledPolicy policy, ToolCallEvent toolCall, TagView tags, ref DecisionAccumulator accumulator)
    {
        var decided = accumulator.Effect ?? policy.DefaultEffect;
        if (accumulator.Effect is null && policy.DefaultEffect == DecisionEffect.Allow && !accumulator.Alert)
        {
            return policy.DefaultAllow;
        }

        if (accumulator.IsSingleRule && accumulator.SingleRule is { AllowDecision: { } allowed } && decided == DecisionEffect.Allow && !accumulator.Alert)
        {
            return allowed;
        }

        return DecideShared(policy, toolCall, tags, ref accumulator, decided);
    }

    /// <summary>A decision by several rules, by a restricting rule, by the default or with a failure.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Decision DecideShared(CompiledPolicy policy, ToolCallEvent toolCall, TagView tags, ref DecisionAccumulator accumulator, DecisionEffect decided)
    {
        // Rules alone decided (or the default): the same rules decide the same way for every call of this tool with
        // these tags, so the decision is made once and shared.
        var candidates = accumulator.Candidates;
        DecisionKey key = default;
        var cacheable = candidates is not null && accumulator.TryKey(decided, out key);
        if (cacheable && candidates!.TryGetDecision(in key, out var cached))
        {
            return cached;
        }

        var decision = Make(policy, toolCall, tags, ref accumulator);
        if (cacheable)
        {
            candidates!.Remember(in key, decision);
        }

        return decision;
    }

    private static Decision Make(CompiledPolicy policy, ToolCallEvent toolCall, TagView tags, ref DecisionAccumulator accumulator)
    {
        if (accumulator.Effect is not { } effect)
        {
            var reason = $"no rule matched; the default is {policy.DefaultEffect}";
            if (accumulator.FailuresGrantingNothing.Count > 0)
            {
                reason += "; " + string.Join("; ", accumulator.FailuresGrantingNothing);
            }

            return Build(policy, toolCall, policy.DefaultEffect, [], reason, [], null, accumulator.Alert, accumulator.IsFailureDecided(policy.DefaultEffect), false, tags);
        }

        if (accumulator.IsSingleRule && accumulator.SingleRule is { } single)
        {
            // One rule decided: every part of the decision but the model message is cached on the rule.
            return Build(policy, toolCall, effect, single.RuleIds, single.DecidingReason, single.Evidence, single.Message, accumulator.Alert, false, single.StopAgent, tags);
        }

        var (ids, reasons, evidence, first, stop) = accumulator.Deciding(effect);
        var isFailure = accumulator.IsFailureDecided(effect);
        // Arrays, not the lists: the decision may be cached and shared, so nothing that holds it can change them.
        return Build(policy, toolCall, effect, [.. ids], string.Join("; ", reasons), [.. evidence], first?.Message, accumulator.Alert, isFailure, stop, tags);
    }

    private static Decision Build(CompiledPolicy policy, ToolCallEvent toolCall, DecisionEffect effect, IReadOnlyList<string> ids, string reason, IReadOnlyList<string> evidence, string? message, bool alert, bool isFailure, bool stop, TagView tags)
    {
        var decision = new Decision
        {
            Effect = effect,
            PolicyEffect = effect,
            RuleIds = ids,
            Reason = reason,
            Evidence = evidence,
            ModelMessage = effect == DecisionEffect.Allow ? string.Empty : message ?? ModelMessages.For(effect, isFailure, toolCall.ToolName, policy.NameToolInModelMessage),
            Alert = alert || isFailure,
            IsFailure = isFailure,
            Terminate = stop && effect == DecisionEffect.Deny,
            Tags = tags.ToArray(),
        };
        return policy.AuditOnly ? decision.Shadowed() : decision;
    }

    /// <summary>
    /// A failing rule, classifier or code policy contributes its fail-safe outcome. Under <c>Auto</c> the outcome for a
    /// call that is not risky is an alert only: it grants nothing, so the rules and the default still decide (a rule that
    /// runs out of time cannot allow what the default denies). An explicit <c>AllowWithAlert</c> is the operator's choice
    /// to let the call through and contributes an allow.
    /// </summary>
    private static void AddFailure(ref DecisionAccumulator accumulator, string id, FailureMode mode, CompiledPolicy policy, TagView tags, RiskLevel risk, string reason)
    {
        var effect = FailureEffect(mode, policy, tags, risk);
        if (mode == FailureMode.Auto && effect == DecisionEffect.Allow)
        {
            accumulator.AddFailureGrantingNothing(reason);
            return;
        }

        accumulator.AddFailure(id, effect, reason);
    }

    private static DecisionEffect FailureEffect(FailureMode mode, CompiledPolicy policy, TagView tags, RiskLevel risk) => mode switch
    {
        FailureMode.Deny => DecisionEffect.Deny,
        FailureMode.RequireApproval => DecisionEffect.RequireApproval,
        FailureMode.AllowWithAlert => DecisionEffect.Allow,
        _ => policy.IsRisky(tags, risk) ? DecisionEffect.Deny : DecisionEffect.Allow,
    };

    [LoggerMessage(1004, LogLevel.Error, "Evaluating '{RuleId}' for tool '{ToolName}' failed; its fail-safe outcome applies.")]
    private partial void LogRuleFailed(Exception exception, LogText ruleId, LogText toolName);

    [LoggerMessage(1005, LogLevel.Warning, "Arguments of tool '{ToolName}' could not be read ({Problem}); the fail-safe outcome applies.")]
    private partial void LogMalformedArguments(LogText toolName, LogText problem);
}
