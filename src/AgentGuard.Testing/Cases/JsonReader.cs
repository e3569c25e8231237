using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AgentGuard.Testing.Cases;

/// <summary>Reads fields of a test file's JSON tree case-insensitively, with errors that name the file and the path.</summary>
internal sealed class JsonReader(JsonObject node, string file, string path)
{
    public string Path => path;

    public JsonNode? Node(string name) => node.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    public bool Has(string name) => node.Any(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase));

    public JsonReader? Object(string name)
        => Node(name) switch
        {
            null => null,
            JsonObject child => new JsonReader(child, file, $"{path}.{name}"),
            _ => throw Error(name, "must be an object"),
        };

    public IEnumerable<JsonReader> Objects(string name)
    {
        var list = Node(name);
        if (list is null)
        {
            yield break;
        }

        if (list is not JsonArray array)
        {
            throw Error(name, "must be a list");
        }

        for (var i = 0; i < array.Count; i++)
        {
            yield return array[i] is JsonObject item ? new JsonReader(item, file, $"{path}.{name}[{i}]") : throw Error($"{name}[{i}]", "must be an object");
        }
    }

    public string? String(string name)
        => Node(name) switch
        {
            null => null,
            JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
            JsonValue value => value.ToJsonString(),
            _ => throw Error(name, "must be a text value"),
        };

    public string RequiredString(string name) => String(name) is { Length: > 0 } value ? value : throw Error(name, "is missing");

    public bool? Bool(string name)
        => Node(name) switch
        {
            null => null,
            JsonValue value when value.GetValueKind() is JsonValueKind.True or JsonValueKind.False => value.GetValue<bool>(),
            JsonValue value when value.GetValueKind() == JsonValueKind.String && bool.TryParse(value.GetValue<string>(), out var parsed) => parsed,
            _ => throw Error(name, "must be true or false"),
        };

    public string[] Strings(string name)
        => Node(name) switch
        {
            null => [],
            JsonArray array => [.. array.Select((item, i) => item is JsonValue value ? value.ToString() : throw Error($"{name}[{i}]", "must be a text value"))],
            JsonValue value => [value.ToString()],
            _ => throw Error(name, "must be a list of text values"),
        };

    public Dictionary<string, string>? Map(string name)
        => Node(name) switch
        {
            null => null,
            JsonObject map => map.ToDictionary(p => p.Key, p => p.Value?.ToString() ?? string.Empty, StringComparer.OrdinalIgnoreCase),
            _ => throw Error(name, "must be an object of text values"),
        };

    public TimeSpan? Duration(string name)
        => String(name) is not { } text ? null
            : TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var value) && value >= TimeSpan.Zero ? value
            : throw Error(name, $"'{text}' is not a time span (use \"hh:mm:ss\", e.g. \"00:05:00\")");

    public TEnum? Enum<TEnum>(string name)
        where TEnum : struct, Enum
        => String(name) is not { } text ? null
            : System.Enum.TryParse<TEnum>(text, ignoreCase: true, out var value) && System.Enum.IsDefined(value) && !int.TryParse(text, out _) ? value
            : throw Error(name, $"'{text}' is not one of {string.Join(", ", System.Enum.GetNames<TEnum>())}");

    public PolicyFileException Error(string name, string problem) => new($"{file}: {path}.{name} {problem}.");
}
