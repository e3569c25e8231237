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
        AgentGuardOptions options;
        try
        {
            options = document.ToConfiguration().Get<AgentGuardOptions>() ?? new AgentGuardOptions();
        }
        catch (InvalidOperationException ex)
        {
            findings.Add(new LintFinding(LintCodes.Invalid, LintSeverity.Error, document.Name, AgentGuardOptions.SectionName, ex.Message, null));
            return findings;
        }

        try
        {
            using var host = PolicyTestHost.FromDocument(document);
        }
        catch (AgentGuardPolicyException ex)
        {
            foreach (var error in ex.Errors)
            {
                var (key, line) = locator.ForError(error, options);
                findings.Add(new LintFinding(LintCodes.Invalid, LintSeverity.Error, document.Name, key, error, line));
            }
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

        private int? Find(Regex pattern)
        {
            for (var i = 0; i < _lines.Length; i++)
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
