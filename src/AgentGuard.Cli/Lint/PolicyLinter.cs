using System.Globalization;
using System.Text.RegularExpressions;
using AgentGuard.Testing;
using Microsoft.Extensions.Configuration;

namespace AgentGuard.Cli.Lint;

/// <summary>
/// Lints one policy file: everything start-up validation checks, then analyses of the rules as a set — rules that can
/// never fire, rules a broader deny fully shadows, allow rules wider than the default or without effect, and rules that
/// state the same intent twice. The analyses are conservative: they report only what holds for every possible call.
/// </summary>
internal static partial class PolicyLinter
{
    public static IReadOnlyList<LintFinding> Lint(string path)
    {
        PolicyDocument document;
        try
        {
            document = PolicyDocument.Load(path);
        }
        catch (PolicyFileException ex)
        {
            return [new LintFinding(LintCodes.Unreadable, LintSeverity.Error, path, null, ex.Message, null)];
        }

        return Lint(document);
    }

    public static IReadOnlyList<LintFinding> Lint(PolicyDocument document)
    {
        var findings = new List<LintFinding>();
        var locator = new Locator(document.Text);
        foreach (var name in document.PresentPackageSections)
        {
            findings.Add(new LintFinding(LintCodes.PackageSection, LintSeverity.Note, document.Name, $"{AgentGuardOptions.SectionName}:{name}", $"{AgentGuardOptions.SectionName}:{name} configures a package, not the policy engine; lint does not check it (the app checks it at start when the package is registered)", locator.ForKey(name)));
        }

        var section = document.ToConfiguration();
        var problems = AgentGuardConfiguration.Validate(section);
        foreach (var problem in problems)
        {
            var isKey = !string.Equals(problem.Path, AgentGuardOptions.SectionName, StringComparison.OrdinalIgnoreCase);
            var message = problem.Suggestion is null || problem.Message.Contains(problem.Suggestion, StringComparison.Ordinal) ? problem.Message : $"{problem.Message} (did you mean '{problem.Suggestion}'?)";
            var (key, line) = isKey ? locator.ForPath(problem.Path) : (AgentGuardOptions.SectionName, (int?)null);
            if (!isKey)
            {
                (key, line) = locator.ForError(problem.Message, section.Get<AgentGuardOptions>() ?? new AgentGuardOptions());
            }

            findings.Add(new LintFinding(isKey ? LintCodes.UnknownKey : LintCodes.Invalid, LintSeverity.Error, document.Name, key, message, line));
        }

        if (findings.Any(f => f.Code == LintCodes.UnknownKey))
        {
            // Key and value-form problems stop here: binding would misread what the analyses look at.
            return findings;
        }

        AgentGuardOptions options;
        try
        {
            options = section.Get<AgentGuardOptions>() ?? new AgentGuardOptions();
            if (problems.Count == 0)
            {
                using var host = PolicyTestHost.FromDocument(document);
            }
        }
        catch (InvalidOperationException ex)
        {
            findings.Add(new LintFinding(LintCodes.Invalid, LintSeverity.Error, document.Name, AgentGuardOptions.SectionName, ex.Message, null));
            return findings;
        }
        catch (AgentGuardPolicyException ex)
        {
            foreach (var error in ex.Errors)
            {
                findings.Add(new LintFinding(LintCodes.Invalid, LintSeverity.Error, document.Name, AgentGuardOptions.SectionName, error, null));
            }

            return findings;
        }

        var rules = options.Rules.Select((r, i) => r is null ? null : new RuleShape(i, r)).OfType<RuleShape>()
            .Where(r => r.IsDeny || r.IsAllow || string.Equals(r.Effect, "RequireApproval", StringComparison.OrdinalIgnoreCase))
            .ToArray();
        RuleAnalyses.Run(options, rules, (code, severity, rule, message) =>
            findings.Add(new LintFinding(code, severity, document.Name, rule is null ? AgentGuardOptions.SectionName : $"{AgentGuardOptions.SectionName}:Rules[{rule.Index}]", message, rule is null ? locator.ForKey("Mode") : locator.ForRule(rule.Id))));
        return findings;
    }

    /// <summary>Finds the line a rule or key is on, by its text (JSON or YAML).</summary>
    private sealed partial class Locator(string text)
    {
        private readonly string[] _lines = text.Split('\n');

        public int? ForRule(string id)
        {
            var pattern = new Regex($$"""(?i)"?\bId"?\s*:\s*["']?{{Regex.Escape(id)}}["']?\s*(,|\}|$)""", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            return Find(pattern);
        }

        public int? ForKey(string key)
            => Find(new Regex($"""(?i)"?\b{Regex.Escape(key)}"?\s*:""", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)));

        /// <summary><c>AgentGuard:Rules:2:When:Enviroments</c>: the key's line, searched from the rule's line when inside a rule.</summary>
        public (string Key, int? Line) ForPath(string path)
        {
            var parts = path.Split(':');
            var start = 0;
            var display = new System.Text.StringBuilder();
            for (var i = 0; i < parts.Length; i++)
            {
                if (int.TryParse(parts[i], CultureInfo.InvariantCulture, out var index))
                {
                    display.Append('[').Append(parts[i]).Append(']');
                    if (i > 0 && string.Equals(parts[i - 1], "Rules", StringComparison.OrdinalIgnoreCase))
                    {
                        start = RuleLine(index) ?? 0;
                    }
                }
                else
                {
                    display.Append(display.Length > 0 ? ":" : string.Empty).Append(parts[i]);
                }
            }

            var key = parts.LastOrDefault(p => !int.TryParse(p, CultureInfo.InvariantCulture, out _)) ?? path;
            var pattern = new Regex($"""(?i)"?\b{Regex.Escape(key)}"?\s*:""", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            return (display.ToString(), Find(pattern, Math.Max(0, start - 1)) ?? (start > 0 ? start : null));
        }

        /// <summary>The line of the n-th rule's Id, counting rules by their Id keys in order.</summary>
        private int? RuleLine(int index)
        {
            var pattern = new Regex("""(?i)"?\bId"?\s*:""", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            var seen = -1;
            for (var i = 0; i < _lines.Length; i++)
            {
                if (pattern.IsMatch(_lines[i]) && ++seen == index)
                {
                    return i + 1;
                }
            }

            return null;
        }

        public (string Key, int? Line) ForError(string error, AgentGuardOptions options)
        {
            var rule = RuleIndex().Match(error);
            if (rule.Success)
            {
                var index = int.Parse(rule.Groups[1].Value, CultureInfo.InvariantCulture);
                var id = index < options.Rules.Count ? options.Rules[index]?.Id : null;
                return ($"{AgentGuardOptions.SectionName}:Rules[{index}]", id is null ? null : ForRule(id.Trim()));
            }

            var key = error.Split(' ', 2)[0].TrimEnd(':', '.');
            return (key, ForKey(key.Split(':')[^1]));
        }

        private int? Find(Regex pattern, int from = 0)
        {
            for (var i = from; i < _lines.Length; i++)
            {
                if (pattern.IsMatch(_lines[i]))
                {
                    return i + 1;
                }
            }

            return null;
        }

        [GeneratedRegex(@"Rules\[(\d+)\]", RegexOptions.CultureInvariant)]
        private static partial Regex RuleIndex();
    }
}
