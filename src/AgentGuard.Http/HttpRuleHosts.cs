using Microsoft.Extensions.Options;

namespace AgentGuard.Http;

/// <summary>
/// Writes the hosts in rules the way requests are matched (<see cref="HttpHost"/>), before the policy compiles: a
/// host a rule names in Unicode, upper case, with a trailing dot or as an IPv4-mapped IPv6 address also matches its
/// canonical form. Values are added next to the original (never removed), so non-HTTP calls match as before.
/// A host that cannot be canonicalised (a glob inside a Unicode label, invalid punycode) fails start with the rule named.
/// </summary>
/// <remarks>
/// Rewritten: <c>Match.Sources</c> of every rule; <c>Match.Tools</c>, <c>$.host</c> argument tests and the
/// <c>http.host</c> attribute of rules whose <c>Match.Kinds</c> is empty or includes <c>HttpRequest</c>.
/// </remarks>
internal sealed class HttpRuleHosts : IPostConfigureOptions<AgentGuardOptions>, IValidateOptions<AgentGuardOptions>
{
    private const string HostPath = "$.host";
    private const string HostAttribute = "http.host";

    public void PostConfigure(string? name, AgentGuardOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Visit(options, problems: null);
    }

    public ValidateOptionsResult Validate(string? name, AgentGuardOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        Visit(options, problems);
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    /// <summary>Canonicalises (when <paramref name="problems"/> is null) or only reports what cannot be canonicalised.</summary>
    private static void Visit(AgentGuardOptions options, List<string>? problems)
    {
        for (var i = 0; i < options.Rules.Count; i++)
        {
            var rule = options.Rules[i];
            var where = $"{AgentGuardOptions.SectionName}:Rules[{i}] ({rule.Id})";
            if (rule.Match is { } match)
            {
                AddCanonical(match.Sources, where + ": Match.Sources", problems);
                if (AppliesToHttp(match))
                {
                    AddCanonical(match.Tools, where + ": Match.Tools", problems);
                }
            }

            if (rule.When is not { } when || (rule.Match is { } m && !AppliesToHttp(m)))
            {
                continue;
            }

            foreach (var argument in when.Arguments)
            {
                if (!string.Equals(argument.Path?.Trim(), HostPath, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                AddCanonical(argument.OneOf, where + ": When.Arguments $.host OneOf", problems);
                AddCanonical(argument.NotOneOf, where + ": When.Arguments $.host NotOneOf", problems);
                if (argument.EqualTo is { } equal && Canonical(equal, where + ": When.Arguments $.host Equals", problems) is { } canonical && !string.Equals(canonical, equal, StringComparison.OrdinalIgnoreCase) && problems is null)
                {
                    // Two spellings of one host: the test becomes "one of both".
                    argument.OneOf.AddRange([equal, canonical]);
                    argument.EqualTo = null;
                }
            }

            if (when.Attributes.TryGetValue(HostAttribute, out var host) && Canonical(host, where + ": When.Attributes http.host", problems) is { } canonicalHost && problems is null)
            {
                when.Attributes[HostAttribute] = canonicalHost;
            }
        }
    }

    private static bool AppliesToHttp(MatchOptions match)
        => match.Kinds.Count == 0 || match.Kinds.Exists(static k => string.Equals(k?.Trim(), nameof(ToolKind.HttpRequest), StringComparison.OrdinalIgnoreCase));

    private static void AddCanonical(List<string> values, string where, List<string>? problems)
    {
        var count = values.Count;
        for (var i = 0; i < count; i++)
        {
            if (values[i] is { } value && Canonical(value, where, problems) is { } canonical && problems is null && !values.Contains(canonical, StringComparer.OrdinalIgnoreCase))
            {
                values.Add(canonical);
            }
        }
    }

    /// <summary>The canonical form, or null when there is none (reported when validating).</summary>
    private static string? Canonical(string value, string where, List<string>? problems)
    {
        if (HttpHost.TryCanonicalPattern(value, out var canonical, out var problem))
        {
            return canonical;
        }

        problems?.Add($"{where}: {problem}");
        return null;
    }
}
