using System.Text;
using System.Text.Json;
using AgentGuard.Policies;

namespace AgentGuard;

/// <summary>
/// A tool directory's result (<see cref="Inference.ToolRoles.IsToolDirectory"/>) lists tools by name; the agent calling a
/// tool it found there is not content choosing a tool. So the names in the listing's name fields (<c>name</c>,
/// <c>tool_name</c>, <c>api_name</c>, <c>function</c> …, in JSON) are cut out of the text before it is remembered, and
/// <c>When.ToolNamedByResult</c> does not count them. Everything else is remembered as it was, with the trust the tool
/// has (a directory that searches may search a public registry: its listing stays third-party content): a tool named
/// only inside a listed tool's description, or named by any other result, still counts; a listing that is not JSON is
/// remembered whole (the rule asks, the safe side). A directory the host marked untrusted is not read this way.
/// </summary>
internal static class ToolDirectoryListing
{
    private static readonly HashSet<string> NameFields = new(StringComparer.Ordinal)
    {
        "name", "tool", "toolname", "apiname", "api", "function", "functionname",
    };

    /// <summary>The text without the tool names its name fields list; the text itself when it lists none.</summary>
    public static string WithoutListedNames(string text)
    {
        var names = ListedNames(text);
        if (names.Count == 0)
        {
            return text;
        }

        var cut = new StringBuilder(text);
        foreach (var name in names)
        {
            cut.Replace(name, " ");
        }

        return cut.ToString();
    }

    private static HashSet<string> ListedNames(string text)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var start = text.AsSpan().TrimStart();
        if (start.IsEmpty || (start[0] != '[' && start[0] != '{'))
        {
            return names;
        }

        try
        {
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 32 });
            Collect(document.RootElement, names);
        }
        catch (JsonException)
        {
            names.Clear();
        }

        return names;
    }

    private static void Collect(JsonElement element, HashSet<string> names)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (property.Value.ValueKind == JsonValueKind.String && NameFields.Contains(Normalized(property.Name))
                        && property.Value.GetString() is { } value && ToolNamedByResultCondition.Key(value) is not null)
                    {
                        names.Add(value);
                    }
                    else
                    {
                        Collect(property.Value, names);
                    }
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Collect(item, names);
                }

                break;
        }
    }

    private static string Normalized(string field)
        => string.Concat(field.Where(char.IsLetterOrDigit)).ToLowerInvariant();
}
