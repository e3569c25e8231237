using System.Text;
using System.Text.Json;

namespace AgentGuard.Mcp;

/// <summary>What an official MCP Registry <c>server.json</c> says about how to start or reach a server.</summary>
internal sealed record ServerJsonImport
{
    public string? Name { get; init; }

    public string? Version { get; init; }

    public string? Command { get; init; }

    public IReadOnlyList<string> Arguments { get; init; } = [];

    public string? Url { get; init; }

    public IReadOnlyList<string> PassEnvironment { get; init; } = [];

    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    public IReadOnlyDictionary<string, string> EnvironmentDefaults { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// Reads <paramref name="json"/> (the <c>server.json</c> format: <c>name</c>, <c>version</c>, <c>packages[]</c> with
    /// <c>registryType</c>/<c>identifier</c>/<c>version</c>/<c>runtimeHint</c>/<c>transport</c>/<c>runtimeArguments</c>/<c>packageArguments</c>/<c>environmentVariables</c>,
    /// <c>remotes[]</c> with <c>type</c>/<c>url</c>/<c>variables</c>). Problems are added to <paramref name="errors"/>, prefixed with <paramref name="where"/>.
    /// </summary>
    public static ServerJsonImport? Read(string json, string? package, string where, List<string> errors)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex)
        {
            errors.Add($"{where}: is not valid JSON (line {ex.LineNumber + 1}): {ex.Message}");
            return null;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("server", out var wrapped) && wrapped.ValueKind == JsonValueKind.Object)
            {
                root = wrapped; // a registry API response item: { "server": { ... }, "_meta": { ... } }
            }

            if (root.ValueKind != JsonValueKind.Object)
            {
                errors.Add($"{where}: must be a JSON object in the server.json format");
                return null;
            }

            var name = String(root, "name");
            if (string.IsNullOrWhiteSpace(name))
            {
                errors.Add($"{where}: 'name' is required (e.g. io.github.owner/server)");
            }

            var version = String(root, "version");
            var count = errors.Count;
            var import = new ServerJsonImport { Name = name, Version = version };
            var packages = root.TryGetProperty("packages", out var p) && p.ValueKind == JsonValueKind.Array ? p : default;
            var remotes = root.TryGetProperty("remotes", out var r) && r.ValueKind == JsonValueKind.Array ? r : default;

            JsonElement? chosen = null;
            var chosenIndex = -1;
            if (packages.ValueKind == JsonValueKind.Array)
            {
                var index = 0;
                foreach (var candidate in packages.EnumerateArray())
                {
                    var identifier = String(candidate, "identifier");
                    if (package is null ? chosen is null : string.Equals(identifier, package, StringComparison.OrdinalIgnoreCase))
                    {
                        chosen = candidate;
                        chosenIndex = index;
                    }

                    index++;
                }

                if (package is not null && chosen is null)
                {
                    errors.Add($"{where}: no package has identifier '{package}' (Package)");
                }
            }

            if (chosen is { } pkg)
            {
                import = FromPackage(import, pkg, $"{where}: packages[{chosenIndex}]", errors);
            }
            else if (remotes.ValueKind == JsonValueKind.Array && remotes.GetArrayLength() > 0)
            {
                var remote = remotes[0];
                var url = Substitute(String(remote, "url"), remote, $"{where}: remotes[0].url", errors);
                if (string.IsNullOrWhiteSpace(url))
                {
                    errors.Add($"{where}: remotes[0].url is required");
                }

                import = import with { Url = url };
            }
            else if (package is null)
            {
                errors.Add($"{where}: lists no packages[] and no remotes[]: nothing to start or reach");
            }

