using CsCheck;

namespace AgentGuard.Tests.Properties;

/// <summary>CsCheck generators for policies and sessions, including the classes attackers use: fragments of the user's values, wildcards, unreadable arguments, case and look-alike names.</summary>
internal static class Generators
{
    private static readonly ValueSpec[] Ibans =
    [
        new("DE89 3704 0044 0532 0130 00", true), new("DE89370400440532013000", true), new("de89 3704 0044 0532 0130 00", true),
        new("DE89 3704 0044 0532", false), new("DE89370400440532013001", false), new("GB33BUKB20201555555555", false),
        new("15550102030", true), new("5550102", false),
    ];

    private static readonly ValueSpec[] Recipients =
    [
        new("alice@corp.com", true), new("ALICE@CORP.COM", true), new("alice+rent@corp.com", true), new("alice+other@corp.com", true),
        new("Anna Lindqvist", true), new("anna lindqvist", true), new("pay the rent", true), new("+1 555 010 2030", true),
        new("alice@corp.co", false), new("lice@corp.com", false), new("alice@corp.com.evil.io", false), new("evil@attacker.io", false),
        new("Anna Lind", false), new("Lindqvist Anna", false), new("Anna Lindqvist Ltd", false), new("rent corp", false),
    ];

    private static readonly Gen<string?> OnError = Gen.OneOf<string?>(null, "Auto", "Deny", "AllowWithAlert", "RequireApproval");

    private static readonly Gen<ArgumentSpec?> Argument = Gen.Frequency(
        (3, Gen.Const((ArgumentSpec?)null)),
        (2, Gen.Select(
            Gen.OneOf("$.iban", "$.to[*]"),
            Gen.OneOf("Equals", "Contains", "OneOf", "NotOneOf", "Exists"),
            Gen.OneOf("alice@corp.com", "corp", "DE89", "Anna Lindqvist|evil@attacker.io", "evil"),
            (path, test, value) => (ArgumentSpec?)new ArgumentSpec(path, test, value))));

    private static readonly Gen<RuleSpec> Rule = Gen.Select(
        Gen.OneOf(DecisionEffect.Deny, DecisionEffect.RequireApproval, DecisionEffect.Allow),
        Gen.OneOf<string[]>([], ["send_email"], ["pay"], ["read_file"], ["delete_repo"], ["send_*"], ["*_file"], ["*"], ["PAY"], ["pay", "read_file"]),
        Gen.OneOf<string[]>([], [], ["payment"], ["export"], ["destructive"], ["crm"], ["obfuscated-name"]),
        Gen.OneOf<string?>(null, null, "finance", "hr"),
        Gen.OneOf<string?>(null, null, "prod", "dev"),
        Argument,
        Gen.OneOf<string?>(null, null, "$.to", "$.to[*]", "$.iban"),
        Gen.OneOf<string?>(null, null, null, "export", "payment"),
        Gen.Select(OnError, o => o),
        (effect, tools, tags, group, environment, argument, provenance, sequence, onError) => new RuleSpec(
            "r", effect, tools.Length == 0 && tags.Length == 0 ? ["*"] : tools, tags, group, environment, argument, provenance, sequence, onError));

    public static readonly Gen<PolicySpec> Policy = Gen.Select(
        Rule.Array[0, 6],
        Gen.OneOf(DecisionEffect.Allow, DecisionEffect.Deny, DecisionEffect.RequireApproval),
        Gen.OneOf("Auto", "Deny", "AllowWithAlert", "RequireApproval"),
        Gen.OneOf<(string, string)[]>([], [("pay", "payment")], [("pay", "payment"), ("send_*", "export")], [("delete_*", "destructive"), ("*_file", "crm")]),
        (rules, defaultEffect, onError, toolTags) => new PolicySpec(
            [.. rules.Select((r, i) => r with { Id = "r" + i })], defaultEffect, onError, toolTags));

    private static readonly Gen<(ValueSpec[]? List, ValueSpec? Single)> To = Gen.Frequency(
        (1, Gen.Const(((ValueSpec[]?)null, (ValueSpec?)null))),
        (2, Gen.OneOf(Recipients).Select(v => ((ValueSpec[]?)null, (ValueSpec?)v))),
        (3, Gen.OneOf(Recipients).Array[0, 4].Select(list => ((ValueSpec[]?)list, (ValueSpec?)null))));

    private static readonly Gen<CallSpec> Call = Gen.Select(
        Gen.OneOf("send_email", "pay", "read_file", "delete_repo"),
        Gen.Frequency((4, Gen.Const(Disguise.None)), (1, Gen.Enum<Disguise>())),
        Gen.OneOf<string[]>([], [], ["export"], ["payment"], ["crm"], ["export", "crm"], ["EXPORT"], ["Payment", "crm"], ["obfuscated-name"], ["destructive", "CRM", "export"]),
        Gen.OneOf<string?>(null, "finance", "hr"),
        Gen.OneOf<string?>(null, "prod", "dev"),
        Gen.OneOf("iban", "IBAN", "Iban"),
        Gen.Frequency((1, Gen.Const((ValueSpec?)null)), (2, Gen.OneOf(Ibans).Select(v => (ValueSpec?)v))),
        To,
        Gen.Frequency((8, Gen.Const(Spoil.None)), (1, Gen.Const(Spoil.Oversized)), (1, Gen.Const(Spoil.DuplicateInCase))),
        (tool, disguise, tags, group, environment, key, iban, to, spoil) => new CallSpec(tool, disguise, tags, group, environment, key, iban, to.List, to.Single, spoil));

    public static readonly Gen<CallSpec[]> Session = Call.Array[1, 6];

