using System.Text.RegularExpressions;

namespace AgentGuard.Tests.Properties;

/// <summary>
/// A deliberately naive evaluator written from the documented semantics (docs/concepts.md, docs/policy-reference.md),
/// sharing no code with the engine: globs become regular expressions, every rule is checked in a plain loop, and
/// provenance uses the ground truth the generator built into each value. The property test compares it with the engine.
/// </summary>
internal sealed class ReferenceEvaluator(PolicySpec policy)
{
    private static readonly string[] DefaultRiskyTags = ["destructive", "payment", "external-send", "export", "exfiltration", "remote-code", "credential-access", "privilege", "opaque", "secret-in-arguments", "obfuscated-name"];

    private readonly Dictionary<string, List<(string[] Tags, DecisionEffect Effect)>> _history = [];

    public (DecisionEffect Effect, HashSet<string> RuleIds) Decide(CallSpec call, string session)
    {
        var tags = EffectiveTags(call);
        var malformed = call.Spoil != Spoil.None;
        var contributions = new List<(string Id, DecisionEffect Effect)>();
        var history = _history.TryGetValue(session, out var h) ? h : _history[session] = [];

        if (malformed)
        {
            var effect = FailSafe(policy.OnError, tags);
            if (effect is { } restrictive && restrictive != DecisionEffect.Allow)
            {
                contributions.Add(("agentguard:malformed-arguments", restrictive));
            }
        }

        foreach (var rule in policy.Rules)
        {
            if (!Matches(rule, call, tags) || !ContextHolds(rule, call, tags, history))
            {
                continue;
            }

            if (rule.ReadsArguments && malformed)
            {
                var mode = rule.OnError ?? policy.OnError;
                DecisionEffect? effect = mode switch
                {
                    "Auto" => rule.Effect == DecisionEffect.Allow ? null : rule.Effect,
                    "Deny" => DecisionEffect.Deny,
                    "RequireApproval" => DecisionEffect.RequireApproval,
                    _ => DecisionEffect.Allow,
                };
                if (effect is { } contributed)
                {
                    contributions.Add((rule.Id, contributed));
                }

                continue;
            }

            if (rule.Argument is { } argument && !ArgumentHolds(argument, call))
            {
                continue;
            }

            if (rule.ProvenancePath is { } path && !ProvenanceApplies(path, call))
            {
                continue;
            }

            contributions.Add((rule.Id, rule.Effect));
        }

        var final = contributions.Count == 0 ? policy.Default : contributions.Min(c => c.Effect);
        var ids = contributions.Where(c => c.Effect == final).Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        history.Add((tags, final));
        return (final, ids);
    }

    private string[] EffectiveTags(CallSpec call)
    {
        var tags = new List<string>();
        foreach (var (glob, tag) in policy.ToolTags)
        {
            if (GlobMatches(glob, call.Tool) && !tags.Contains(tag, StringComparer.OrdinalIgnoreCase))
            {
                tags.Add(tag);
            }
        }

        foreach (var tag in call.EventTags)
        {
            if (!tags.Contains(tag, StringComparer.OrdinalIgnoreCase))
            {
                tags.Add(tag);
            }
        }

        if (call.IsObfuscated)
        {
            tags.Add("obfuscated-name");
        }

        return [.. tags];
    }

    private static DecisionEffect? FailSafe(string mode, string[] tags) => mode switch
    {
        "Deny" => DecisionEffect.Deny,
        "RequireApproval" => DecisionEffect.RequireApproval,
        "AllowWithAlert" => DecisionEffect.Allow,
        _ => tags.Any(t => DefaultRiskyTags.Contains(t, StringComparer.OrdinalIgnoreCase)) ? DecisionEffect.Deny : DecisionEffect.Allow,
    };

    private static bool Matches(RuleSpec rule, CallSpec call, string[] tags)
        => (rule.Tools.Length == 0 || rule.Tools.Any(g => GlobMatches(g, call.Tool)))
            && (rule.Sources.Length == 0 || (call.Source is not null && rule.Sources.Any(g => GlobMatches(g, call.Source))))
            && (rule.Kinds.Length == 0 || rule.Kinds.Contains(call.Kind.ToString(), StringComparer.OrdinalIgnoreCase))
            && (rule.Tags.Length == 0 || rule.Tags.Any(t => tags.Contains(t, StringComparer.OrdinalIgnoreCase)));

    private static bool ContextHolds(RuleSpec rule, CallSpec call, string[] tags, List<(string[] Tags, DecisionEffect Effect)> history)
    {
        string[] groups = rule.OtherGroup is null ? [rule.Group!] : [rule.Group!, rule.OtherGroup];
        if (rule.Group is not null && !call.Groups.Any(g => groups.Contains(g, StringComparer.OrdinalIgnoreCase)))
        {
            return false;
        }

        string[] teams = rule.OtherTeam is null ? [rule.Team!] : [rule.Team!, rule.OtherTeam];
        if (rule.Team is not null && !teams.Contains(call.Team, StringComparer.OrdinalIgnoreCase))
        {
            return false;
        }

        if (rule.Agent is not null && !string.Equals(rule.Agent, call.Agent, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (rule.UserId is not null && !string.Equals(rule.UserId, call.UserId, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (rule.Environment is not null && !string.Equals(rule.Environment, call.Environment, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (rule.SequenceTag is { } sequenceTag)
        {
            var count = tags.Contains(sequenceTag, StringComparer.OrdinalIgnoreCase) ? 1 : 0;
            count += history.Count(r => r.Effect != DecisionEffect.Deny && r.Tags.Contains(sequenceTag, StringComparer.OrdinalIgnoreCase));
            if (count < 2)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Arguments: any selected value passes (NotOneOf: all do; nothing selected: only NotOneOf holds).</summary>
    private static bool ArgumentHolds(ArgumentSpec argument, CallSpec call)
    {
        var values = Select(argument.Path, call).Select(v => v.Text).ToList();
        var set = argument.Value.Split('|');
        return argument.Test switch
        {
            "Exists" => values.Count > 0,
            "Equals" => values.Any(v => string.Equals(v, argument.Value, StringComparison.OrdinalIgnoreCase)),
            "Contains" => values.Any(v => v.Contains(argument.Value, StringComparison.OrdinalIgnoreCase)),
            "OneOf" => values.Any(v => set.Contains(v, StringComparer.OrdinalIgnoreCase)),
            "NotOneOf" => values.All(v => !set.Contains(v, StringComparer.OrdinalIgnoreCase)),
            _ => throw new InvalidOperationException(argument.Test),
        };
    }

    /// <summary>Provenance: the rule applies when any selected value was not given by the user.</summary>
    private static bool ProvenanceApplies(string path, CallSpec call) => Select(path, call).Any(v => !v.FromUser);

    private static IEnumerable<ValueSpec> Select(string path, CallSpec call) => path switch
    {
        "$.iban" => call.Iban is null ? [] : [call.Iban],
        "$.to[*]" => call.ToList ?? [],
        "$.to" => call.ToList ?? (call.ToSingle is null ? [] : [call.ToSingle]),
        _ => throw new InvalidOperationException(path),
    };

    private static bool GlobMatches(string glob, string text)
        => Regex.IsMatch(text, "^" + Regex.Escape(glob).Replace("\\*", ".*", StringComparison.Ordinal).Replace("\\?", ".", StringComparison.Ordinal) + "$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
}
