using System.Globalization;

namespace AgentGuard.Cli.Lint;

/// <summary>The set analyses of <c>agentguard lint</c>. Each reports only what holds for every possible call.</summary>
internal static class RuleAnalyses
{
    public delegate void Report(string code, LintSeverity severity, RuleShape? rule, string message);

    public static void Run(AgentGuardOptions options, RuleShape[] rules, Report report)
    {
        var defaultDecision = options.DefaultDecision?.Trim() ?? "Allow";
        if (string.Equals(options.Mode?.Trim(), "Audit", StringComparison.OrdinalIgnoreCase))
        {
            report(LintCodes.AuditMode, LintSeverity.Note, null, "Mode is Audit: every decision is recorded and nothing is blocked (set Mode: Enforce once replay shows the policy is right)");
        }

        foreach (var rule in rules)
        {
            NeverFires(rule, report);
            AllowRules(rule, defaultDecision, options, report);
        }

        Duplicates(rules, report);
        Shadowing(options, rules, report);
    }

    private static void NeverFires(RuleShape rule, Report report)
    {
        if (rule.Rule.When?.User is { Anonymous: true } user && (user.Ids.Count > 0 || user.Groups.Count > 0 || user.Roles.Count > 0 || user.External == true))
        {
            report(LintCodes.NeverFires, LintSeverity.Warning, rule, $"Rule '{rule.Id}' can never fire: When.User.Anonymous: true means no user, yet it also requires user {(user.Ids.Count > 0 ? "Ids" : user.Groups.Count > 0 ? "Groups" : user.Roles.Count > 0 ? "Roles" : "External: true")}");
        }

        var arguments = rule.Rule.When?.Arguments ?? [];
        foreach (var group in arguments.Where(a => a.Path is not null && !a.Path.Contains('*', StringComparison.Ordinal)).GroupBy(a => a.Path!.Trim(), StringComparer.Ordinal))
        {
            if (Contradiction(group.ToArray()) is { } why)
            {
                report(LintCodes.NeverFires, LintSeverity.Warning, rule, $"Rule '{rule.Id}' can never fire: the tests on {group.Key} contradict each other ({why})");
            }
        }
    }

    private static string? Contradiction(ArgumentConditionOptions[] tests)
    {
        if (tests.Any(t => t.Exists == false) && tests.FirstOrDefault(t => t.Exists != false && t.NotOneOf.Count == 0) is { } other)
        {
            return $"Exists: false, yet {Describe(other)} needs a value";
        }

        var lower = tests.Where(t => t.GreaterThan is not null).Select(t => t.GreaterThan!.Value).DefaultIfEmpty(double.NegativeInfinity).Max();
        var upper = tests.Where(t => t.LessThan is not null).Select(t => t.LessThan!.Value).DefaultIfEmpty(double.PositiveInfinity).Min();
        if (lower >= upper)
        {
            return string.Create(CultureInfo.InvariantCulture, $"GreaterThan {lower} and LessThan {upper}");
        }

        var equal = tests.Select(t => t.EqualTo).FirstOrDefault(v => v is not null);
        var excluded = tests.SelectMany(t => t.NotOneOf).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (equal is not null && excluded.Contains(equal))
        {
            return $"Equals '{equal}' is also in NotOneOf";
        }

        foreach (var oneOf in tests.Where(t => t.OneOf.Count > 0))
        {
            if (oneOf.OneOf.All(excluded.Contains))
            {
                return "every OneOf value is also in NotOneOf";
            }

            if (equal is not null && !oneOf.OneOf.Contains(equal, StringComparer.OrdinalIgnoreCase))
            {
                return $"Equals '{equal}' is not among OneOf";
            }
        }

        var equals = tests.Select(t => t.EqualTo).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        return equals.Length > 1 ? $"Equals '{equals[0]}' and Equals '{equals[1]}'" : null;
    }

    private static string Describe(ArgumentConditionOptions test)
        => test.EqualTo is not null ? "Equals" : test.OneOf.Count > 0 ? "OneOf" : test.Regex is not null ? "Regex" : test.Contains is not null ? "Contains"
            : test.GreaterThan is not null ? "GreaterThan" : test.LessThan is not null ? "LessThan" : "Exists: true";

