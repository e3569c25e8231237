namespace AgentGuard.Policies;

/// <summary><c>When.SessionLabels</c>: the session has accumulated one of the labels.</summary>
internal sealed class SessionLabelsCondition(string[] labels, string evidence) : Condition
{
    public override string Evidence => evidence;

    public override bool IsMet(in EvaluationInput input) => input.Session.HasAnyLabel(labels);

    public override void DeclareReads(in EvaluationInput input, SessionReads reads) => reads.Labels = true;
}
