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
        Gen.OneOf<string[]>([], [], ["export"], ["payment"], ["crm"], ["export", "crm"]),
        Gen.OneOf<string?>(null, "finance", "hr"),
        Gen.OneOf<string?>(null, "prod", "dev"),
        Gen.OneOf("iban", "IBAN", "Iban"),
        Gen.Frequency((1, Gen.Const((ValueSpec?)null)), (2, Gen.OneOf(Ibans).Select(v => (ValueSpec?)v))),
        To,
        Gen.Frequency((8, Gen.Const(Spoil.None)), (1, Gen.Const(Spoil.Oversized)), (1, Gen.Const(Spoil.DuplicateInCase))),
        (tool, disguise, tags, group, environment, key, iban, to, spoil) => new CallSpec(tool, disguise, tags, group, environment, key, iban, to.List, to.Single, spoil));

    public static readonly Gen<CallSpec[]> Session = Call.Array[1, 6];
}
