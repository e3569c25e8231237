using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace AgentGuard.Policies;

/// <summary>
/// Turns <see cref="AgentGuardOptions"/> into a <see cref="CompiledPolicy"/>, or into every problem it has, each
/// naming the rule and field: <c>AgentGuard:Rules[2] (export-chain): When.Sequence.Within '5 minutes' is not a time span (use "00:05:00").</c>
/// </summary>
/// <remarks>
/// The methods that run once per rule — here, in the rule index and in the configuration reader and binder — are
/// marked <see cref="MethodImplOptions.AggressiveOptimization"/>: a policy loads once at start-up, when .NET's tiered
/// compilation still runs new code unoptimised and postpones optimising it while start-up goes on, so a 10,000-rule
/// load would otherwise run almost entirely in that slow first tier. None of them is on the decision path.
/// </remarks>
internal static class PolicyCompiler
{
    private static readonly TimeSpan RegexTimeout = TimeSpan.FromMilliseconds(100);

    public static CompiledPolicy Compile(AgentGuardOptions options, string section = AgentGuardOptions.SectionName)
        => TryCompile(options, section, out var policy, out var errors) ? policy : throw new AgentGuardPolicyException(errors);

    public static bool TryCompile(AgentGuardOptions options, string section, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out CompiledPolicy? policy, out IReadOnlyList<string> errors)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        var context = new Problems(problems, section);

        var auditOnly = ParseChoice(context, "Mode", options.Mode, ["Enforce", "Audit"]) == "Audit";
        var defaultEffect = ParseEffect(context, "DefaultDecision", options.DefaultDecision) ?? DecisionEffect.Allow;
        var onError = ParseFailureMode(context, "OnError", options.OnError) ?? FailureMode.Auto;
        var timeout = ParseDuration(context, "EvaluationTimeout", options.EvaluationTimeout) ?? TimeSpan.FromMilliseconds(250);
        var idle = ParseDuration(context, "Sessions:IdleTimeout", options.Sessions.IdleTimeout) ?? TimeSpan.FromMinutes(30);
        var approvalTimeout = ParseDuration(context, "Approval:Timeout", options.Approval.Timeout) ?? TimeSpan.FromMinutes(2);
        var rememberApprovals = ParseChoice(context, "Approval:Remember", options.Approval.Remember, ["Never", "SameCall", "SameTool"]) switch
        {
            "SameTool" => ApprovalMemory.SameTool,
            "SameCall" => ApprovalMemory.SameCall,
            _ => ApprovalMemory.Once,
        };
        if (options.Sessions.MaxHistory is < 1 or > 10_000)
        {
            context.Add("Sessions:MaxHistory", $"{options.Sessions.MaxHistory} is out of range (1 to 10000)");
        }

        if (options.ReplaceDefaultRiskyTags && (options.RiskyTags is null || options.RiskyTags.All(string.IsNullOrWhiteSpace)))
        {
            context.Add("ReplaceDefaultRiskyTags", "is true but RiskyTags is empty, so no tag would make a call risky (list the tags, or remove ReplaceDefaultRiskyTags)");
        }

        if (options.Sessions.MaxSessions < 1)
        {
            context.Add("Sessions:MaxSessions", $"{options.Sessions.MaxSessions} must be at least 1");
        }

        if (options.Sessions.MaxSeenValues is < SessionOptions.MinSeenValues or > SessionOptions.MaxSeenValuesLimit)
        {
            context.Add("Sessions:MaxSeenValues", $"{options.Sessions.MaxSeenValues} is out of range ({SessionOptions.MinSeenValues} to {SessionOptions.MaxSeenValuesLimit}; each value takes 8 bytes per origin per session)");
        }

        if (options.Sessions.MaxRateLimitCounters < 1)
        {
            context.Add("Sessions:MaxRateLimitCounters", $"{options.Sessions.MaxRateLimitCounters} must be at least 1");
        }

        if (options.Arguments.MaxDepth is < 1 or > 1000)
        {
            context.Add("Arguments:MaxDepth", $"{options.Arguments.MaxDepth} is out of range (1 to 1000)");
        }

        if (options.Arguments.MaxLength < 2)
        {
            context.Add("Arguments:MaxLength", $"{options.Arguments.MaxLength} must be at least 2");
        }

