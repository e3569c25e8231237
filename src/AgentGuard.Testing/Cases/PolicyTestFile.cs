using System.Text.Json;
using System.Text.Json.Nodes;

namespace AgentGuard.Testing.Cases;

/// <summary>
/// A policy test file (JSON or YAML), after OPA's <c>opa test</c>: a <c>policy</c> (a path relative to the file, or the
/// policy inline), then <c>cases</c>, each an <c>event</c> with its <c>context</c> and <c>history</c> and what to
/// <c>expect</c>. See docs/policy-testing.md for the format.
/// </summary>
public sealed class PolicyTestFile
{
    private PolicyTestFile(string name, PolicyDocument policy, IReadOnlyList<PolicyTestCase> cases)
    {
        Name = name;
        Policy = policy;
        Cases = cases;
    }

    /// <summary>The file.</summary>
    public string Name { get; }

    /// <summary>The policy under test.</summary>
    public PolicyDocument Policy { get; }

    /// <summary>The cases, in file order.</summary>
    public IReadOnlyList<PolicyTestCase> Cases { get; }

    /// <summary>Reads a test file.</summary>
    /// <exception cref="PolicyFileException">The file or the policy it names cannot be read, or a field is wrong (named with its path).</exception>
    public static PolicyTestFile Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            throw new PolicyFileException($"{path}: the file does not exist.");
        }

        var text = File.ReadAllText(path);
        JsonNode? root;
        if (PolicyDocument.IsYaml(path))
        {
            root = YamlJson.Parse(text, path);
        }
        else
        {
            try
            {
                root = JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            }
            catch (JsonException ex)
            {
                throw new PolicyFileException($"{path}: line {ex.LineNumber + 1}: not valid JSON: {ex.Message}", ex);
            }
        }

        if (root is not JsonObject rootObject)
        {
            throw new PolicyFileException($"{path}: a test file must be an object with 'policy' and 'cases'.");
        }

        var reader = new JsonReader(rootObject, path, "$");
        var policy = reader.Node("policy") switch
        {
            JsonValue value when value.GetValueKind() == JsonValueKind.String
                => PolicyDocument.Load(System.IO.Path.Combine(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!, value.GetValue<string>())),
            JsonObject inline => PolicyDocument.FromNode(inline, path + " (policy)"),
            null => throw reader.Error("policy", "is missing (a path to the policy file, or the policy inline)"),
            _ => throw reader.Error("policy", "must be a path or an object"),
        };

        var cases = reader.Objects("cases").Select((c, i) => PolicyTestCase.Read(c, i)).ToArray();
        if (cases.Length == 0)
        {
            throw reader.Error("cases", "is missing or empty");
        }

        return new PolicyTestFile(path, policy, cases);
    }

    /// <summary>Runs every case, each against a fresh engine (cases do not share sessions or clocks).</summary>
    public async Task<IReadOnlyList<PolicyTestResult>> RunAsync(CancellationToken cancellationToken = default)
    {
        var results = new List<PolicyTestResult>(Cases.Count);
        foreach (var testCase in Cases)
        {
            results.Add(await testCase.RunAsync(Policy, cancellationToken).ConfigureAwait(false));
        }

        return results;
    }
}
