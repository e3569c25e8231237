using System.Runtime.CompilerServices;

namespace AgentGuard.Policies;

/// <summary>A validated, immutable rule: its match as fast tests, its conditions ordered cheapest first.</summary>
internal sealed class CompiledRule
{
    /// <summary>How many <see cref="ContextDimension"/>s there are (the last one's number plus one).</summary>
    private const int Dimensions = (int)ContextDimension.Group + 1;

    private readonly int _kindMask;
    private readonly string[]?[] _requires;
    private string[]? _evidence;
    private Decision? _allowDecision;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public CompiledRule(
        int index,
        string id,
        DecisionEffect effect,
        string? reason,
        string? message,
        bool alert,
        bool stopAgent,
        FailureMode onError,
        GlobSet tools,
        IReadOnlyList<ToolKind> kinds,
        GlobSet sources,
        string[] tags,
        RiskLevel minRisk,
        Condition[] conditions)
    {
        Index = index;
        Id = id;
        Effect = effect;
        Reason = reason;
        Message = message;
        Alert = alert;
        StopAgent = stopAgent;
        OnError = onError;
        Tools = tools;
        foreach (var kind in kinds)
        {
            _kindMask |= 1 << (int)kind;
        }

        Sources = sources;
        Tags = tags;
        MinRisk = minRisk;
        Conditions = InEvaluationOrder(conditions);
        var beyondGate = Array.FindAll(Conditions, c => !RuleGate.Covers(c));
        ConditionsBeyondGate = beyondGate.Length == Conditions.Length ? Conditions : beyondGate.Length == 0 ? [] : beyondGate;
        ReadsArguments = Array.Exists(Conditions, c => c.ReadsArguments);
        ExplainsAtRunTime = Array.Exists(Conditions, c => c.ExplainsAtRunTime);
        RuleIds = [id];
        _requires = new string[]?[Dimensions];
        foreach (var condition in Conditions)
        {
            switch (condition)
            {
                case ContextValueCondition { Of: ContextValueCondition.Field.Team } team:
                    _requires[(int)ContextDimension.Team] = team.Values;
                    break;
                case ContextValueCondition { Of: ContextValueCondition.Field.Environment } environment:
                    _requires[(int)ContextDimension.Environment] = environment.Values;
                    break;
                case ContextValueCondition { Of: ContextValueCondition.Field.Agent } agent:
                    _requires[(int)ContextDimension.Agent] = agent.Values;
                    break;
                case UserCondition user:
                    _requires[(int)ContextDimension.UserId] = user.Ids.Length > 0 ? user.Ids : null;
                    _requires[(int)ContextDimension.Group] = user.Groups.Length > 0 ? user.Groups : null;
                    break;
            }
        }
    }

    /// <summary>
    /// The values of <paramref name="dimension"/> one of which a call's session must have for the rule to hold (its
    /// conditions test exactly that, ignoring case); null when the rule does not constrain it. For the rule index.
    /// </summary>
    public string[]? Requires(ContextDimension dimension) => _requires[(int)dimension];

    public int Index { get; }

    public string Id { get; }

    public DecisionEffect Effect { get; }

    public string? Reason { get; }

    public string? Message { get; }

    public bool Alert { get; }

    public bool StopAgent { get; }

    public FailureMode OnError { get; }

    public GlobSet Tools { get; }

    public GlobSet Sources { get; }

    public string[] Tags { get; }

    public RiskLevel MinRisk { get; }

    public Condition[] Conditions { get; }

    /// <summary>The conditions a <see cref="RuleGate"/> does not decide by itself, in the same order.</summary>
    public Condition[] ConditionsBeyondGate { get; }

    /// <summary>True when a condition reads the arguments: unreadable arguments then yield the rule's <c>OnError</c> outcome.</summary>
    public bool ReadsArguments { get; }

    /// <summary>
    /// What the rule tests, one line per part (its match, then each condition), made on first use: most rules of a large
    /// policy never decide a call, so a load does not build (or keep) text for them. Every caller sees equal lines.
    /// </summary>
    public string[] Evidence => Volatile.Read(ref _evidence) ?? Publish(ref _evidence, DescribeAll());

    /// <summary>True when a condition adds evidence about the call once the rule decided it (see <see cref="Condition.Explain"/>).</summary>
    public bool ExplainsAtRunTime { get; }

    /// <summary>Evidence about this call from the conditions that give it.</summary>
    public void Explain(in EvaluationInput input, List<string> evidence)
    {
        foreach (var condition in Conditions)
        {
            if (condition.ExplainsAtRunTime)
            {
                condition.Explain(in input, evidence);
            }
        }
    }

    /// <summary>A cached one-element id list, so decisions by this rule alone allocate none.</summary>
    public string[] RuleIds { get; }

    /// <summary>The operator reason when this rule alone decides.</summary>
    public string DecidingReason => Reason ?? $"rule '{Id}' matched";

