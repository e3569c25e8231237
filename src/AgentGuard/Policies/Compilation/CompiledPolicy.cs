using System.Collections.Frozen;

namespace AgentGuard.Policies;

/// <summary>An immutable, validated policy: what the engine evaluates. A reload builds a new one and swaps one reference.</summary>
internal sealed class CompiledPolicy
{
    public required bool AuditOnly { get; init; }

    public required DecisionEffect DefaultEffect { get; init; }

    public required FailureMode OnError { get; init; }

    public required TimeSpan EvaluationTimeout { get; init; }

    public required string[] RiskyTags { get; init; }

    public required bool NameToolInModelMessage { get; init; }

    public required ToolClassifier Tools { get; init; }

    public required IReadOnlyList<CompiledRule> Rules { get; init; }

    public required RuleIndex Index { get; init; }

    public required int MaxHistory { get; init; }

    public required TimeSpan IdleTimeout { get; init; }

    public required int MaxSessions { get; init; }

    /// <summary>All bounds on session memory (<c>Sessions</c> configuration and the rate-limit hits the rules need).</summary>
    public required SessionLimits SessionLimits { get; init; }

    public required ToolArgumentLimits ArgumentLimits { get; init; }

    public required AuditOptions Audit { get; init; }

    public required DetectionOptions Detection { get; init; }

    public required TimeSpan ApprovalTimeout { get; init; }

    /// <summary>The most an in-process approval may be remembered for in its session (<c>Approval:Remember</c>).</summary>
    public ApprovalMemory RememberApprovals { get; init; } = ApprovalMemory.SameCall;

    /// <summary>The options this policy was compiled from (the last good ones).</summary>
    public required AgentGuardOptions Options { get; init; }

    /// <summary>The shared decision for a call no rule matched, when the default is to allow. Cached: the allow path allocates nothing.</summary>
    public Decision DefaultAllow { get; } = new() { Effect = DecisionEffect.Allow, PolicyEffect = DecisionEffect.Allow, Reason = "no rule matched; the default applies" };

    /// <summary>Every tag some rule matches on or tests (Match.Tags, When.DataTags, When.Sequence.Tags).</summary>
    public required System.Collections.Frozen.FrozenSet<string> ReferencedTags { get; init; }

    /// <summary>True when a rule could react to <paramref name="tag"/>, so work that only produces it can be skipped otherwise.</summary>
    /// <remarks>
    /// The argument-secret classifier asks about <see cref="DetectionTags.SecretInArguments"/> on every call: that one
    /// answer is kept (the set never changes), so the call does not hash the tag again. Any other string, even an equal
    /// one, is looked up in the set.
    /// </remarks>
    public bool References(string tag)
        => ReferenceEquals(tag, DetectionTags.SecretInArguments) ? _secretInArguments ??= ReferencedTags.Contains(DetectionTags.SecretInArguments) : ReferencedTags.Contains(tag);

    private bool? _secretInArguments;

    /// <summary>The rules with a condition that explains a decision at run time (see <see cref="CompiledRule.ExplainsAtRunTime"/>).</summary>
    public CompiledRule[] ExplainingRules => field ??= [.. Rules.Where(r => r.ExplainsAtRunTime)];

    /// <summary>
    /// True when a rule of this policy or of a named one accepts a value a trusted result showed (<c>When.Provenance</c>
    /// from <c>trusted</c>): only then does the result hook remember the values the model handed over unvouched
    /// (<see cref="HandedValues"/>).
    /// </summary>
    public bool VouchesByTrustedResults => _vouchesByTrustedResults ??= Rules.Concat(Named.Values.SelectMany(n => n.Rules))
        .Any(r => Array.Exists(r.Conditions, c => c is ProvenanceCondition { AcceptsTrusted: true }));

    private bool? _vouchesByTrustedResults;

    /// <summary>
    /// True when a rule of this policy or of a named one accepts a correspondent the user names for a reply
    /// (<c>When.Provenance</c> from <c>correspondent</c>): only then does the result hook read a structured result's
    /// senders and recipients (<see cref="Provenance.Correspondents"/>).
    /// </summary>
    public bool VouchesByCorrespondents => _vouchesByCorrespondents ??= Rules.Concat(Named.Values.SelectMany(n => n.Rules))
        .Any(r => Array.Exists(r.Conditions, c => c is ProvenanceCondition { AcceptsCorrespondents: true }));

    private bool? _vouchesByCorrespondents;

    /// <summary>
    /// The tags whose calls label the session once they ran (<see cref="SessionLabels.RanPrefix"/>): those that a rule
    /// of this policy or of a named one asks about as <c>ran:&lt;tag&gt;</c> in <c>When.SessionLabels</c>. Empty: the
    /// result hook adds no such label.
    /// </summary>
    public System.Collections.Frozen.FrozenSet<string> TagsThatLabel => field ??= Rules.Concat(Named.Values.SelectMany(n => n.Rules))
        .SelectMany(r => r.Conditions.OfType<SessionLabelsCondition>())
        .SelectMany(c => c.Labels)
        .Where(l => l.StartsWith(SessionLabels.RanPrefix, StringComparison.OrdinalIgnoreCase) && l.Length > SessionLabels.RanPrefix.Length)
        .Select(l => l[SessionLabels.RanPrefix.Length..])
        .ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary><c>Inference:ExcludeTools</c>, compiled once per policy.</summary>
    public Glob[] InferenceExclusions => field ??= [.. Options.Inference.ExcludeTools.Where(g => !string.IsNullOrWhiteSpace(g)).Select(Glob.Create)];

    /// <summary>The named policy this is (<c>AgentGuard:Policies:&lt;name&gt;</c>); null for the top-level policy.</summary>
    public string? Name { get; private init; }

    /// <summary>The named policies, each the top-level policy with its own rules added; empty on a named policy itself.</summary>
    public System.Collections.Frozen.FrozenDictionary<string, CompiledPolicy> Named { get; set; } = System.Collections.Frozen.FrozenDictionary<string, CompiledPolicy>.Empty;

    /// <summary>Every rule of the configuration: the top-level ones and each named policy's own (for the reload guard).</summary>
    public int TotalRuleCount => Rules.Count + Named.Values.Sum(n => n.Rules.Count - Rules.Count);

    /// <summary>This policy with <paramref name="rules"/> (the top-level ones and the named policy's) and its own default.</summary>
    public CompiledPolicy ForNamed(string name, IReadOnlyList<CompiledRule> rules, DecisionEffect defaultEffect, System.Collections.Frozen.FrozenSet<string> referencedTags) => new()
    {
        Name = name,
        AuditOnly = AuditOnly,
        DefaultEffect = defaultEffect,
        OnError = OnError,
        EvaluationTimeout = EvaluationTimeout,
        RiskyTags = RiskyTags,
        NameToolInModelMessage = NameToolInModelMessage,
        Tools = Tools,
        Rules = rules,
        Index = new RuleIndex(rules, Tools),
        MaxHistory = MaxHistory,
        IdleTimeout = IdleTimeout,
        MaxSessions = MaxSessions,
        SessionLimits = SessionLimits,
        ArgumentLimits = ArgumentLimits,
        Audit = Audit,
        Detection = Detection,
        ApprovalTimeout = ApprovalTimeout,
        RememberApprovals = RememberApprovals,
        ReferencedTags = referencedTags,
        Options = Options,
    };

    public bool IsRisky(TagView tags, RiskLevel risk) => risk >= RiskLevel.High || tags.ContainsAny(RiskyTags);
}
