using System.Collections.Frozen;
using Microsoft.Extensions.Configuration;

namespace AgentGuard.Policies;

/// <summary>
/// Walks a configuration section against the shapes of the options that read it and reports keys nothing reads,
/// values of the wrong form, and sections of packages that are not registered.
/// </summary>
internal static class ConfigurationKeyChecker
{
    /// <summary>Sub-sections read by AgentGuard packages, with the call that registers them.</summary>
    private static readonly FrozenDictionary<string, string> KnownPackageSections = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["Registry"] = "AddMcpRegistry(...) from AgentGuard.Mcp",
        ["Http"] = "AddHttpClient(...).AddAgentGuard() from AgentGuard.Http",
        ["ChatClients"] = "the chat-client guard from AgentGuard.Extensions.AI",
        ["Shell"] = "AddShell() from AgentGuard.Shell",
        ["Data"] = "AddData(...) from AgentGuard.Data",
        ["Redis"] = "AddRedis(...) from AgentGuard.Redis",
        ["AspNetCore"] = "the AgentGuard.AspNetCore package",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private static readonly ConfigurationShape Root = ConfigurationShape.Of(typeof(AgentGuardOptions));

    /// <summary>The shape of the <c>AgentGuard</c> section.</summary>
    public static ConfigurationShape RootShape => Root;

    public static List<AgentGuardConfigurationProblem> Check(IConfiguration section, IEnumerable<AgentGuardSection> packageSections)
    {
        var problems = new List<AgentGuardConfigurationProblem>();
        var packages = new Dictionary<string, ConfigurationShape>(StringComparer.OrdinalIgnoreCase);
        foreach (var package in packageSections)
        {
            packages[package.Name] = ConfigurationShape.Of(package.OptionsType);
        }

        var sectionPath = AgentGuardConfiguration.SectionPath(section);
        foreach (var child in section.GetChildren())
        {
            if (Root.Property(child.Key) is { } shape)
            {
                Walk(child, shape, sectionPath, null, problems);
            }
            else if (packages.TryGetValue(child.Key, out var packageShape))
            {
                Walk(child, packageShape, sectionPath, null, problems);
            }
            else if (KnownPackageSections.TryGetValue(child.Key, out var registration))
            {
                problems.Add(new AgentGuardConfigurationProblem(child.Path, $"{sectionPath}:{child.Key} is configured, but nothing in this application reads it: register {registration}, or remove the section.", null));
            }
            else
            {
                Unknown(child, Root.PropertyNames.Concat(packages.Keys), sectionPath, null, problems);
            }
        }

        return problems;
    }

    /// <summary>Adds the problems of one entry of the top-level <c>Rules</c> list, as <see cref="Check"/> reports them.</summary>
    public static void CheckRule(IConfigurationSection entry, string sectionPath, List<AgentGuardConfigurationProblem> problems)
        => Walk(entry, Root.Property(nameof(AgentGuardOptions.Rules))!.Items!, sectionPath, RuleName(entry, sectionPath), problems);

    private static void Walk(IConfigurationSection node, ConfigurationShape shape, string sectionPath, string? rule, List<AgentGuardConfigurationProblem> problems)
    {
        var children = node.GetChildren().ToList();
        switch (shape.Kind)
        {
            case ConfigurationShape.ShapeKind.Value:
                if (children.Count > 0)
                {
                    problems.Add(new(node.Path, $"{Display(node.Path, sectionPath, rule)} must be a single value, not a section or list.", null));
                }
                else if (node.Value is { Length: > 0 } value && !shape.Accepts(value, out var expected))
                {
                    problems.Add(new(node.Path, $"{Display(node.Path, sectionPath, rule)} is '{value}', which is not {expected}.", null));
                }

                return;
            case ConfigurationShape.ShapeKind.List:
                if (children.Count == 0 && node.Value is { Length: > 0 })
                {
                    problems.Add(new(node.Path, $"{Display(node.Path, sectionPath, rule)} must be a list (write [\"{node.Value}\"]), not a single value.", null));
                    return;
                }

                foreach (var child in children)
                {
                    if (!int.TryParse(child.Key, out var index) || index < 0)
                    {
                        problems.Add(new(child.Path, $"{Display(child.Path, sectionPath, rule)} is not a list position: {Display(node.Path, sectionPath, rule)} must be a list.", null));
                        continue;
                    }

                    var childRule = rule ?? RuleName(child, sectionPath);
                    Walk(child, shape.Items!, sectionPath, childRule, problems);
                }

                return;
            case ConfigurationShape.ShapeKind.Map:
                if (children.Count == 0 && node.Value is { Length: > 0 })
                {
                    problems.Add(new(node.Path, $"{Display(node.Path, sectionPath, rule)} must be a section of named entries, not a single value.", null));
                    return;
                }

                foreach (var child in children)
                {
                    Walk(child, shape.Items!, sectionPath, rule, problems);
                }

                return;
            default:
                if (children.Count == 0 && node.Value is { Length: > 0 })
                {
                    problems.Add(new(node.Path, $"{Display(node.Path, sectionPath, rule)} must be a section, not a single value.", null));
                    return;
                }

                foreach (var child in children)
                {
                    if (shape.Property(child.Key) is { } property)
                    {
                        Walk(child, property, sectionPath, rule, problems);
                    }
                    else
                    {
                        Unknown(child, shape.PropertyNames, sectionPath, rule, problems);
                    }
                }

                return;
        }
    }

    private static void Unknown(IConfigurationSection node, IEnumerable<string> valid, string sectionPath, string? rule, List<AgentGuardConfigurationProblem> problems)
    {
        var suggestion = Nearest(node.Key, valid);
        var advice = suggestion is null ? $" (valid here: {string.Join(", ", valid.Order(StringComparer.Ordinal))})" : $" (did you mean '{suggestion}'?)";
        problems.Add(new(node.Path, $"{Display(node.Path, sectionPath, rule)} is not a known setting{advice}; nothing reads it, so it would be silently ignored.", suggestion));
    }

    /// <summary>A rule's label for messages: <c>rule 'export-chain'</c>, when the node is an entry of <c>Rules</c>.</summary>
    private static string? RuleName(IConfigurationSection entry, string sectionPath)
    {
        var parent = entry.Path[..^(entry.Key.Length + 1)];
        if (!string.Equals(parent, sectionPath + ":Rules", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return entry["Id"] is { Length: > 0 } id ? $"rule '{id}'" : $"rule #{entry.Key}";
    }

    /// <summary><c>AgentGuard:Rules:2:When:Enviroments</c> → <c>AgentGuard:Rules[2]:When:Enviroments (rule 'x')</c>.</summary>
    private static string Display(string path, string sectionPath, string? rule)
    {
        var parts = path.Split(':');
        var text = new System.Text.StringBuilder();
        foreach (var part in parts)
        {
            if (int.TryParse(part, out _) && text.Length > 0)
            {
                text.Append('[').Append(part).Append(']');
            }
            else
            {
                if (text.Length > 0)
                {
                    text.Append(':');
                }

                text.Append(part);
            }
        }

        return rule is null ? text.ToString() : $"{text} ({rule})";
    }

    /// <summary>The valid key closest to <paramref name="key"/> by edit distance (ignoring case), when it is close enough to be a typo.</summary>
    internal static string? Nearest(string key, IEnumerable<string> valid)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in valid)
        {
            var distance = Distance(key.ToUpperInvariant(), candidate.ToUpperInvariant());
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return best is not null && bestDistance <= Math.Max(2, Math.Min(key.Length, best.Length) / 3) ? best : null;
    }

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
