using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace AgentGuard.Tests.Properties;

/// <summary>One generated rule: what the naive evaluator reads and what the configuration JSON says.</summary>
internal sealed record ReloadRule(string Id, DecisionEffect Effect)
{
    public string[] Tools { get; init; } = [];

    public string[] Sources { get; init; } = [];

    public bool McpOnly { get; init; }

    public string[] Tags { get; init; } = [];

    public string[] Teams { get; init; } = [];

    public string[] Environments { get; init; } = [];

    public string[] Groups { get; init; } = [];

    /// <summary>A pattern the value at <c>$.to</c> or <c>$.q</c> must match.</summary>
    public (string Path, string Pattern)? Argument { get; init; }

    public JsonObject ToJson()
    {
        var match = new JsonObject();
        Add(match, "Tools", Tools);
        Add(match, "Sources", Sources);
        Add(match, "Kinds", McpOnly ? ["McpTool"] : []);
        Add(match, "Tags", Tags);
        var when = new JsonObject();
        Add(when, "Teams", Teams);
        Add(when, "Environments", Environments);
        if (Groups.Length > 0)
        {
            var user = new JsonObject();
            Add(user, "Groups", Groups);
            when["User"] = user;
        }

        if (Argument is { } argument)
        {
            when["Arguments"] = new JsonArray(new JsonObject { ["Path"] = argument.Path, ["Regex"] = argument.Pattern });
        }

        var rule = new JsonObject { ["Id"] = Id, ["Effect"] = Effect.ToString(), ["Match"] = match };
        if (when.Count > 0)
        {
            rule["When"] = when;
        }

        return rule;

        static void Add(JsonObject node, string name, string[] values)
        {
            if (values.Length > 0)
            {
                node[name] = new JsonArray([.. values.Select(v => (JsonNode?)v)]);
            }
        }
    }
}

/// <summary>One generated call and its session facts.</summary>
internal sealed record ReloadCall(string Tool, string Server, string Team, string Environment, string[] Groups, string[] Tags, string? To, string? Query)
{
    public ToolCallEvent ToEvent()
    {
        var arguments = new JsonObject();
        if (To is not null)
        {
            arguments["to"] = To;
        }

        if (Query is not null)
        {
            arguments["q"] = Query;
        }

        return new ToolCallEvent(Tool, ToolKind.McpTool) { Source = Server, Tags = Tags, Arguments = ToolArguments.FromJson(arguments.ToJsonString()) };
    }

    public GuardContext ToContext(string session) => new()
    {
        SessionId = session,
        Team = Team,
        Environment = Environment,
        User = new GuardUser("user-" + session) { Groups = Groups },
    };

    public override string ToString()
        => $"{Tool} on {Server} team={Team} env={Environment} groups=[{string.Join(",", Groups)}] tags=[{string.Join(",", Tags)}] to={To} q={(Query is { Length: > 20 } q ? q[..8] + $"…({q.Length} chars)" : Query)}";
}

/// <summary>
/// A generated policy shaped like the issue-19 benchmark's (tools on servers; rules keyed by server, tool, team,
/// environment, groups, tags; recipient patterns; a few source globs and <c>Tools: ["*"]</c> rules; default deny), plus
/// a few approval rules whose pattern a backtracking engine needs exponential time for on hostile input. Every rule id
/// starts with the version's name, so a decision names the policy version that made it. Its naive evaluator shares no
/// code with the engine.
/// </summary>
internal sealed class ReloadPolicy
{
    private static readonly string[] Verbs = ["search", "read", "write", "list", "get", "create", "update", "delete", "send", "query", "fetch", "upload", "pay", "share"];
    private static readonly string[] Environments = ["dev", "staging", "prod"];

    /// <summary>Exponential for a backtracking engine on <c>^(a+)+$</c>.</summary>
    private static readonly string HostileQuery = new string('a', 5_000) + "!";

    private readonly int _servers;
    private readonly int _teams;
    private readonly int _groups;
    private readonly int _tags;
    private readonly int _partners;

