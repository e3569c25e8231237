namespace AgentGuard.Cli.Replay;

/// <summary>One call whose decision differs between two policies (or between the record and a policy).</summary>
internal sealed record DecisionChange(AuditEntry Entry, DecisionEffect From, IReadOnlyList<string> FromRules, DecisionEffect To, IReadOnlyList<string> ToRules, string? Caveat)
{
    /// <summary>The rule the change is attributed to: the new deciding rule when the call got stricter, the old one when it got more lenient.</summary>
    public string Rule
    {
        get
        {
            var rules = To < From ? ToRules : To > From ? FromRules : ToRules.Count > 0 ? ToRules : FromRules;
            return rules.Count == 0 ? "(default)" : string.Join(",", rules);
        }
    }
}
