namespace AgentGuard.Policies;

/// <summary><c>When.DataTags</c>: one of the tags is on the call, on the session context, or among the session's labels.</summary>
internal sealed class DataTagsCondition(string[] tags, string evidence) : Condition
{
    public override string Evidence => evidence;

    public override bool IsMet(in EvaluationInput input)
        => input.Tags.ContainsAny(tags) || AnyIn(input.Context.DataTags, tags) || input.Session.HasAnyLabel(tags);

    public override void DeclareReads(in EvaluationInput input, SessionReads reads) => reads.Labels = true;
}
