using System.Globalization;

namespace AgentGuard.Cli.Lint;

/// <summary>
/// A rule reduced to comparable parts: its match lists (trimmed, lower-cased, sorted) and each <c>When</c> condition as
/// a canonical string, so "same intent" and "this deny's conditions are a subset of that rule's" are plain comparisons.
/// </summary>
internal sealed class RuleShape
{
    private static readonly string[] Risks = ["Unknown", "Low", "Medium", "High", "Critical"];

    public RuleShape(int index, RuleOptions rule)
    {
        Index = index;
        Rule = rule;
        Id = string.IsNullOrWhiteSpace(rule.Id) ? $"#{index}" : rule.Id.Trim();
        var match = rule.Match ?? new MatchOptions();
        Tools = Clean(match.Tools);
        Kinds = Clean(match.Kinds);
        Sources = Clean(match.Sources);
        Tags = Clean(match.Tags);
        MinRisk = Array.FindIndex(Risks, r => string.Equals(r, match.MinRisk?.Trim(), StringComparison.OrdinalIgnoreCase)) is var risk and > 0 ? risk : 0;
        Conditions = Describe(rule.When);
    }

    public int Index { get; }

    public RuleOptions Rule { get; }

    public string Id { get; }

    public string Effect => Rule.Effect?.Trim() ?? string.Empty;

    public bool IsDeny => string.Equals(Effect, "Deny", StringComparison.OrdinalIgnoreCase);

    public bool IsAllow => string.Equals(Effect, "Allow", StringComparison.OrdinalIgnoreCase);

    public string[] Tools { get; }

    public string[] Kinds { get; }

    public string[] Sources { get; }

    public string[] Tags { get; }

    public int MinRisk { get; }

    /// <summary>Each condition as (field, canonical value); arguments are one entry each.</summary>
    public HashSet<string> Conditions { get; }

    public bool MatchesEveryTool => (Tools.Length == 0 || Tools.Contains("*")) && Kinds.Length == 0 && Sources.Length == 0 && Tags.Length == 0 && MinRisk == 0;

    public string MatchKey => $"tools={string.Join(',', Tools)};kinds={string.Join(',', Kinds)};sources={string.Join(',', Sources)};tags={string.Join(',', Tags)};risk={MinRisk}";

    public string IntentKey => MatchKey + "|" + string.Join("|", Conditions.Order(StringComparer.Ordinal));

    private static string[] Clean(IEnumerable<string>? values)
        => [.. (values ?? []).Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim().ToLowerInvariant()).Distinct().Order(StringComparer.Ordinal)];

    private static string List(IEnumerable<string>? values) => string.Join(',', Clean(values));

    private static HashSet<string> Describe(WhenOptions? when)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        if (when is null)
        {
            return set;
        }

        if (when.User is { } user)
        {
            set.Add($"user:ids={List(user.Ids)};groups={List(user.Groups)};not={List(user.NotGroups)};roles={List(user.Roles)};external={user.External};anonymous={user.Anonymous}");
        }

        AddList(set, "environments", when.Environments);
        AddList(set, "teams", when.Teams);
        AddList(set, "agents", when.Agents);
        AddList(set, "dataTags", when.DataTags);
        AddList(set, "sessionLabels", when.SessionLabels);
        if (when.Attributes.Count > 0)
        {
            set.Add("attributes:" + string.Join(',', when.Attributes.Select(p => $"{p.Key.ToLowerInvariant()}={p.Value}").Order(StringComparer.Ordinal)));
        }

        foreach (var argument in when.Arguments)
        {
            set.Add("argument:" + Argument(argument));
        }

        if (when.Sequence is { } sequence)
        {
            set.Add($"sequence:tools={List(sequence.Tools)};tags={List(sequence.Tags)};atLeast={sequence.AtLeast};withinCalls={sequence.WithinCalls};within={sequence.Within};onlyAllowed={sequence.OnlyAllowed}");
        }

        if (when.RateLimit is { } rate)
        {
            set.Add($"rateLimit:max={rate.Max};per={rate.Per};by={rate.By?.ToLowerInvariant()}");
        }

        if (when.Provenance is { } provenance)
        {
            set.Add($"provenance:arg={provenance.Argument};from={List(provenance.From ?? ["prompt", "trusted"])};allow={List(provenance.Allowlist)}");
        }

        return set;
    }

    private static void AddList(HashSet<string> set, string name, List<string> values)
    {
        if (Clean(values) is { Length: > 0 } cleaned)
        {
            set.Add($"{name}:{string.Join(',', cleaned)}");
        }
    }

    private static string Argument(ArgumentConditionOptions a)
        => string.Create(CultureInfo.InvariantCulture, $"{a.Path?.Trim()}|eq={a.EqualTo}|in={List(a.OneOf)}|notIn={List(a.NotOneOf)}|re={a.Regex}|has={a.Contains}|gt={a.GreaterThan}|lt={a.LessThan}|exists={a.Exists}");
}