            return errors.Count == count ? import : null;
        }
    }

    private static ServerJsonImport FromPackage(ServerJsonImport import, JsonElement pkg, string where, List<string> errors)
    {
        var registryType = String(pkg, "registryType")?.ToLowerInvariant();
        var identifier = String(pkg, "identifier");
        var version = String(pkg, "version");
        if (string.IsNullOrWhiteSpace(identifier))
        {
            errors.Add($"{where}.identifier is required");
            return import;
        }

        var pass = new List<string>();
        var fixedValues = new Dictionary<string, string>(StringComparer.Ordinal);
        var defaults = new Dictionary<string, string>(StringComparer.Ordinal);
        if (pkg.TryGetProperty("environmentVariables", out var env) && env.ValueKind == JsonValueKind.Array)
        {
            var i = 0;
            foreach (var variable in env.EnumerateArray())
            {
                var name = String(variable, "name");
                if (string.IsNullOrWhiteSpace(name))
                {
                    errors.Add($"{where}.environmentVariables[{i}].name is required");
                }
                else if (String(variable, "value") is { } value)
                {
                    fixedValues[name] = value;
                }
                else
                {
                    pass.Add(name);
                    if (String(variable, "default") is { } fallback)
                    {
                        defaults[name] = fallback;
                    }
                }

                i++;
            }
        }

        var transport = pkg.TryGetProperty("transport", out var t) && t.ValueKind == JsonValueKind.Object ? t : default;
        var transportType = transport.ValueKind == JsonValueKind.Object ? String(transport, "type") ?? "stdio" : "stdio";
        import = import with { PassEnvironment = pass, Environment = fixedValues, EnvironmentDefaults = defaults };
        if (!string.Equals(transportType, "stdio", StringComparison.OrdinalIgnoreCase))
        {
            var url = Substitute(String(transport, "url"), transport, $"{where}.transport.url", errors);
            if (string.IsNullOrWhiteSpace(url))
            {
                errors.Add($"{where}.transport.url is required for transport type '{transportType}'");
            }

            return import with { Url = url };
        }

        var runtime = ReadArguments(pkg, "runtimeArguments", $"{where}.runtimeArguments", errors);
        var arguments = ReadArguments(pkg, "packageArguments", $"{where}.packageArguments", errors);
        var hint = String(pkg, "runtimeHint");
        var versioned = version is null ? identifier : null;
        List<string> args = [];
        string command;
        switch (registryType)
        {
            case "npm":
                command = hint ?? "npx";
                args.AddRange(runtime);
                args.Add("-y");
                args.Add(versioned ?? identifier + "@" + version);
                args.AddRange(arguments);
                break;
            case "pypi":
                command = hint ?? "uvx";
                args.AddRange(runtime);
                args.Add(versioned ?? identifier + "==" + version);
                args.AddRange(arguments);
                break;
            case "nuget":
                command = hint ?? "dnx";
                args.AddRange(runtime);
                args.Add(versioned ?? identifier + "@" + version);
                args.Add("--yes");
                if (arguments.Count > 0)
                {
                    args.Add("--");
                    args.AddRange(arguments);
                }

                break;
            case "oci":
                command = hint ?? "docker";
                args.AddRange(["run", "--rm", "-i"]);
                foreach (var name in pass.Concat(fixedValues.Keys))
                {
                    args.AddRange(["-e", name]);
                }

                args.AddRange(runtime);
                args.Add(versioned ?? identifier + ":" + version);
                args.AddRange(arguments);
                break;
            default:
                errors.Add($"{where}.registryType '{registryType}' cannot be started by AgentGuard (npm, pypi, nuget and oci can): set Command and Arguments on the entry");
                return import;
        }

        return import with { Command = command, Arguments = args };
    }

    private static List<string> ReadArguments(JsonElement pkg, string property, string where, List<string> errors)
    {
        var result = new List<string>();
        if (!pkg.TryGetProperty(property, out var list) || list.ValueKind != JsonValueKind.Array)
        {
            return result;
        }

        var i = 0;
        foreach (var argument in list.EnumerateArray())
        {
            var type = String(argument, "type") ?? "positional";
            var value = Substitute(String(argument, "value") ?? String(argument, "default"), argument, $"{where}[{i}]", errors);
            var required = argument.TryGetProperty("isRequired", out var req) && req.ValueKind == JsonValueKind.True;
            if (string.Equals(type, "named", StringComparison.OrdinalIgnoreCase))
            {
                var name = String(argument, "name");
                if (string.IsNullOrWhiteSpace(name))
                {
                    errors.Add($"{where}[{i}].name is required for a named argument");
                }
                else if (value is not null || required)
                {
                    result.Add(name);
                    if (value is not null)
                    {
                        result.Add(value);
                    }
                }
            }
            else if (value is not null)
            {
                result.Add(value);
            }
            else if (required || argument.TryGetProperty("valueHint", out _))
            {
                errors.Add($"{where}[{i}] ({String(argument, "valueHint") ?? "positional"}) has no value or default: set Command and Arguments on the entry");
            }

            i++;
        }

        return result;
    }

    private static string? Substitute(string? value, JsonElement owner, string where, List<string> errors)
    {
        if (value is null || !value.Contains('{', StringComparison.Ordinal))
        {
            return value;
        }

        var variables = owner.ValueKind == JsonValueKind.Object && owner.TryGetProperty("variables", out var v) && v.ValueKind == JsonValueKind.Object ? v : default;
        var builder = new StringBuilder();
        var i = 0;
        while (i < value.Length)
        {
            var open = value.IndexOf('{', i);
            var close = open < 0 ? -1 : value.IndexOf('}', open);
            if (open < 0 || close < 0)
            {
                builder.Append(value, i, value.Length - i);
                break;
            }

            builder.Append(value, i, open - i);
            var name = value[(open + 1)..close];
            if (variables.ValueKind == JsonValueKind.Object && variables.TryGetProperty(name, out var variable)
                && (String(variable, "value") ?? String(variable, "default")) is { } replacement)
            {
                builder.Append(replacement);
            }
            else
            {
                errors.Add($"{where}: variable '{{{name}}}' has no value or default: set the value on the entry instead");
                return null;
            }

            i = close + 1;
        }

        return builder.ToString();
    }

    private static string? String(JsonElement element, string property)
        => element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
