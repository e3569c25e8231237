namespace AgentGuard.Benchmarks.PolicySize;

/// <summary>One generated call with the decision the reference evaluator gives it.</summary>
internal sealed record GeneratedRequest(ToolCallEvent Call, GuardContext Context, DecisionEffect Expected, string[] ExpectedRuleIds);

/// <summary>
/// A generated policy shaped like a large real one (issue 19): tools on MCP servers, rules keyed by server, tool, team,
/// environment, user group, tag and recipient pattern; default deny. With it, 700 calls the reference allows and 300 it
/// denies or sends for approval. Deterministic for a size: the same seed gives the same rules and calls.
/// </summary>
internal sealed class GeneratedPolicy
{
    private static readonly string[] Verbs =
    [
        "search", "read", "write", "list", "get", "create", "update", "delete", "send", "query", "fetch", "upload", "download",
        "share", "comment", "approve", "merge", "deploy", "restart", "export", "import", "schedule", "invite", "archive",
        "tag", "move", "copy", "rename", "lock", "unlock", "sign", "pay", "refund", "transfer", "notify", "publish", "scan",
        "summarise", "translate", "index",
    ];

    private static readonly string[] Environments = ["dev", "staging", "prod"];

    private GeneratedPolicy(AgentGuardOptions options, IReadOnlyList<RuleSpec> rules, PolicyReference reference, GeneratedRequest[] allowed, GeneratedRequest[] restricted)
    {
        Options = options;
        RuleSpecs = rules;
        Reference = reference;
        Allowed = allowed;
        Restricted = restricted;
    }

    public AgentGuardOptions Options { get; }

    public IReadOnlyList<RuleSpec> RuleSpecs { get; }

    /// <summary>The policy as an <c>appsettings.json</c> would hold it.</summary>
    /// <param name="varied">
    /// Every 97th rule also carries a <c>Message</c> (a setting no other rule of its layout has, which changes no
    /// decision): a policy whose rules are not all of the layouts of the rules before them.
    /// </param>
    public string ToJson(bool varied = false)
    {
        var rules = new System.Text.Json.Nodes.JsonArray([.. RuleSpecs.Select((r, i) =>
        {
            var rule = r.ToJson();
            if (varied && i % 97 == 96)
            {
                rule["Message"] = $"message of rule {i}";
            }

            return (System.Text.Json.Nodes.JsonNode)rule;
        })]);
        var root = new System.Text.Json.Nodes.JsonObject
        {
            ["AgentGuard"] = new System.Text.Json.Nodes.JsonObject { ["DefaultDecision"] = Options.DefaultDecision, ["Rules"] = rules },
        };
        return root.ToJsonString();
    }

    public PolicyReference Reference { get; }

    /// <summary>700 calls the reference allows.</summary>
    public GeneratedRequest[] Allowed { get; }

    /// <summary>300 calls the reference denies or sends for approval.</summary>
    public GeneratedRequest[] Restricted { get; }

    public static GeneratedPolicy Create(int ruleCount, int allowed = 700, int restricted = 300, int seed = 19)
    {
        var random = new Random(seed + ruleCount);
        var shape = new Shape(ruleCount);
        var options = new AgentGuardOptions { DefaultDecision = "Deny" };
        var specs = new List<RuleSpec>(ruleCount);
        for (var i = 0; i < ruleCount; i++)
        {
            var spec = shape.Rule(random, i);
            specs.Add(spec);
            options.Rules.Add(spec.ToOptions());
        }

        var reference = new PolicyReference(specs);
        var allow = new List<GeneratedRequest>(allowed);
        var restrict = new List<GeneratedRequest>(restricted);
        var attempts = 0;
        while ((allow.Count < allowed || restrict.Count < restricted) && attempts++ < 200 * (allowed + restricted))
        {
            // Most calls aim at one rule (so they exercise it); some at nothing in particular (the default applies).
            var request = random.Next(10) < 8 ? shape.RequestFor(random, specs[random.Next(specs.Count)], attempts) : shape.RandomRequest(random, attempts);
            var (effect, ids) = reference.Decide(request.Call, request.Context);
            var target = effect == DecisionEffect.Allow ? allow : restrict;
            if (target.Count < (effect == DecisionEffect.Allow ? allowed : restricted))
            {
                target.Add(request with { Expected = effect, ExpectedRuleIds = ids });
            }
        }

        if (allow.Count < allowed || restrict.Count < restricted)
        {
            throw new InvalidOperationException($"generator found only {allow.Count} allowed and {restrict.Count} restricted calls for {ruleCount} rules");
        }

        return new GeneratedPolicy(options, specs, reference, [.. allow], [.. restrict]);
    }

    /// <summary>How many servers, teams, groups and tags a policy of a given size spreads its rules over.</summary>
    private sealed class Shape(int rules)
    {
        private readonly int _servers = Math.Max(2, rules / 20);
        private readonly int _teams = Math.Max(4, rules / 50);
        private readonly int _groups = Math.Max(6, rules / 25);
        private readonly int _tags = Math.Max(4, rules / 50);
        private readonly int _partners = Math.Max(3, rules / 100);

