namespace AgentGuard.Policies;

/// <summary><c>When.DataTags</c>: one of the tags is on the call, on the session context, or among the session's labels.</summary>
internal sealed class DataTagsCondition(string[] tags) : Condition
{
    private string? _evidence;

    /// <summary>Built when first asked for, not at load.</summary>
    public override string Evidence => _evidence ??= $"data tag any of [{string.Join(",", tags)}]";

    public override bool IsMet(in EvaluationInput input)
        => input.Tags.ContainsAny(tags) || AnyIn(input.Context.DataTags, tags) || input.Session.HasAnyLabel(tags);

    public override void DeclareReads(in EvaluationInput input, SessionReads reads) => reads.Labels = true;
}
