using System.Text.Json;
using AgentGuard.Inference;
using AgentGuard.Provenance;

namespace AgentGuard.Policies;

/// <summary>
/// <c>When.OutsideTaskScope</c>: holds when the call is outside the session's task scope. With a host-supplied
/// <see cref="TaskScope"/>: the tool matches none of its globs, or a recipient-like argument holds a value it does not
/// list. Without one, the prompt-implied scope: a tool inferred to act on the world (a sink) is outside unless the
/// user's prompt names its action (a word of the tool's name after its verb, e.g. "unlock" or "door" for
/// <c>AugustSmartLockUnlockDoor</c>, matched on a common stem). Tools that only read are always inside.
/// </summary>
internal sealed class TaskScopeCondition : Condition
{
    private static readonly HashSet<string> Generic = new(StringComparer.Ordinal)
    {
        "action", "actions", "data", "item", "items", "information", "info", "details", "user", "users", "level", "system",
        "manager", "request", "state", "personal", "from", "with", "into",
    };

    public override string Evidence => "outside the task scope";

    public override int Order => 3;

    public override bool ReadsArguments => true;

    public override bool IsMet(in EvaluationInput input)
    {
        var roles = ToolRoleInference.Infer(input.Call.ToolName, input.Call.Descriptor);
        if (input.Context.TaskScope is { } scope)
        {
            return !InHostScope(scope, input.Call, roles);
        }

        if (!roles.IsSink || input.Context.Prompt is not { Length: > 0 } prompt)
        {
            return false;
        }

        return !PromptNames(prompt, roles.ActionWords);
    }

    /// <summary>True when <paramref name="prompt"/> names one of the tool's action words (on a common stem of at least four letters).</summary>
    internal static bool PromptNames(string prompt, string[] actionWords)
    {
        var words = ToolRoleInference.Words(prompt.Replace("e-mail", "email", StringComparison.OrdinalIgnoreCase));
        foreach (var action in actionWords)
        {
            if (action.Length < 4 || Generic.Contains(action))
            {
                continue;
            }

            foreach (var word in words)
            {
                if (word.Length >= 4 && Stem(word, action))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool Stem(string a, string b)
    {
        var common = 0;
        while (common < a.Length && common < b.Length && a[common] == b[common])
        {
            common++;
        }

        return common >= Math.Min(5, Math.Min(a.Length, b.Length));
    }

    private static bool InHostScope(TaskScope scope, ToolCallEvent call, ToolRoles roles)
    {
        if (!scope.Tools.Any(t => !string.IsNullOrWhiteSpace(t) && Glob.Create(t).IsMatch(call.ToolName)))
        {
            return false;
        }

        if (scope.Values.Count == 0 || call.Arguments.IsMalformed)
        {
            return true;
        }

        var allowed = scope.Values.Select(ProvenanceValue.Parse).ToArray();
        var inside = true;
        foreach (var path in roles.Paths)
        {
            path.ForEach(call.Arguments.Root, allowed, (values, element) =>
            {
                inside &= Listed(values, element);
                return inside;
            });
        }

        return inside;
    }

    private static bool Listed(ProvenanceValue[] allowed, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
            case JsonValueKind.Number:
                var value = ProvenanceValue.Parse(element.ValueKind == JsonValueKind.String ? element.GetString() ?? string.Empty : element.GetRawText());
                return !value.HasSignal || allowed.Any(a => a.SameAs(value));
            case JsonValueKind.Array:
                return element.EnumerateArray().All(e => Listed(allowed, e));
            case JsonValueKind.Object:
                return element.EnumerateObject().All(p => Listed(allowed, p.Value));
            default:
                return true;
        }
    }
}