    public ReloadPolicy(string version, int size, int seed)
    {
        Version = version;
        _servers = Math.Max(2, size / 20);
        _teams = Math.Max(4, size / 50);
        _groups = Math.Max(6, size / 25);
        _tags = Math.Max(4, size / 50);
        _partners = Math.Max(3, size / 100);
        var random = new Random(seed);
        Rules = [.. Enumerable.Range(0, size).Select(i => Rule(random, i))];
        Calls = [.. Enumerable.Range(0, Math.Clamp(size, 100, 1_000)).Select(_ => random.Next(10) < 8 ? CallFor(random, Rules[random.Next(Rules.Length)]) : RandomCall(random))];
    }

    public string Version { get; }

    public ReloadRule[] Rules { get; }

    /// <summary>Calls aimed at this version's rules (and some at nothing in particular).</summary>
    public ReloadCall[] Calls { get; }

    /// <summary>The policy as an <c>appsettings.json</c> holds it.</summary>
    public string ToJson() => new JsonObject
    {
        ["AgentGuard"] = new JsonObject { ["DefaultDecision"] = "Deny", ["Rules"] = new JsonArray([.. Rules.Select(r => (JsonNode)r.ToJson())]) },
    }.ToJsonString();

    /// <summary>The naive decision: every rule checked in a loop, deny over approval over allow, default deny.</summary>
    public (DecisionEffect Effect, string[] RuleIds) Decide(ReloadCall call)
    {
        var matched = Rules.Where(r => Applies(r, call)).ToArray();
        if (matched.Length == 0)
        {
            return (DecisionEffect.Deny, []);
        }

        var effect = matched.Min(r => r.Effect);
        return (effect, [.. matched.Where(r => r.Effect == effect).Select(r => r.Id)]);
    }

    private static bool Applies(ReloadRule rule, ReloadCall call)
        => (rule.Tools.Length == 0 || rule.Tools.Any(t => Glob(t, call.Tool)))
            && (rule.Sources.Length == 0 || rule.Sources.Any(s => Glob(s, call.Server)))
            && (rule.Tags.Length == 0 || rule.Tags.Any(t => call.Tags.Contains(t, StringComparer.OrdinalIgnoreCase)))
            && (rule.Teams.Length == 0 || rule.Teams.Contains(call.Team, StringComparer.OrdinalIgnoreCase))
            && (rule.Environments.Length == 0 || rule.Environments.Contains(call.Environment, StringComparer.OrdinalIgnoreCase))
            && (rule.Groups.Length == 0 || call.Groups.Any(g => rule.Groups.Contains(g, StringComparer.OrdinalIgnoreCase)))
            && (rule.Argument is not { } argument || ArgumentMatches(argument.Path == "$.to" ? call.To : call.Query, argument.Pattern));

    /// <summary>A linear-time engine, so the reference itself never runs out of time on hostile input.</summary>
    private static bool ArgumentMatches(string? value, string pattern)
        => value is not null && Regex.IsMatch(value, pattern, RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);

    /// <summary>The two glob forms the generator writes: <c>*</c> and a trailing <c>*</c>; otherwise exact.</summary>
    private static bool Glob(string pattern, string text)
        => pattern == "*"
            || (pattern.EndsWith('*') ? text.StartsWith(pattern[..^1], StringComparison.OrdinalIgnoreCase) : string.Equals(pattern, text, StringComparison.OrdinalIgnoreCase));