        if (options.Detection.InjectionThreshold is < 0 or > 1)
        {
            context.Add("Detection:InjectionThreshold", $"{options.Detection.InjectionThreshold.ToString(CultureInfo.InvariantCulture)} is out of range (0 to 1)");
        }

        var tools = CompileTools(context, options.Tools);
        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var rules = CompileRules(context, options, options.Rules, ids);
        var named = CompileNamedPolicies(context, options, ids);

        errors = problems;
        if (problems.Count > 0)
        {
            policy = null;
            return false;
        }

        var policyValue = new CompiledPolicy
        {
            AuditOnly = auditOnly,
            DefaultEffect = defaultEffect,
            OnError = onError,
            EvaluationTimeout = timeout,
            RiskyTags = [.. (options.ReplaceDefaultRiskyTags ? options.RiskyTags ?? [] : AgentGuardOptions.DefaultRiskyTags.Concat(options.RiskyTags ?? []))
                .Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t.Trim()).Distinct(StringComparer.OrdinalIgnoreCase)],
            NameToolInModelMessage = options.NameToolInModelMessage,
            Tools = tools,
            Rules = rules,
            Index = new RuleIndex(rules, tools),
            MaxHistory = options.Sessions.MaxHistory,
            IdleTimeout = idle,
            MaxSessions = options.Sessions.MaxSessions,
            SessionLimits = new SessionLimits(options.Sessions.MaxHistory, idle, options.Sessions.MaxSessions)
            {
                MaxSeenValues = options.Sessions.MaxSeenValues,
                MaxRateLimitCounters = options.Sessions.MaxRateLimitCounters,
                RateLimitHitsKept = RateLimitHitsKept(options),
            },
            ArgumentLimits = new ToolArgumentLimits { MaxDepth = options.Arguments.MaxDepth, MaxLength = options.Arguments.MaxLength },
            Audit = options.Audit,
            Detection = options.Detection,
            ApprovalTimeout = approvalTimeout,
            RememberApprovals = rememberApprovals,
            // With the named policies' rules: work that only produces a tag (the argument-secret scan) asks the
            // top-level policy, and a named policy's rule on that tag must still see it.
            ReferencedTags = ReferencedTags([.. options.Rules, .. named.SelectMany(n => n.Options)]),
            Options = options,
        };

        // A named policy is the top-level policy with its own rules added and its own default.
        policyValue.Named = named.ToFrozenDictionary(
            n => n.Name,
            n => policyValue.ForNamed(n.Name, [.. rules, .. n.Rules], n.DefaultEffect ?? defaultEffect, ReferencedTags([.. options.Rules, .. n.Options])),
            StringComparer.OrdinalIgnoreCase);
        policy = policyValue;
        return true;
    }

    /// <summary>One more than the largest <c>When.RateLimit.Max</c> of any rule: the newest hits a counter must keep to decide exactly.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int RateLimitHitsKept(AgentGuardOptions options)
    {
        var max = 0;
        foreach (var rule in options.Rules.Concat(options.Policies.Values.SelectMany(p => p?.Rules ?? [])))
        {
            max = Math.Max(max, rule?.When?.RateLimit?.Max ?? 0);
        }

        return max > 0 ? Math.Min(max, int.MaxValue - 1) + 1 : 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static FrozenSet<string> ReferencedTags(IEnumerable<RuleOptions?> rules)
    {
        var tags = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var rule in rules)
        {
            if (rule is null)
            {
                continue;
            }

            AddNonBlank(tags, rule.Match?.TagsIfAny);
            AddNonBlank(tags, rule.When?.DataTagsIfAny);
            AddNonBlank(tags, rule.When?.Sequence?.TagsIfAny);
        }

        return tags.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

        static void AddNonBlank(HashSet<string> tags, List<string>? values)
        {
            if (values is null)
            {
                return;
            }

            foreach (var value in values)
            {
                if (!string.IsNullOrWhiteSpace(value))
                {
                    tags.Add(value);
                }
            }
        }
    }

    private static List<(string Name, List<CompiledRule> Rules, DecisionEffect? DefaultEffect, List<RuleOptions> Options)> CompileNamedPolicies(Problems problems, AgentGuardOptions options, HashSet<string> ids)
    {
        var named = new List<(string, List<CompiledRule>, DecisionEffect?, List<RuleOptions>)>();
        foreach (var (name, policy) in options.Policies)
        {
            var prefix = $"Policies:{name}:";
            if (string.IsNullOrWhiteSpace(name) || name.Trim() != name)
            {
                problems.Add("Policies", $"has a policy named '{name}' (a name must be non-empty, without surrounding spaces)");
                continue;
            }

            if (policy is null)
            {
                problems.Add(prefix.TrimEnd(':'), "is empty (give it Rules or a DefaultDecision, or remove it)");
                continue;
            }

            var effect = policy.DefaultDecision is null ? null : ParseEffect(problems, prefix + "DefaultDecision", policy.DefaultDecision);
            named.Add((name, CompileRules(problems, options, policy.Rules, ids, prefix), effect, policy.Rules));
        }

        return named;
    }

    private static ToolClassifier CompileTools(Problems problems, Dictionary<string, ToolOptions> tools)
    {
        var entries = new List<(Glob, string[], RiskLevel, ArgumentPath[], bool, bool, ArgumentPath?[], bool)>();
        foreach (var (pattern, tool) in tools)
        {
            var field = $"Tools:{pattern}";
            if (string.IsNullOrWhiteSpace(pattern))
            {
                problems.Add("Tools", "has an entry with an empty name");
                continue;
            }

            var risk = tool.Risk is null ? RiskLevel.Unknown : ParseRisk(problems, field + ":Risk", tool.Risk);
            var sensitive = new List<ArgumentPath>();
            for (var i = 0; i < tool.SensitiveArguments.Count; i++)
            {
                if (ArgumentPath.TryParse(tool.SensitiveArguments[i], out var path, out var error))
                {
                    sensitive.Add(path);
                }
                else
                {
                    problems.Add($"{field}:SensitiveArguments[{i}]", error!);
                }
            }

            var fields = new List<ArgumentPath?>();
            for (var i = 0; i < tool.UntrustedFields.Count; i++)
            {
                if (string.Equals(tool.UntrustedFields[i]?.Trim(), UntrustedFields.FreeText, StringComparison.OrdinalIgnoreCase))
                {
                    fields.Add(null);
                }
                else if (ArgumentPath.TryParse(tool.UntrustedFields[i], out var path, out var error))
                {
                    fields.Add(path);
                }
                else
                {
                    problems.Add($"{field}:UntrustedFields[{i}]", error! + $" (or '{UntrustedFields.FreeText}')");
                }
            }

            entries.Add((Glob.Create(pattern), [.. tool.Tags.Where(t => !string.IsNullOrWhiteSpace(t))], risk, [.. sensitive], tool.Untrusted, tool.Trusted, [.. fields], tool.AppliesToShellCommands));
        }

        return new ToolClassifier([.. entries]);
    }

    /// <summary>From this many rules in one list, they are compiled in parallel (in chunks of <see cref="ChunkRules"/>).</summary>
    private const int MinParallelRules = 2_048;

    /// <summary>Rules compiled together by one worker; the chunks' rules and problems are joined in list order.</summary>
    private const int ChunkRules = 512;

    /// <summary>
    /// Compiles one list of rules (the top-level ones, or a named policy's under <paramref name="prefix"/>); ids are unique
    /// across every list. Ids are checked first, in order, so a repeated id is reported at its second use however the
    /// list is split; a long list is then compiled in parallel chunks whose rules and problems are joined in order, so
    /// the result and every message are those of compiling it in one pass.
    /// </summary>
    private static List<CompiledRule> CompileRules(Problems problems, AgentGuardOptions options, List<RuleOptions> list, HashSet<string> ids, string prefix = "")
    {
        var repeated = new bool[list.Count];
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] is { Id: { } id } && !string.IsNullOrWhiteSpace(id) && !ids.Add(id.Trim()))
            {
                repeated[i] = true;
            }
        }

        if (list.Count < MinParallelRules)
        {
            return CompileRange(problems, options, list, repeated, prefix, 0, list.Count);
        }

        var chunks = new (List<CompiledRule> Rules, List<string> Problems)[(list.Count + ChunkRules - 1) / ChunkRules];
        Infrastructure.InChunks.Run(list.Count, ChunkRules, (start, end) =>
        {
            var found = new List<string>();
            chunks[start / ChunkRules] = (CompileRange(problems.Into(found), options, list, repeated, prefix, start, end), found);
        });

        var all = new List<CompiledRule>(list.Count);
        foreach (var (rules, found) in chunks)
        {
            all.AddRange(rules);
            problems.AddFound(found);
        }

        return all;
    }

    /// <summary>Compiles the rules at positions <paramref name="from"/> to <paramref name="to"/> (exclusive) of <paramref name="list"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static List<CompiledRule> CompileRange(Problems problems, AgentGuardOptions options, List<RuleOptions> list, bool[] repeated, string prefix, int from, int to)
    {
        var rules = new List<CompiledRule>(to - from);
        for (var i = from; i < to; i++)
        {
            var rule = list[i];
            var id = string.IsNullOrWhiteSpace(rule?.Id) ? $"#{i}" : rule.Id.Trim();
            var scope = problems.ForRule(prefix, i, id);
            if (rule is null)
            {
                scope.Add("Rule", "is empty");
                continue;
            }

            if (string.IsNullOrWhiteSpace(rule.Id))
            {
                scope.Add("Id", "is missing (every rule needs a unique id)");
            }
            else if (repeated[i])
            {
                scope.Add("Id", $"'{id}' is used by more than one rule");
            }

            var effect = rule.Effect is null ? null : ParseEffect(scope, "Effect", rule.Effect);
            if (rule.Effect is null)
            {
                scope.Add("Effect", "is missing (use Deny, RequireApproval or Allow)");
            }

            var onError = rule.OnError is null ? options.OnError is null ? FailureMode.Auto : (ParseFailureModeQuiet(options.OnError) ?? FailureMode.Auto) : ParseFailureMode(scope, "OnError", rule.OnError) ?? FailureMode.Auto;
            var match = rule.Match;
            var tools = CompileGlobs(scope, "Match.Tools", match?.ToolsIfAny);
            var sources = CompileGlobs(scope, "Match.Sources", match?.SourcesIfAny);
            var kinds = new List<ToolKind>();
            foreach (var kind in System.Runtime.InteropServices.CollectionsMarshal.AsSpan(match?.KindsIfAny))
            {
                if (Enum.TryParse<ToolKind>(kind, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(kind, out _))
                {
                    kinds.Add(parsed);
                }
                else
                {
                    scope.Add("Match.Kinds", $"'{kind}' is not a kind (use {string.Join(", ", Enum.GetNames<ToolKind>())})");
                }
            }

            var tags = NonBlank(match?.TagsIfAny);
            var minRisk = match?.MinRisk is not { } risk ? RiskLevel.Unknown : ParseRisk(scope, "Match.MinRisk", risk);
            var conditions = rule.When is null ? [] : CompileWhen(scope, id, rule.When, options);

            var matchIsEmpty = tools.IsEmpty && sources.IsEmpty && kinds.Count == 0 && tags.Length == 0 && minRisk == RiskLevel.Unknown;
            if (matchIsEmpty && conditions.Count == 0)
            {
                scope.Add("Match", "is empty and the rule has no When conditions, so it would apply to every call; name Tools, Kinds, Sources or Tags (use Tools: [\"*\"] to mean every tool)");
            }

            if (effect is null)
            {
                continue;
            }

            rules.Add(new CompiledRule(i, id, effect.Value, rule.Reason, rule.Message, rule.Alert, rule.StopAgent, onError, tools, kinds, sources, tags, minRisk, [.. conditions]));
        }

        return rules;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static List<Condition> CompileWhen(Problems scope, string ruleId, WhenOptions when, AgentGuardOptions options)
    {
        var conditions = new List<Condition>();
        if (when.User is { } user)
        {
            if (user.External == true && user.Anonymous == true)
            {
                scope.Add("When.User", "External: true and Anonymous: true can never both hold, so the rule can never match");
            }

            var groups = Clean(user.GroupsIfAny);
            var notGroups = Clean(user.NotGroupsIfAny);
            if (groups.Length > 0 && groups.All(g => notGroups.Contains(g, StringComparer.OrdinalIgnoreCase)))
            {
                scope.Add("When.User", "every group in Groups is also in NotGroups, so the rule can never match");
            }

            if (user.IdsIfAny is not { Count: > 0 } && groups.Length == 0 && notGroups.Length == 0 && user.RolesIfAny is not { Count: > 0 } && user.External is null && user.Anonymous is null)
            {
                scope.Add("When.User", "is empty (set Ids, Groups, NotGroups, Roles, External or Anonymous)");
            }
            else
            {
                conditions.Add(new UserCondition(Clean(user.IdsIfAny), groups, notGroups, Clean(user.RolesIfAny), user.External, user.Anonymous));
            }
        }

        AddValues(conditions, ContextValueCondition.Field.Environment, when.EnvironmentsIfAny);
        AddValues(conditions, ContextValueCondition.Field.Team, when.TeamsIfAny);
        AddValues(conditions, ContextValueCondition.Field.Agent, when.AgentsIfAny);
        if (Clean(when.DataTagsIfAny) is { Length: > 0 } dataTags)
        {
            conditions.Add(new DataTagsCondition(dataTags));
        }

        if (Clean(when.SessionLabelsIfAny) is { Length: > 0 } labels)
        {
            conditions.Add(new SessionLabelsCondition(labels));
        }

        if (when.AttributesIfAny is { Count: > 0 } || when.AttributesAnyOfIfAny is { Count: > 0 })
        {
            var required = new List<KeyValuePair<string, string[]>>();
            var evidence = new List<string>();
            foreach (var (key, value) in when.AttributesIfAny ?? new Dictionary<string, string>())
            {
                required.Add(new(key, [value]));
                evidence.Add($"{key}={value}");
            }

            foreach (var (key, values) in when.AttributesAnyOfIfAny ?? new Dictionary<string, List<string>>())
            {
                var cleaned = Clean(values ?? []);
                if (cleaned.Length == 0)
                {
                    scope.Add($"When.AttributesAnyOf.{key}", "is empty, so the rule could never match (list the values, or remove it)");
                    continue;
                }

                required.Add(new(key, cleaned));
                evidence.Add($"{key} in [{string.Join(",", cleaned)}]");
            }

            conditions.Add(new AttributesCondition([.. required], string.Join(" and ", evidence)));
        }

        if (when.CountersIfAny is { } counters)
        {
            foreach (var (name, counter) in counters)
            {
                if (counter is null || (counter.GreaterThan is null && counter.LessThan is null))
                {
                    scope.Add($"When.Counters.{name}", "has no bound (set GreaterThan and/or LessThan)");
                    continue;
                }

                if (counter.GreaterThan is { } low && counter.LessThan is { } high && low >= high)
                {
                    scope.Add($"When.Counters.{name}", $"GreaterThan {low.ToString(CultureInfo.InvariantCulture)} and LessThan {high.ToString(CultureInfo.InvariantCulture)} can never both hold, so the rule can never match");
                    continue;
                }

                var bounds = new List<string>();
                if (counter.GreaterThan is { } above)
                {
                    bounds.Add($"{name} > {above.ToString(CultureInfo.InvariantCulture)}");
                }

                if (counter.LessThan is { } below)
                {
                    bounds.Add($"{name} < {below.ToString(CultureInfo.InvariantCulture)}");
                }

                conditions.Add(new CounterCondition(name, counter.GreaterThan, counter.LessThan, string.Join(" and ", bounds)));
            }
        }

        for (var i = 0; when.ArgumentsIfAny is { } arguments && i < arguments.Count; i++)
        {
            if (CompileArgument(scope, i, arguments[i]) is { } argument)
            {
                conditions.Add(argument);
            }
        }

        if (when.Sequence is { } sequence && CompileSequence(scope, sequence, options) is { } compiledSequence)
        {
            conditions.Add(compiledSequence);
        }

        if (when.RateLimit is { } rate)
        {
            var per = ParseDuration(scope, "When.RateLimit.Per", rate.Per);
            var by = ParseChoice(scope, "When.RateLimit.By", rate.By, ["Session", "User", "Tool", "Global"]);
            if (rate.Max < 1)
            {
                scope.Add("When.RateLimit.Max", $"{rate.Max} must be at least 1 (a limit of {rate.Max} applies to every call: write the rule without RateLimit instead)");
            }

            if (per is { } window && by is not null && rate.Max >= 1)
            {
                var byScope = Enum.Parse<RateLimitCondition.Scope>(by, ignoreCase: true);
                conditions.Add(new RateLimitCondition(ruleId, rate.Max, window, byScope, $"more than {rate.Max} calls per {window} by {by.ToLowerInvariant()}"));
            }
        }

        if (when.Provenance is { } provenance)
        {
            ArgumentPath? path = null;
            string? error = null;
            var recipients = string.Equals(provenance.Argument?.Trim(), ProvenanceCondition.RecipientsArgument, StringComparison.OrdinalIgnoreCase);
            if (!recipients && !ArgumentPath.TryParse(provenance.Argument, out path, out error))
            {
                scope.Add("When.Provenance.Argument", error! + $" (or '{ProvenanceCondition.RecipientsArgument}' for the tool's recipient-like arguments)");
            }

            var from = provenance.From is null ? ["prompt", "trusted"] : Clean(provenance.From);
            var unknown = from.Where(f => f is not ("prompt" or "trusted" or "allowlist" or "correspondent")).ToArray();
            if (unknown.Length > 0)
            {
                scope.Add("When.Provenance.From", $"'{unknown[0]}' is not an origin (use prompt, trusted, allowlist or correspondent)");
            }
            else if (from.Length == 0)
            {
                scope.Add("When.Provenance.From", "is empty, so no value could ever be accepted (list prompt, trusted, allowlist and/or correspondent)");
            }

            if ((path is not null || recipients) && unknown.Length == 0 && from.Length > 0)
            {
                var allow = from.Contains("allowlist") ? (provenance.AllowlistIfAny ?? []).Where(v => !string.IsNullOrWhiteSpace(v)).Select(Provenance.ProvenanceValue.Parse).ToArray() : [];
                conditions.Add(new ProvenanceCondition(path, from.Contains("prompt"), from.Contains("trusted"), from.Contains("correspondent"), allow, $"{(path?.ToString() ?? ProvenanceCondition.RecipientsArgument)} not from [{string.Join(",", from)}]"));
            }
        }

        if (when.CarriesSessionData is { } carries)
        {
            if (ArgumentPath.TryParse(carries.Argument, out var carriesPath, out var carriesError))
            {
                conditions.Add(new CarriesSessionDataCondition(carriesPath));
            }
            else
            {
                scope.Add("When.CarriesSessionData.Argument", carriesError!);
            }
        }

        if (when.OutsideTaskScope == true)
        {
            conditions.Add(new TaskScopeCondition());
        }

        if (when.ToolNamedByResult == true)
        {
            conditions.Add(new ToolNamedByResultCondition());
        }

        return conditions;

        static void AddValues(List<Condition> list, ContextValueCondition.Field field, List<string>? values)
        {
            if (Clean(values) is { Length: > 0 } cleaned)
            {
                list.Add(new ContextValueCondition(field, cleaned));
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static ArgumentCondition? CompileArgument(Problems scope, int index, ArgumentConditionOptions argument)
    {
        // Worded only for a problem: most rules' arguments have none.
        string Field() => $"When.Arguments[{index}]";

        if (!ArgumentPath.TryParse(argument.Path, out var path, out var error))
        {
            scope.Add(Field() + ".Path", error!);
            return null;
        }

        var tests = new List<string>();
        if (argument.EqualTo is not null)
        {
            tests.Add("Equals");
        }

        if (argument.OneOfIfAny is { Count: > 0 })
        {
            tests.Add("OneOf");
        }

        if (argument.NotOneOfIfAny is { Count: > 0 })
        {
            tests.Add("NotOneOf");
        }

        if (argument.Regex is not null)
        {
            tests.Add("Regex");
        }

        if (argument.Contains is not null)
        {
            tests.Add("Contains");
        }

        if (argument.GreaterThan is not null)
        {
            tests.Add("GreaterThan");
        }

        if (argument.LessThan is not null)
        {
            tests.Add("LessThan");
        }

        if (argument.Exists is not null)
        {
            tests.Add("Exists");
        }

        if (tests.Count != 1)
        {
            scope.Add(Field(), tests.Count == 0
                ? "has no test (set one of Equals, OneOf, NotOneOf, Regex, Contains, GreaterThan, LessThan, Exists)"
                : $"has {tests.Count} tests ({string.Join(", ", tests)}); use one per entry and add more entries to combine them");
            return null;
        }

        if (argument.CaseSensitive is not null && argument.Regex is null)
        {
            scope.Add(Field() + ".CaseSensitive", "applies only to a Regex test (Equals, OneOf, NotOneOf and Contains always ignore case)");
            return null;
        }

        RuleRegex? regex = null;
        if (argument.Regex is not null)
        {
            try
            {
                regex = scope.Regex(argument.Regex, RegexTimeout, ignoreCase: argument.CaseSensitive != true);
            }
            catch (ArgumentException ex)
            {
                scope.Add(Field() + ".Regex", $"'{argument.Regex}' is not a valid regular expression: {ex.Message}");
                return null;
            }
        }

        return tests[0] switch
        {
            "Equals" => new ArgumentCondition(path, ArgumentCondition.Test.Equal, argument.EqualTo, [], null, 0),
            "OneOf" => new ArgumentCondition(path, ArgumentCondition.Test.OneOf, null, Clean(argument.OneOfIfAny), null, 0),
            "NotOneOf" => new ArgumentCondition(path, ArgumentCondition.Test.NotOneOf, null, Clean(argument.NotOneOfIfAny), null, 0),
            "Regex" => new ArgumentCondition(path, ArgumentCondition.Test.Regex, null, [], regex, 0),
            "Contains" => new ArgumentCondition(path, ArgumentCondition.Test.Contains, argument.Contains, [], null, 0),
            "GreaterThan" => new ArgumentCondition(path, ArgumentCondition.Test.GreaterThan, null, [], null, argument.GreaterThan!.Value),
            "LessThan" => new ArgumentCondition(path, ArgumentCondition.Test.LessThan, null, [], null, argument.LessThan!.Value),
            _ => new ArgumentCondition(path, argument.Exists == true ? ArgumentCondition.Test.Exists : ArgumentCondition.Test.Absent, null, [], null, 0),
        };
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static SequenceCondition? CompileSequence(Problems scope, SequenceConditionOptions sequence, AgentGuardOptions options)
    {
        var ok = true;
        var tools = CompileGlobs(scope, "When.Sequence.Tools", sequence.ToolsIfAny);
        var tags = Clean(sequence.TagsIfAny);
        if (tools.IsEmpty && tags.Length == 0)
        {
            scope.Add("When.Sequence", "names neither Tools nor Tags, so there is nothing to count");
            ok = false;
        }

        if (sequence.AtLeast < 1)
        {
            scope.Add("When.Sequence.AtLeast", $"{sequence.AtLeast} must be at least 1");
            ok = false;
        }
        else if (sequence.AtLeast - 1 > options.Sessions.MaxHistory)
        {
            scope.Add("When.Sequence.AtLeast", $"{sequence.AtLeast} can never be reached: sessions keep only {options.Sessions.MaxHistory} calls (raise Sessions:MaxHistory)");
            ok = false;
        }

        if (sequence.WithinCalls < 0)
        {
            scope.Add("When.Sequence.WithinCalls", $"{sequence.WithinCalls} must not be negative");
            ok = false;
        }
        else if (sequence.WithinCalls > 0 && sequence.WithinCalls < sequence.AtLeast - 1)
        {
            scope.Add("When.Sequence.WithinCalls", $"{sequence.WithinCalls} earlier calls can never hold {sequence.AtLeast - 1}, so the rule can never match");
            ok = false;
        }

        TimeSpan? within = null;
        if (sequence.Within is not null)
        {
            within = ParseDuration(scope, "When.Sequence.Within", sequence.Within);
            ok &= within is not null;
        }

        if (!ok)
        {
            return null;
        }

        var what = string.Join(" or ", new[] { tools.IsEmpty ? null : $"tool in [{tools}]", tags.Length == 0 ? null : $"tag in [{string.Join(",", tags)}]" }.Where(s => s is not null));
        var evidence = $"at least {sequence.AtLeast} calls with {what}" + (sequence.WithinCalls > 0 ? $" in the last {sequence.WithinCalls} calls" : string.Empty) + (within is { } w ? $" within {w}" : string.Empty);
        return new SequenceCondition(tools, tags, sequence.AtLeast, sequence.WithinCalls, within, sequence.OnlyAllowed, evidence);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static GlobSet CompileGlobs(Problems scope, string field, List<string>? patterns)
    {
        if (patterns is null)
        {
            return new GlobSet();
        }

        for (var i = 0; i < patterns.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(patterns[i]))
            {
                scope.Add($"{field}[{i}]", "is empty");
            }
        }

        return new GlobSet(patterns);
    }

    /// <summary>The non-blank values, trimmed (no iterator objects: a policy has nine such lists per rule, most empty).</summary>
    private static string[] Clean(List<string>? values) => NonBlank(values, trim: true);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static string[] NonBlank(List<string>? values, bool trim = false)
    {
        if (values is null)
        {
            return [];
        }

        var count = 0;
        foreach (var value in values)
        {
            count += string.IsNullOrWhiteSpace(value) ? 0 : 1;
        }

        if (count == 0)
        {
            return [];
        }

        var result = new string[count];
        var at = 0;
        foreach (var value in values)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                result[at++] = trim ? value.Trim() : value;
            }
        }

        return result;
    }

    private static string? ParseChoice(Problems scope, string field, string? value, string[] choices)
    {
        var match = choices.FirstOrDefault(c => string.Equals(c, value?.Trim(), StringComparison.OrdinalIgnoreCase));
        if (match is null)
        {
            scope.Add(field, $"'{value}' is not one of {string.Join(", ", choices)}");
        }

        return match;
    }

    private static DecisionEffect? ParseEffect(Problems scope, string field, string value)
        => ParseChoice(scope, field, value, ["Deny", "RequireApproval", "Allow"]) is { } effect ? Enum.Parse<DecisionEffect>(effect) : null;

    private static FailureMode? ParseFailureMode(Problems scope, string field, string value)
        => ParseChoice(scope, field, value, ["Auto", "Deny", "RequireApproval", "AllowWithAlert"]) is { } mode ? Enum.Parse<FailureMode>(mode) : null;

    private static FailureMode? ParseFailureModeQuiet(string value)
        => Enum.TryParse<FailureMode>(value, ignoreCase: true, out var mode) && Enum.IsDefined(mode) ? mode : null;

    private static RiskLevel ParseRisk(Problems scope, string field, string value)
        => ParseChoice(scope, field, value, ["Low", "Medium", "High", "Critical"]) is { } risk ? Enum.Parse<RiskLevel>(risk) : RiskLevel.Unknown;

    private static TimeSpan? ParseDuration(Problems scope, string field, string? value)
    {
        if (value is not null && TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out var parsed) && parsed > TimeSpan.Zero)
        {
            return parsed;
        }

        scope.Add(field, value is null
            ? "is missing (write a time span such as \"00:05:00\")"
            : $"'{value}' is not a positive time span (use \"hh:mm:ss\", e.g. \"00:05:00\")");
        return null;
    }

    /// <summary>
    /// Collects problems, prefixing each with where it is; and, for the one compile it serves, the regular expressions
    /// already built, so rules that write the same pattern share one (building one costs tens of microseconds and
    /// kilobytes; a large policy repeats a few patterns across thousands of rules). Sharing is exact: a
    /// <see cref="RuleRegex"/> answers from its pattern alone.
    /// </summary>
    private sealed class Problems(List<string> list, string section, string? prefix = null, int index = -1, string? rule = null, ConcurrentDictionary<string, RuleRegex>? regexes = null)
    {
        private readonly ConcurrentDictionary<string, RuleRegex> _regexes = regexes ?? new(StringComparer.Ordinal);

        public void Add(string field, string problem)
            => list.Add(rule is null ? $"{section}:{field} {problem}." : $"{section}:{prefix}Rules[{index}] ({rule}): {field} {problem}.");

        /// <summary>Problems of one rule, named by its list, position and id (worded only when one is added).</summary>
        public Problems ForRule(string prefix, int index, string id) => new(list, section, prefix, index, id, _regexes);

        /// <summary>The same section and regexes, writing problems into <paramref name="found"/> (one parallel chunk's).</summary>
        public Problems Into(List<string> found) => new(found, section, prefix, index, rule, _regexes);

        /// <summary>Problems another <see cref="Into"/> found, already worded, appended in their order.</summary>
        public void AddFound(List<string> found) => list.AddRange(found);

        /// <summary>
        /// The rule regex for <paramref name="pattern"/>, shared by every rule of the compile that writes it (chunks
        /// compiled at once may each build one; one is kept). Throws <see cref="ArgumentException"/> for an invalid
        /// pattern, which is never cached, so each rule writing it is reported.
        /// </summary>
        public RuleRegex Regex(string pattern, TimeSpan budget, bool ignoreCase)
        {
            var key = (ignoreCase ? "i:" : "c:") + pattern; // the same pattern with and without case is two regexes
            return _regexes.TryGetValue(key, out var regex) ? regex : _regexes.GetOrAdd(key, new RuleRegex(pattern, budget, ignoreCase));
        }
    }
}
