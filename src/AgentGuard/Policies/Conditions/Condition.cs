namespace AgentGuard.Policies;

/// <summary>One compiled test of a rule's <c>When</c>. Conditions are immutable and shared by all calls.</summary>
internal abstract class Condition
{
    /// <summary>What the condition checks, for a decision's evidence, e.g. <c>user.external=true</c>.</summary>
    public abstract string Evidence { get; }

    /// <summary>Conditions run cheapest first; stateful ones (rate limits) last, so they count only calls that got that far.</summary>
    public virtual int Order => 0;

    /// <summary>
    /// True when the condition reads the call's arguments. When the arguments cannot be read (malformed, too large, too
    /// deep), such a condition cannot be decided and the rule contributes its <c>OnError</c> outcome instead.
    /// </summary>
    public virtual bool ReadsArguments => false;

    /// <summary>True when the condition holds for the call.</summary>
    public abstract bool IsMet(in EvaluationInput input);

    /// <summary>Declares what <see cref="IsMet"/> will read from the session, so a remote store can fetch it in one round trip.</summary>
    public virtual void DeclareReads(in EvaluationInput input, SessionReads reads)
    {
    }

    /// <summary>True when <see cref="Explain"/> adds evidence only the call itself can give (e.g. where a value came from).</summary>
    public virtual bool ExplainsAtRunTime => false;

    /// <summary>
    /// Adds evidence about this call to <paramref name="evidence"/>, once the rule decided a call it did not allow. Off
    /// the allow path, so it may take its time; it never names argument values (the audit trail may leave the process).
    /// </summary>
    public virtual void Explain(in EvaluationInput input, List<string> evidence)
    {
    }

    /// <summary>Case-insensitive membership in a small array, without allocating.</summary>
    protected static bool In(string? value, string[] set)
    {
        if (value is null)
        {
            return false;
        }

        foreach (var item in set)
        {
            if (string.Equals(item, value, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when any of <paramref name="values"/> is in <paramref name="set"/>.</summary>
    protected static bool AnyIn(IReadOnlyList<string> values, string[] set)
    {
        if (values is string[] array)
        {
            // The usual case (groups, roles and tags given as arrays): no interface call per item.
            foreach (var value in array)
            {
                if (In(value, set))
                {
                    return true;
                }
            }

            return false;
        }

        for (var i = 0; i < values.Count; i++)
        {
            if (In(values[i], set))
            {
                return true;
            }
        }

        return false;
    }
}