    private ReloadRule Rule(Random random, int i)
    {
        var server = random.Next(_servers);
        var id = $"{Version}-r{i}";
        return random.Next(100) switch
        {
            < 33 => new ReloadRule(id, DecisionEffect.Allow) { Tools = [Tool(server, random.Next(5))], Sources = [Server(server)], Teams = [Team(random)], Environments = [Env(random)] },
            < 48 => new ReloadRule(id, DecisionEffect.Allow) { Sources = [Server(server)], McpOnly = true, Groups = [Group(random), Group(random)], Environments = [Env(random)] },
            < 58 => new ReloadRule(id, DecisionEffect.Allow) { Tags = [Tag(random)], Teams = [Team(random)] },
            < 68 => new ReloadRule(id, DecisionEffect.Deny) { Tools = [Tool(server, random.Next(5))], Sources = [Server(server)], Environments = ["prod"], Groups = [Group(random)] },
            < 78 => new ReloadRule(id, DecisionEffect.RequireApproval) { Tools = [Tool(server, random.Next(5))], Sources = [Server(server)], Argument = ("$.to", $"^[^@]+@{Partner(random)}\\.example$") },
            < 80 => new ReloadRule(id, DecisionEffect.RequireApproval) { Tools = [Tool(server, random.Next(5))], Sources = [Server(server)], Argument = ("$.q", "^(a+)+$") },
            < 88 => new ReloadRule(id, DecisionEffect.Deny) { Tags = [Tag(random)], Environments = [Env(random)] },
            < 92 => new ReloadRule(id, DecisionEffect.RequireApproval) { Sources = [$"{Server(server)}*"], Tools = ["*"], Teams = [Team(random)] },
            < 96 => new ReloadRule(id, DecisionEffect.Allow) { Tools = ["*"], Teams = [Team(random)], Groups = [Group(random)], Environments = ["dev"] },
            _ => new ReloadRule(id, DecisionEffect.Deny) { Tools = [Tool(server, random.Next(5))], Sources = [Server(server)], Tags = [Tag(random)], Teams = [Team(random)] },
        };
    }

    /// <summary>A call that satisfies <paramref name="rule"/>'s match and conditions; its other facts are random.</summary>
    private ReloadCall CallFor(Random random, ReloadRule rule)
    {
        var server = rule.Sources.Length > 0 ? rule.Sources[0].TrimEnd('*') : Server(random.Next(_servers));
        var tool = rule.Tools.Length > 0 && rule.Tools[0] != "*" ? rule.Tools[0] : Tool(int.Parse(server.AsSpan(3), System.Globalization.CultureInfo.InvariantCulture), random.Next(5));
        var team = rule.Teams.Length > 0 ? rule.Teams[0] : Team(random);
        var env = rule.Environments.Length > 0 ? rule.Environments[0] : Env(random);
        string[] groups = rule.Groups.Length > 0 ? [rule.Groups[random.Next(rule.Groups.Length)], Group(random)] : [Group(random)];
        string[] tags = rule.Tags.Length > 0 ? [rule.Tags[0]] : random.Next(3) == 0 ? [Tag(random)] : [];
        string? to = rule.Argument is { Path: "$.to", Pattern: var pattern } ? $"user{random.Next(100)}@{pattern[7..^10]}.example" : random.Next(2) == 0 ? $"user{random.Next(100)}@{Partner(random)}.example" : null;
        var query = rule.Argument is { Path: "$.q" } ? (random.Next(2) == 0 ? HostileQuery : "aaaa") : Query(random);
        return new ReloadCall(tool, server, team, env, groups, tags, to, query);
    }

    private ReloadCall RandomCall(Random random)
    {
        var server = random.Next(_servers);
        string[] tags = random.Next(3) == 0 ? [Tag(random)] : [];
        return new ReloadCall(Tool(server, random.Next(5)), Server(server), Team(random), Env(random), [Group(random)], tags, null, Query(random));
    }

    /// <summary>A query: none, one the <c>^(a+)+$</c> rules match, or one a backtracking engine runs out of time on.</summary>
    private static string? Query(Random random) => random.Next(4) switch
    {
        0 => new string('a', 3 + random.Next(5)),
        1 => HostileQuery,
        _ => null,
    };

    private static string Server(int k) => $"srv{k}";

    private static string Tool(int server, int j) => Verbs[((server * 7) + (j * 3)) % Verbs.Length];

    private string Team(Random random) => $"team{random.Next(_teams)}";

    private static string Env(Random random) => Environments[random.Next(Environments.Length)];

    private string Group(Random random) => $"group{random.Next(_groups)}";

    private string Tag(Random random) => $"tag{random.Next(_tags)}";

    private string Partner(Random random) => $"partner{random.Next(_partners)}";
}
