using System.Collections;
using System.Reflection;
using System.Text.Json.Nodes;
using AgentGuard.Extensions.AI;
using AgentGuard.Mcp;
using AgentGuard.Shell;
using Microsoft.Extensions.Configuration;

namespace AgentGuard.Docs.Tests;

/// <summary>
/// docs/agentguard.schema.json against the options classes, property by property: every bound property is in the
/// schema with a matching JSON type (null allowed where the property is nullable and not required), and the schema has
/// nothing the binder would ignore.
/// </summary>
public sealed class SchemaDriftTests
{
    private static readonly JsonObject Root = (JsonObject)JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryFiles.Root, "docs", "agentguard.schema.json")))!;

    /// <summary>The sections bound from other packages' options under <c>AgentGuard</c>.</summary>
    private static readonly Dictionary<string, Type> Sections = new(StringComparer.Ordinal)
    {
        ["Registry"] = typeof(McpRegistryOptions),
        ["Shell"] = typeof(AgentGuardShellOptions),
        ["Http"] = typeof(AgentGuard.Http.AgentGuardHttpOptions),
        ["Data"] = typeof(AgentGuard.Data.AgentGuardDataOptions),
        ["ChatClients"] = typeof(ChatClientGuardOptions),
        ["Onnx"] = typeof(AgentGuard.Onnx.OnnxClassifierOptions),
    };

    [Fact]
    public void Schema_MatchesTheOptionsClasses()
    {
        var problems = new List<string>();
        var section = (JsonObject)Root["properties"]!["AgentGuard"]!;

        Compare("AgentGuard", typeof(AgentGuardOptions), section, problems, Sections);

        problems.Should().BeEmpty(string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void Comparison_FindsADrift()
    {
        var problems = new List<string>();
        var schema = (JsonObject)JsonNode.Parse("""{ "type": "object", "properties": { "Id": { "type": "integer" }, "Extra": { "type": "string" } } }""")!;

        Compare("Probe", typeof(ProbeOptions), schema, problems, []);

        problems.Should().BeEquivalentTo(
            "Probe.Id: the schema says integer, the options class string (nullable: True)",
            "Probe.Name: bound by the options class but missing from the schema",
            "Probe.Extra: in the schema but not bound by the options class");
    }

    private static void Compare(string path, Type type, JsonObject schema, List<string> problems, Dictionary<string, Type> extraSections)
    {
        var properties = schema["properties"] as JsonObject ?? [];
        var required = (schema["required"] as JsonArray)?.Select(r => (string)r!).ToHashSet(StringComparer.Ordinal) ?? [];
        var bound = Bound(type).ToDictionary(p => p.Key, p => p.Property, StringComparer.Ordinal);

        foreach (var (name, node) in properties)
        {
            if (!bound.ContainsKey(name) && !extraSections.ContainsKey(name))
            {
                problems.Add($"{path}.{name}: in the schema but not bound by the options class");
            }
        }

        foreach (var (name, property) in bound)
        {
            if (properties[name] is not JsonObject propertySchema)
            {
                problems.Add($"{path}.{name}: bound by the options class but missing from the schema");
                continue;
            }

            CompareValue($"{path}.{name}", property.PropertyType, IsNullable(property), required.Contains(name), propertySchema, problems);
        }

        foreach (var (name, sectionType) in extraSections)
        {
            if (properties[name] is JsonObject sectionSchema)
            {
                Compare($"{path}.{name}", sectionType, sectionSchema, problems, []);
            }
        }
    }

    private static void CompareValue(string path, Type type, bool nullable, bool required, JsonObject schema, List<string> problems)
    {
        var (expected, element) = JsonType(type);
        var types = schema["type"] switch
        {
            JsonArray array => array.Select(t => (string)t!).ToList(),
            JsonValue value => [(string)value!],
            _ => [],
        };

        if (!types.Contains(expected) && !(expected == "number" && types.Contains("integer")))
        {
            problems.Add($"{path}: the schema says {string.Join("|", types)}, the options class {expected} (nullable: {nullable})");
            return;
        }

        if (nullable && !required && !types.Contains("null"))
        {
            problems.Add($"{path}: the options class accepts null but the schema does not (type [\"{expected}\", \"null\"])");
        }

        if (expected == "object" && element is null && type != typeof(string))
        {
            Compare(path, type, schema, problems, []);
        }
        else if (expected == "object" && element is not null && schema["additionalProperties"] is JsonObject values)
        {
            CompareValue(path + "[*]", element, false, true, values, problems);
        }
        else if (expected == "array" && element is not null && schema["items"] is JsonObject items)
        {
            CompareValue(path + "[]", element, false, true, items, problems);
        }
    }

    private static (string Type, Type? Element) JsonType(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string) || type == typeof(TimeSpan))
        {
            return ("string", null);
        }

        if (type == typeof(bool))
        {
            return ("boolean", null);
        }

        if (type == typeof(int) || type == typeof(long))
        {
            return ("integer", null);
        }

        if (type == typeof(double) || type == typeof(decimal))
        {
            return ("number", null);
        }

        if (type.IsGenericType && type.GetInterfaces().Append(type).Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDictionary<,>)))
        {
            return ("object", type.GetGenericArguments()[1]);
        }

        if (type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type))
        {
            return ("array", type.IsArray ? type.GetElementType() : type.GetGenericArguments()[0]);
        }

        return ("object", null);
    }

    private static IEnumerable<(string Key, PropertyInfo Property)> Bound(Type type)
        => type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite && p.SetMethod!.IsPublic && p.GetIndexParameters().Length == 0)
            .Select(p => (p.GetCustomAttribute<ConfigurationKeyNameAttribute>()?.Name ?? p.Name, p));

    private static bool IsNullable(PropertyInfo property)
        => Nullable.GetUnderlyingType(property.PropertyType) is not null
            || new NullabilityInfoContext().Create(property).WriteState == NullabilityState.Nullable;

    private sealed class ProbeOptions
    {
        public string? Id { get; set; }

        public string Name { get; set; } = string.Empty;
    }
}
