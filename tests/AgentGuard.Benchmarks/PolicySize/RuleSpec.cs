namespace AgentGuard.Benchmarks.PolicySize;

/// <summary>A generated rule: what the reference evaluator reads and what becomes <see cref="RuleOptions"/>.</summary>
internal sealed record RuleSpec(string Id, DecisionEffect Effect)
{
    public string[] Tools { get; init; } = [];

    public string[] Sources { get; init; } = [];

    public ToolKind[] Kinds { get; init; } = [];

    public string[] Tags { get; init; } = [];

    public string[] Teams { get; init; } = [];

    public string[] Environments { get; init; } = [];

    public string[] Groups { get; init; } = [];

    /// <summary>The recipient's domain label: the rule applies when <c>$.to</c> is an address at <c>&lt;label&gt;.example</c>.</summary>
    public string? Recipient { get; init; }

    public RuleOptions ToOptions()
    {
        var when = new WhenOptions { Teams = [.. Teams], Environments = [.. Environments] };
        if (Groups.Length > 0)
        {
            when.User = new UserConditionOptions { Groups = [.. Groups] };
        }

        if (Recipient is not null)
        {
            when.Arguments.Add(new ArgumentConditionOptions { Path = "$.to", Regex = $"^[^@]+@{Recipient}\\.example$" });
        }

        return new RuleOptions
        {
            Id = Id,
            Effect = Effect.ToString(),
            Reason = $"generated rule {Id}",
            Match = new MatchOptions { Tools = [.. Tools], Sources = [.. Sources], Kinds = [.. Kinds.Select(k => k.ToString())], Tags = [.. Tags] },
            When = when,
        };
    }
}