        public RuleSpec Rule(Random random, int i)
        {
            var server = random.Next(_servers);
            var id = $"r{i}";
            var roll = random.Next(100);
            return roll switch
            {
                < 35 => new RuleSpec(id, DecisionEffect.Allow) { Tools = [Tool(server, random.Next(5))], Sources = [Server(server)], Teams = [Team(random)], Environments = [Env(random)] },
                < 50 => new RuleSpec(id, DecisionEffect.Allow) { Sources = [Server(server)], Kinds = [ToolKind.McpTool], Groups = [Group(random), Group(random)], Environments = [Env(random)] },
                < 60 => new RuleSpec(id, DecisionEffect.Allow) { Tags = [Tag(random)], Teams = [Team(random)] },
                < 70 => new RuleSpec(id, DecisionEffect.Deny) { Tools = [Tool(server, random.Next(5))], Sources = [Server(server)], Environments = ["prod"], Groups = [Group(random)] },
                < 80 => new RuleSpec(id, DecisionEffect.RequireApproval) { Tools = [Tool(server, random.Next(5))], Sources = [Server(server)], Recipient = Partner(random) },
                < 88 => new RuleSpec(id, DecisionEffect.Deny) { Tags = [Tag(random)], Environments = [Env(random)] },
                < 92 => new RuleSpec(id, DecisionEffect.RequireApproval) { Sources = [$"{Server(server)}*"], Tools = ["*"], Teams = [Team(random)] },
                < 96 => new RuleSpec(id, DecisionEffect.Allow) { Tools = ["*"], Teams = [Team(random)], Groups = [Group(random)], Environments = ["dev"] },
                _ => new RuleSpec(id, DecisionEffect.Deny) { Tools = [Tool(server, random.Next(5))], Sources = [Server(server)], Tags = [Tag(random)], Teams = [Team(random)] },
            };
        }

        /// <summary>A call that satisfies <paramref name="rule"/>'s match and conditions; its other facts are random.</summary>
        public GeneratedRequest RequestFor(Random random, RuleSpec rule, int n)
        {
            var server = rule.Sources.Length > 0 ? rule.Sources[0].TrimEnd('*') : Server(random.Next(_servers));
            var tool = rule.Tools.Length > 0 && rule.Tools[0] != "*" ? rule.Tools[0] : Tool(ServerIndex(server), random.Next(5));
            var team = rule.Teams.Length > 0 ? rule.Teams[0] : Team(random);
            var env = rule.Environments.Length > 0 ? rule.Environments[0] : Env(random);
            string[] groups = rule.Groups.Length > 0 ? [rule.Groups[random.Next(rule.Groups.Length)], Group(random)] : [Group(random)];
            string[] tags = rule.Tags.Length > 0 ? [rule.Tags[0]] : random.Next(3) == 0 ? [Tag(random)] : [];
            var to = rule.Recipient is { } partner ? $"user{random.Next(100)}@{partner}.example" : random.Next(2) == 0 ? $"user{random.Next(100)}@{Partner(random)}.example" : null;
            return Request(server, tool, team, env, groups, tags, to, n);
        }

        public GeneratedRequest RandomRequest(Random random, int n)
        {
            var server = random.Next(_servers);
            string[] tags = random.Next(3) == 0 ? [Tag(random)] : [];
            return Request(Server(server), Tool(server, random.Next(5)), Team(random), Env(random), [Group(random)], tags, null, n);
        }

        private static GeneratedRequest Request(string server, string tool, string team, string env, string[] groups, string[] tags, string? to, int n)
        {
            var call = new ToolCallEvent(tool, ToolKind.McpTool)
            {
                Source = server,
                Tags = tags,
                Arguments = ToolArguments.FromJson(to is null ? """{"q":"quarterly report"}""" : $$"""{"to":"{{to}}","subject":"report"}"""),
                CallId = "c" + n,
            };
            var context = new GuardContext
            {
                SessionId = "session-" + (n % 50),
                Team = team,
                Environment = env,
                User = new GuardUser("user-" + (n % 200)) { Groups = groups },
            };
            return new GeneratedRequest(call, context, DecisionEffect.Deny, []);
        }

        private static int ServerIndex(string server) => int.Parse(server.AsSpan(3), System.Globalization.CultureInfo.InvariantCulture);

        private static string Server(int k) => $"srv{k}";

        private static string Tool(int server, int j) => Verbs[((server * 7) + (j * 3)) % Verbs.Length];

        private string Team(Random random) => $"team{random.Next(_teams)}";

        private static string Env(Random random) => Environments[random.Next(Environments.Length)];

        private string Group(Random random) => $"group{random.Next(_groups)}";

        private string Tag(Random random) => $"tag{random.Next(_tags)}";

        private string Partner(Random random) => $"partner{random.Next(_partners)}";
    }
}