    /// <summary>
    /// The decision when this rule alone allows a call (null for a rule that does not allow), made on first use and then
    /// shared by every call it decides alone, so such a decision allocates nothing.
    /// </summary>
    public Decision? AllowDecision => Effect != DecisionEffect.Allow ? null : Volatile.Read(ref _allowDecision) ?? Publish(ref _allowDecision, new Decision
    {
        Effect = DecisionEffect.Allow,
        PolicyEffect = DecisionEffect.Allow,
        RuleIds = RuleIds,
        Reason = Reason ?? $"allowed by rule '{Id}'",
        Evidence = Evidence,
    });

    /// <summary>True when the rule names kinds (for explanations).</summary>
    public bool HasKinds => _kindMask != 0;

    /// <summary>The kinds the rule names, comma-separated (for explanations).</summary>
    public string KindsText => string.Join(",", Enum.GetValues<ToolKind>().Where(MatchesKind));

    /// <summary>True when the rule names kinds and no tool, source or tag (the index files it by kind).</summary>
    public bool IsKeyedByKindOnly => _kindMask != 0 && Tools.IsEmpty && Sources.IsEmpty && Tags.Length == 0;

    /// <summary>True when the rule names no kind or names <paramref name="kind"/>.</summary>
    public bool MatchesKind(ToolKind kind) => _kindMask == 0 || (_kindMask & (1 << (int)kind)) != 0;

    /// <summary>Name, kind and source: what does not change between calls of the same tool.</summary>
    public bool MatchesStatic(string toolName, ToolKind kind, string? source)
        => (_kindMask == 0 || (_kindMask & (1 << (int)kind)) != 0)
            && (Tools.IsEmpty || Tools.IsMatch(toolName) || Tools.IsMatchQualified(source, toolName))
            && (Sources.IsEmpty || Sources.IsMatch(source));

    public bool RequiresAnyTagIn(string[] tags)
    {
        foreach (var tag in Tags)
        {
            foreach (var other in tags)
            {
                if (string.Equals(tag, other, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>True when every condition holds. May throw (a regex time-out): the engine applies <see cref="OnError"/>.</summary>
    public bool ConditionsHold(in EvaluationInput input)
    {
        foreach (var condition in Conditions)
        {
            if (!condition.IsMet(input))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// True when every condition holds, for a call the rule's <see cref="RuleGate"/> admitted: the conditions the gate
    /// decided are not evaluated again. May throw, as <see cref="ConditionsHold"/>.
    /// </summary>
    public bool ConditionsBeyondGateHold(in EvaluationInput input)
    {
        foreach (var condition in ConditionsBeyondGate)
        {
            if (!condition.IsMet(input))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Declares what the conditions will read from the session store (for stores that fetch ahead).</summary>
    public void DeclareReads(in EvaluationInput input, SessionReads reads)
    {
        foreach (var condition in Conditions)
        {
            condition.DeclareReads(in input, reads);
        }
    }

    /// <summary>True when every condition that does not read the arguments holds (used when the arguments are unreadable).</summary>
    public bool ConditionsOtherThanArgumentsHold(in EvaluationInput input)
    {
        foreach (var condition in Conditions)
        {
            if (!condition.ReadsArguments && !condition.IsMet(input))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Keeps <paramref name="made"/> unless another thread kept one first; returns the one kept (all callers then share it).</summary>
    private static T Publish<T>(ref T? slot, T made)
        where T : class
        => Interlocked.CompareExchange(ref slot, made, null) ?? made;

    private string[] DescribeAll()
    {
        var evidence = new List<string>(5 + Conditions.Length);
        DescribeMatch(evidence);
        foreach (var condition in Conditions)
        {
            evidence.Add(condition.Evidence);
        }

        return [.. evidence];
    }

    private void DescribeMatch(List<string> evidence)
    {
        if (!Tools.IsEmpty)
        {
            evidence.Add($"tool in [{Tools}]");
        }

        if (_kindMask != 0)
        {
            evidence.Add($"kind in [{string.Join(",", Enum.GetValues<ToolKind>().Where(k => (_kindMask & (1 << (int)k)) != 0))}]");
        }

        if (!Sources.IsEmpty)
        {
            evidence.Add($"source in [{Sources}]");
        }

        if (Tags.Length > 0)
        {
            evidence.Add($"tag in [{string.Join(",", Tags)}]");
        }

        if (MinRisk > RiskLevel.Unknown)
        {
            evidence.Add($"risk >= {MinRisk}");
        }
    }

    /// <summary>The conditions by <see cref="Condition.Order"/>, keeping the written order among equals (a stable insertion sort: a rule has a few).</summary>
    private static Condition[] InEvaluationOrder(Condition[] conditions)
    {
        if (conditions.Length == 0)
        {
            return [];
        }

        var sorted = (Condition[])conditions.Clone();
        for (var i = 1; i < sorted.Length; i++)
        {
            var item = sorted[i];
            var j = i - 1;
            while (j >= 0 && sorted[j].Order > item.Order)
            {
                sorted[j + 1] = sorted[j];
                j--;
            }

            sorted[j + 1] = item;
        }

        return sorted;
    }
}
