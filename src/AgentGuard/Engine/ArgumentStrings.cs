using System.Text.Json;

namespace AgentGuard;

/// <summary>
/// The strings a call's arguments hold, as provenance reads them: property names, string values and numbers (as
/// written), depth first, up to a number of strings and <see cref="MaxDepth"/> levels (arguments are bounded by the
/// limits already; this bounds the reading too).
/// </summary>
internal static class ArgumentStrings
{
    /// <summary>The deepest level read.</summary>
    public const int MaxDepth = 64;

    /// <summary>Calls <paramref name="visit"/> with each string under <paramref name="root"/> and whether it is a property name.</summary>
    public static void Visit<TState>(JsonElement root, int budget, TState state, Action<TState, string, bool> visit)
        => Walk(root, ref budget, depth: 0, state, visit);

    private static void Walk<TState>(JsonElement element, ref int budget, int depth, TState state, Action<TState, string, bool> visit)
    {
        if (budget <= 0 || depth > MaxDepth)
        {
            return;
        }

        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    budget--;
                    visit(state, property.Name, true);
                    Walk(property.Value, ref budget, depth + 1, state, visit);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Walk(item, ref budget, depth + 1, state, visit);
                }

                break;
            case JsonValueKind.String:
                budget--;
                visit(state, element.GetString()!, false);
                break;
            case JsonValueKind.Number:
                budget--;
                visit(state, element.GetRawText(), false);
                break;
            default:
                break;
        }
    }
}
