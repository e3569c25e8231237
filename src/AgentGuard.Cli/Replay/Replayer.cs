using AgentGuard.Testing;

namespace AgentGuard.Cli.Replay;

/// <summary>
/// Decides recorded calls again under a policy, through a real engine, in the order they were made: each session gets
/// its recorded labels before its call, the clock follows the recorded times, so sequence rules, time windows and
/// rate limits see the same history as the live engine did. What was never recorded cannot be replayed: redacted
/// argument values and the text provenance rules compare against; calls that depend on them carry a caveat.
/// </summary>
internal static class Replayer
{
    public static async Task<IReadOnlyList<ReplayedCall>> ReplayAsync(PolicyDocument policy, IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken)
    {
        await using var host = PolicyTestHost.FromDocument(policy);
        var options = host.Options;
        var provenanceRules = options.Rules.Where(r => r?.When?.Provenance is not null && r.Id is not null).Select(r => r!.Id!.Trim()).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var argumentRules = options.Rules.Where(r => r?.When is { } when && (when.Arguments.Count > 0 || when.Provenance is not null) && r.Id is not null).Select(r => r!.Id!.Trim()).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var results = new List<ReplayedCall>(entries.Count);
        foreach (var entry in entries)
        {
            if (entry.Time > host.Clock.GetUtcNow())
            {
                host.Clock.SetUtcNow(entry.Time);
            }

            if (entry.Context.SessionId is { Length: > 0 } session && entry.Labels.Count > 0)
            {
                host.Workbench.AddSessionLabels(session, entry.Labels);
            }

            var decision = await host.Engine.EvaluateAsync(entry.Call, entry.Context, cancellationToken).ConfigureAwait(false);
            if (decision.IsAllowed && entry.Context.SessionId is { Length: > 0 })
            {
                // The result text was never recorded; an empty result still labels the session when the tool is untrusted under this policy.
                await host.Engine.InspectResultAsync(entry.Call, entry.Context, new ToolResult(string.Empty), cancellationToken).ConfigureAwait(false);
            }

            results.Add(new ReplayedCall(entry, decision.PolicyEffect, decision.RuleIds, Caveat(entry, decision, provenanceRules, argumentRules)));
        }

        return results;
    }

    private static string? Caveat(AuditEntry entry, Decision decision, HashSet<string> provenanceRules, HashSet<string> argumentRules)
    {
        var involved = decision.RuleIds.Concat(entry.Rules).ToArray();
        if (involved.Any(provenanceRules.Contains) || entry.Evidence.Any(e => e.Contains(" not from [", StringComparison.Ordinal)))
        {
            return "provenance: what the user typed and tools returned is not recorded, so where an argument came from cannot be re-checked";
        }

        if (entry.ArgumentsMissing && involved.Any(argumentRules.Contains))
        {
            return "arguments: the record has none (Audit:IncludeArguments was false)";
        }

        if (entry.ArgumentsRedacted && involved.Any(argumentRules.Contains))
        {
            return "arguments: some values were redacted or cut in the record, and a deciding rule tests arguments";
        }

        return null;
    }
}