    /// <summary>
    /// A rule keyed on what the index files rules by: exact and glob sources, kinds, teams and groups, in the cases an
    /// attacker varies (a group or team spelt in another case, a source glob that must not be dropped).
    /// </summary>
    private static readonly Gen<RuleSpec> IndexedRule = Gen.Select(
        Gen.Select(
            Rule,
            Gen.OneOf<string?>(null, null, null, "blue", "BLUE", "Ärger", "green"),
            Gen.OneOf<string?>(null, null, null, null, "bot-a", "BOT-A", "bot-b"),
            Gen.OneOf<string?>(null, null, null, null, null, "u", "U", "alice"),
            (rule, otherTeam, agent, userId) => rule with { OtherTeam = otherTeam, Agent = agent, UserId = userId }),
        Gen.OneOf<string[]>([], [], ["srv-a"], ["SRV-A"], ["srv-*"], ["srv-b", "srv-a"], ["*-b"], ["other"]),
        Gen.OneOf<string[]>([], [], [], ["McpTool"], ["Function", "McpTool"], ["function"]),
        Gen.OneOf<string?>(null, null, "red", "RED", "blue", "äRGER"),
        Gen.OneOf<string?>(null, null, null, "Finance", "HR", "ops"),
        Gen.OneOf<string?>(null, null, null, "finance", "hr", "ops", "Ops"),
        (rule, sources, kinds, team, group, otherGroup) => rule with
        {
            Sources = sources,
            Kinds = kinds,
            Team = team,
            OtherTeam = team is null ? null : rule.OtherTeam,
            Group = rule.Group ?? group,
            OtherGroup = (rule.Group ?? group) is null ? null : otherGroup,
        });

    /// <summary>Policies large enough (8 to 40 rules) that the index splits candidates by a session fact.</summary>
    public static readonly Gen<PolicySpec> IndexedPolicy = Gen.Select(
        IndexedRule.Array[8, 40],
        Gen.OneOf(DecisionEffect.Allow, DecisionEffect.Deny, DecisionEffect.RequireApproval),
        Gen.OneOf("Auto", "Deny", "AllowWithAlert", "RequireApproval"),
        Gen.OneOf<(string, string)[]>([], [("pay", "payment")], [("send_*", "export")], [("delete_*", "destructive"), ("*_file", "crm")]),
        (rules, defaultEffect, onError, toolTags) => new PolicySpec(
            [.. rules.Select((r, i) => r with { Id = "r" + i })], defaultEffect, onError, toolTags));

    /// <summary>
    /// Policies where many rules name no tool, source, kind or tag (every call is their candidate, so the index keeps them
    /// in one group shared by every tool), interleaved with rules keyed by tool and source.
    /// </summary>
    public static readonly Gen<PolicySpec> SharedPolicy = Gen.Select(
        Gen.Select(IndexedRule, Gen.Bool, (rule, universal) => universal ? rule with { Tools = ["*"], Sources = [], Kinds = [], Tags = [] } : rule).Array[20, 60],
        Gen.OneOf(DecisionEffect.Allow, DecisionEffect.Deny, DecisionEffect.RequireApproval),
        Gen.OneOf("Auto", "Deny", "AllowWithAlert", "RequireApproval"),
        Gen.OneOf<(string, string)[]>([], [("pay", "payment")], [("send_*", "export")]),
        (rules, defaultEffect, onError, toolTags) => new PolicySpec(
            [.. rules.Select((r, i) => r with { Id = "r" + i })], defaultEffect, onError, toolTags));

    private static readonly Gen<CallSpec> IndexedCall = Gen.Select(
        Gen.Select(
            Call,
            Gen.OneOf<string?>(null, null, "bot-a", "Bot-A", "bot-b", ""),
            Gen.OneOf("u", "U", "alice", "bob"),
            (call, agent, userId) => call with { Agent = agent, UserId = userId }),
        Gen.OneOf<string?>(null, "srv-a", "SRV-A", "srv-b", "srv-c", "other"),
        Gen.OneOf(ToolKind.Function, ToolKind.McpTool),
        Gen.OneOf<string?>(null, "red", "Red", "blue", "green", "ärger", "", "BLUE"),
        Gen.OneOf<string[]>([], [], ["finance"], ["FINANCE", "finance"], ["hr", "ops"], ["Ops", "x", "HR"], ["ops", "ops"], ["", "hr"]),
        (call, source, kind, team, groups) => call with { Source = source, Kind = kind, Team = team, OtherGroups = groups });

    public static readonly Gen<CallSpec[]> IndexedSession = IndexedCall.Array[1, 8];

    /// <summary>
    /// One to three calls, each repeated under many session values — teams, agents, users, and up to eleven groups (past
    /// the eight a cached session key holds), names repeated in other cases and empty — so one engine sees the same tool
    /// under many sets of session values.
    /// </summary>
    public static readonly Gen<CallSpec[]> ManyGroupCalls = Gen.Select(
        IndexedCall.Array[1, 3],
        Gen.Select(
            Gen.OneOf<string?>(null, "red", "Red", "blue", "green", "BLUE"),
            Gen.OneOf<string?>(null, "bot-a", "Bot-A", "bot-b"),
            Gen.OneOf("u", "U", "alice"),
            Gen.OneOf("finance", "FINANCE", "hr", "ops", "Ops", "x", "", "HR", "y", "z").Array[0, 11],
            (team, agent, user, groups) => (team, agent, user, groups)).Array[10, 30],
        (calls, sessions) => sessions.Select((s, i) => calls[i % calls.Length] with { Team = s.team, Agent = s.agent, UserId = s.user, OtherGroups = s.groups }).ToArray());

    /// <summary>Many calls, each decided in a fresh session (for concurrent decisions).</summary>
    public static readonly Gen<CallSpec[]> IndexedCalls = IndexedCall.Array[20, 40];
}
