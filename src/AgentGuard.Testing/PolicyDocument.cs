using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;

namespace AgentGuard.Testing;

/// <summary>
/// A policy as text: an appsettings-style file with an <c>AgentGuard</c> section, or the section alone, in JSON or
/// YAML. Turns it into the <see cref="IConfiguration"/> section an app would bind.
/// </summary>
public sealed class PolicyDocument
{
    private PolicyDocument(string name, JsonObject section, string text)
    {
        Name = name;
        Section = section;
        Text = text;
    }

    /// <summary>Where the policy came from (a file path or <c>&lt;inline&gt;</c>).</summary>
    public string Name { get; }

    /// <summary>The <c>AgentGuard</c> section as JSON.</summary>
    public JsonObject Section { get; }

    /// <summary>The original text (for locating rules by line).</summary>
    public string Text { get; }

    /// <summary>Reads a JSON or YAML file (by extension: <c>.yaml</c>/<c>.yml</c> are YAML, anything else JSON).</summary>
    /// <exception cref="PolicyFileException">The file is missing or not valid JSON/YAML.</exception>
    public static PolicyDocument Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            throw new PolicyFileException($"{path}: the file does not exist.");
        }

        var text = File.ReadAllText(path);
        return IsYaml(path) ? FromYaml(text, path) : FromJson(text, path);
    }

    /// <summary>Reads a JSON policy.</summary>
    /// <exception cref="PolicyFileException">Not valid JSON, or not an object.</exception>
    public static PolicyDocument FromJson(string json, string name = "<inline>")
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            throw new PolicyFileException($"{name}: line {ex.LineNumber + 1}: not valid JSON: {ex.Message}", ex);
        }

        return FromNode(root, name, json);
    }

    /// <summary>Reads a YAML policy.</summary>
    /// <exception cref="PolicyFileException">Not valid YAML, or not a mapping.</exception>
    public static PolicyDocument FromYaml(string yaml, string name = "<inline>")
    {
        ArgumentNullException.ThrowIfNull(yaml);
        return FromNode(YamlJson.Parse(yaml, name), name, yaml);
    }

    /// <summary>Wraps a JSON node already read (e.g. a policy inline in a test file).</summary>
    /// <exception cref="PolicyFileException">The node is not an object.</exception>
    public static PolicyDocument FromNode(JsonNode? root, string name, string? text = null)
    {
        if (root is not JsonObject rootObject)
        {
            throw new PolicyFileException($"{name}: a policy must be an object (an AgentGuard section, or a file containing one).");
        }

        var section = rootObject.FirstOrDefault(p => string.Equals(p.Key, AgentGuardOptions.SectionName, StringComparison.OrdinalIgnoreCase)).Value as JsonObject ?? rootObject;
        return new PolicyDocument(name, section, text ?? rootObject.ToJsonString());
    }

    /// <summary>True for <c>.yaml</c> and <c>.yml</c> paths.</summary>
    public static bool IsYaml(string path)
        => path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Sub-sections that configure packages (MCP registry, HTTP, shell, chat clients, Redis, ASP.NET Core) rather than the
    /// policy engine. They do not change decisions, so the engine that tests, explains and replays a policy leaves them
    /// out; an app that reads them checks them at its own start.
    /// </summary>
    public static IReadOnlyList<string> PackageSections { get; } = ["Registry", "Http", "ChatClients", "Shell", "Redis", "AspNetCore"];

    /// <summary>The sub-sections of <see cref="PackageSections"/> this policy has.</summary>
    public IReadOnlyList<string> PresentPackageSections => [.. Section.Select(p => p.Key).Where(k => PackageSections.Contains(k, StringComparer.OrdinalIgnoreCase))];

    /// <summary>The section as configuration, as <c>configuration.GetSection("AgentGuard")</c> would return it.</summary>
    /// <param name="includePackageSections">False (default): without <see cref="PackageSections"/>, as the engine alone needs it.</param>
    public IConfigurationSection ToConfiguration(bool includePackageSections = false)
    {
        var section = (JsonObject)Section.DeepClone();
        if (!includePackageSections)
        {
            foreach (var name in PresentPackageSections)
            {
                section.Remove(name);
            }
        }

        var wrapped = new JsonObject { [AgentGuardOptions.SectionName] = section };
        var configuration = new ConfigurationBuilder()
            .AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(wrapped.ToJsonString())))
            .Build();
        return configuration.GetSection(AgentGuardOptions.SectionName);
    }
}
