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

    /// <summary>The rule as configuration JSON (what <see cref="ToOptions"/> binds from), writing only the fields set.</summary>
    public System.Text.Json.Nodes.JsonObject ToJson()
    {
        var match = new System.Text.Json.Nodes.JsonObject();
        Add(match, "Tools", Tools);
        Add(match, "Sources", Sources);
        Add(match, "Kinds", [.. Kinds.Select(k => k.ToString())]);
        Add(match, "Tags", Tags);
        var when = new System.Text.Json.Nodes.JsonObject();
        Add(when, "Teams", Teams);
        Add(when, "Environments", Environments);
        if (Groups.Length > 0)
        {
            var user = new System.Text.Json.Nodes.JsonObject();
            Add(user, "Groups", Groups);
            when["User"] = user;
        }

        if (Recipient is not null)
        {
            when["Arguments"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject { ["Path"] = "$.to", ["Regex"] = $"^[^@]+@{Recipient}\\.example$" });
        }

        var rule = new System.Text.Json.Nodes.JsonObject { ["Id"] = Id, ["Effect"] = Effect.ToString(), ["Reason"] = $"generated rule {Id}", ["Match"] = match };
        if (when.Count > 0)
        {
            rule["When"] = when;
        }

        return rule;

        static void Add(System.Text.Json.Nodes.JsonObject node, string name, string[] values)
        {
            if (values.Length > 0)
            {
                node[name] = new System.Text.Json.Nodes.JsonArray([.. values.Select(v => (System.Text.Json.Nodes.JsonNode?)v)]);
            }
        }
    }

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
