using System.Text.Json;

namespace AgentGuard.Policies;

/// <summary>
/// <c>When.Provenance</c>: holds when an argument's value was not seen in any allowed origin — the user's prompts,
/// results of trusted tools, host resolvers, the allowlist. A payee found only in a web page the agent read matches;
/// one the user typed does not.
/// </summary>
internal sealed class ProvenanceCondition(ArgumentPath path, bool fromPrompt, bool fromTrusted, string[] allowlist, string evidence) : Condition
{
    /// <summary>Values shorter than this (normalized) carry no provenance signal and are accepted.</summary>
    internal const int MinimumLength = 4;

    public override string Evidence => evidence;

    public override int Order => 3;

    public override bool IsMet(in EvaluationInput input)
    {
        if (!TryValue(in input, out var raw, out var normalized))
        {
            return false;
        }

        foreach (var allowed in allowlist)
        {
            if (allowed == normalized)
            {
                return false;
            }
        }

        if (fromPrompt)
        {
            if (input.Context.Prompt is { } prompt && ValueNormalizer.NormalizeText(prompt).Contains(normalized, StringComparison.Ordinal))
            {
                return false;
            }

            if (input.Session.WasSeen(ValueOrigin.Prompt, normalized))
            {
                return false;
            }
        }

        if (fromTrusted)
        {
            if (input.Session.WasSeen(ValueOrigin.Trusted, normalized))
            {
                return false;
            }

            foreach (var resolver in input.Resolvers)
            {
                if (resolver.IsTrusted(input.Call.ToolName, path.Text, raw, input.Context))
                {
                    return false;
                }
            }
        }

        return true;
    }

    public override void DeclareReads(in EvaluationInput input, SessionReads reads)
    {
        if (!TryValue(in input, out _, out var normalized))
        {
            return;
        }

        if (fromPrompt)
        {
            reads.Seen.Add((ValueOrigin.Prompt, normalized));
        }

        if (fromTrusted)
        {
            reads.Seen.Add((ValueOrigin.Trusted, normalized));
        }
    }

    private bool TryValue(in EvaluationInput input, out string raw, out string normalized)
    {
        raw = normalized = string.Empty;
        if (input.Call.Arguments.IsMalformed || !path.TryEvaluate(input.Call.Arguments.Root, out var value) || value.ValueKind is JsonValueKind.Null)
        {
            return false;
        }

        raw = value.ValueKind == JsonValueKind.String ? value.GetString() ?? string.Empty : value.GetRawText();
        normalized = ValueNormalizer.Normalize(raw);
        return normalized.Length >= MinimumLength;
    }
}