    private static void AllowRules(RuleShape rule, string defaultDecision, AgentGuardOptions options, Report report)
    {
        if (!rule.IsAllow)
        {
            return;
        }

        if (string.Equals(defaultDecision, "Allow", StringComparison.OrdinalIgnoreCase))
        {
            if (!rule.Rule.Alert)
            {
                report(LintCodes.AllowHasNoEffect, LintSeverity.Warning, rule, $"Allow rule '{rule.Id}' has no effect: DefaultDecision is already Allow and an allow never overrides a deny or an approval (remove it, or set Alert: true if it exists to raise alerts)");
            }

            return;
        }

        if (rule.Conditions.Count > 0)
        {
            return;
        }

        if (rule.MatchesEveryTool)
        {
            report(LintCodes.AllowWiderThanDefault, LintSeverity.Warning, rule, $"Allow rule '{rule.Id}' allows every call with no condition, so DefaultDecision {defaultDecision} never applies (narrow its Match or add When conditions)");
            return;
        }

        var risky = (options.RiskyTags ?? AgentGuardOptions.DefaultRiskyTags).Select(t => t.ToLowerInvariant()).Intersect(rule.Tags).ToArray();
        if (risky.Length > 0)
        {
            report(LintCodes.AllowWiderThanDefault, LintSeverity.Warning, rule, $"Allow rule '{rule.Id}' allows every call tagged [{string.Join(", ", risky)}] (risky) with no condition, overriding DefaultDecision {defaultDecision} for them (add When conditions, e.g. User.Roles or Environments)");
        }
    }

    private static void Duplicates(RuleShape[] rules, Report report)
    {
        foreach (var group in rules.GroupBy(r => r.IntentKey, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            var first = group.First();
            foreach (var other in group.Skip(1))
            {
                if (string.Equals(first.Effect, other.Effect, StringComparison.OrdinalIgnoreCase))
                {
                    report(LintCodes.DuplicateIntent, LintSeverity.Warning, other, $"Rule '{other.Id}' states the same intent as '{first.Id}' (same Match, same When, same effect {other.Effect}); keep one");
                }
                else
                {
                    var winner = Strictest(first, other);
                    var loser = winner == first ? other : first;
                    report(LintCodes.ConflictingIntent, LintSeverity.Warning, loser, $"Rule '{loser.Id}' ({loser.Effect}) never decides: '{winner.Id}' ({winner.Effect}) matches exactly the same calls under the same conditions and always wins");
                }
            }
        }
    }

    private static RuleShape Strictest(RuleShape a, RuleShape b) => Rank(a.Effect) <= Rank(b.Effect) ? a : b;

    private static int Rank(string effect) => effect.ToLowerInvariant() switch { "deny" => 0, "requireapproval" => 1, _ => 2 };

    private static void Shadowing(AgentGuardOptions options, RuleShape[] rules, Report report)
    {
        foreach (var rule in rules)
        {
            var shadow = rules.FirstOrDefault(deny => deny.IsDeny && deny != rule && deny.IntentKey != rule.IntentKey && Covers(options, deny, rule));
            if (shadow is null)
            {
                continue;
            }

            if (rule.IsDeny)
            {
                report(LintCodes.Shadowed, LintSeverity.Note, rule, $"Deny rule '{rule.Id}' is redundant: '{shadow.Id}' denies every call it matches (keep it only for its own reason and evidence)");
            }
            else
            {
                report(LintCodes.Shadowed, LintSeverity.Warning, rule, $"Rule '{rule.Id}' ({rule.Effect}) never decides: every call it matches is denied by the broader rule '{shadow.Id}', and deny beats {rule.Effect}");
            }
        }
    }

    /// <summary>True when <paramref name="deny"/> applies to every call <paramref name="rule"/> applies to.</summary>
    private static bool Covers(AgentGuardOptions options, RuleShape deny, RuleShape rule)
        => deny.Conditions.IsSubsetOf(rule.Conditions)
            && GlobCover.CoversAll(deny.Tools, rule.Tools)
            && (deny.Kinds.Length == 0 || (rule.Kinds.Length > 0 && rule.Kinds.All(deny.Kinds.Contains)))
            && GlobCover.CoversAll(deny.Sources, rule.Sources)
            && TagsCovered(options, deny, rule)
            && deny.MinRisk <= rule.MinRisk;

    /// <summary>The deny's tags hold whenever the rule's match holds: it names none, the rule requires a subset, or the rule's tools are configured with one.</summary>
    private static bool TagsCovered(AgentGuardOptions options, RuleShape deny, RuleShape rule)
    {
        if (deny.Tags.Length == 0 || (rule.Tags.Length > 0 && rule.Tags.All(deny.Tags.Contains)))
        {
            return true;
        }

        if (rule.Tools.Length == 0 || rule.Tools.Any(t => t.IndexOfAny(['*', '?']) >= 0))
        {
            return false;
        }

        return rule.Tools.All(tool => options.Tools
            .Where(entry => AgentGuard.Policies.Glob.Create(entry.Key).IsMatch(tool))
            .SelectMany(entry => entry.Value.Tags)
            .Any(tag => deny.Tags.Contains(tag.Trim().ToLowerInvariant())));
    }
}
