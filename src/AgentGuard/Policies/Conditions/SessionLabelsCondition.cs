namespace AgentGuard.Policies;

/// <summary><c>When.SessionLabels</c>: the session has accumulated one of the labels.</summary>
internal sealed class SessionLabelsCondition(string[] labels) : Condition
{
    /// <summary>The labels the rule asks about (for <see cref="CompiledPolicy.TagsThatLabel"/>).</summary>
    public string[] Labels => labels;

    private string? _evidence;

    /// <summary>Built when first asked for, not at load.</summary>
    public override string Evidence => _evidence ??= $"session label any of [{string.Join(",", labels)}]";

    public override bool IsMet(in EvaluationInput input) => input.Session.HasAnyLabel(labels);

    public override void DeclareReads(in EvaluationInput input, SessionReads reads) => reads.Labels = true;
}
