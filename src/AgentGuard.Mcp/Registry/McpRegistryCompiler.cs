using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;

namespace AgentGuard.Mcp;

/// <summary>
/// Turns <see cref="McpRegistryOptions"/> (plus its files and server.json imports) into a <see cref="RegistrySnapshot"/>,
/// collecting every problem with the file, entry and field it is in.
/// </summary>
internal static class McpRegistryCompiler
{
    private const string UntrustedSourceTag = "untrusted-source";

    public static RegistrySnapshot Compile(McpRegistryOptions options, string baseDirectory)
        => TryCompile(options, baseDirectory, out var snapshot, out var errors)
            ? snapshot
            : throw new AgentGuardPolicyException(errors);

    public static bool TryCompile(McpRegistryOptions options, string baseDirectory, out RegistrySnapshot snapshot, out List<string> errors)
    {
        ArgumentNullException.ThrowIfNull(options);
        errors = [];
        var servers = new Dictionary<string, McpServerDefinition>(StringComparer.OrdinalIgnoreCase);
        var defaultPoisoning = ParsePoisoning(options.Poisoning?.Action, $"{McpRegistryOptions.SectionName}:Poisoning:Action", McpPoisoningAction.Hide, errors);

        foreach (var (id, entry) in options.Servers)
        {
            Add(id, entry, $"{McpRegistryOptions.SectionName}:Servers:{id}", baseDirectory, defaultPoisoning, servers, errors);
        }

        for (var i = 0; i < options.Files.Count; i++)
        {
            var path = Resolve(options.Files[i], baseDirectory);
            var fileOptions = ReadFile(path, $"{McpRegistryOptions.SectionName}:Files:{i}", errors);
            if (fileOptions is null)
            {
                continue;
            }

            var directory = Path.GetDirectoryName(path) ?? baseDirectory;
            foreach (var (id, entry) in fileOptions.Servers)
            {
                Add(id, entry, $"registry file '{path}': Servers:{id}", directory, defaultPoisoning, servers, errors);
            }
        }

        snapshot = errors.Count == 0 ? new RegistrySnapshot(servers.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase)) : RegistrySnapshot.Empty;
        return errors.Count == 0;
    }

    private static McpRegistryOptions? ReadFile(string path, string where, List<string> errors)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            errors.Add($"{where}: registry file '{path}' cannot be read: {ex.Message}");
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(text, McpRegistryFileContext.Default.McpRegistryOptions)
                ?? throw new JsonException("the file contains null");
        }
        catch (JsonException ex)
        {
            var at = ex.Path is null ? string.Empty : $" at {ex.Path}";
            var line = ex.LineNumber is { } l ? $" (line {l + 1})" : string.Empty;
            errors.Add($"registry file '{path}'{line}{at}: {FirstSentence(ex.Message)}");
            return null;
        }
    }

    private static void Add(
        string id,
        McpServerEntryOptions entry,
        string where,
        string baseDirectory,
        McpPoisoningAction defaultPoisoning,
        Dictionary<string, McpServerDefinition> servers,
        List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(id) || id.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            errors.Add($"{where}: the server id must be a non-empty name without spaces");
            return;
        }

        if (servers.ContainsKey(id))
        {
            errors.Add($"{where}: server id '{id}' is defined more than once");
            return;
        }

        if (entry is null)
        {
            errors.Add($"{where}: the entry is empty");
            return;
        }

        var count = errors.Count;
        ServerJsonImport? import = null;
        if (!string.IsNullOrWhiteSpace(entry.ServerJson))
        {
            var path = Resolve(entry.ServerJson, baseDirectory);
            try
            {
                import = ServerJsonImport.Read(File.ReadAllText(path), entry.Package, $"{where}:ServerJson ('{path}')", errors);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
            {
                errors.Add($"{where}:ServerJson: file '{path}' cannot be read: {ex.Message}");
            }
        }
        else if (entry.Package is not null)
        {
            errors.Add($"{where}:Package: only meaningful with ServerJson");
        }

        var command = Blank(entry.Command) ?? (entry.Url is null ? import?.Command : null);
        var arguments = entry.Arguments ?? (entry.Command is null && entry.Url is null ? import?.Arguments : null) ?? [];
        var urlText = Blank(entry.Url) ?? (entry.Command is null ? import?.Url : null);
        Uri? url = null;
        if (command is not null && urlText is not null)
        {
            errors.Add($"{where}: set either Command (stdio) or Url (remote), not both");
        }

        if (urlText is not null && (!Uri.TryCreate(urlText, UriKind.Absolute, out url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)))
        {
            errors.Add($"{where}:Url: '{urlText}' is not an absolute http(s) URL");
        }

        for (var i = 0; i < arguments.Count; i++)
        {
            if (arguments[i] is null)
            {
                errors.Add($"{where}:Arguments:{i}: must not be null");
            }
        }

        VersionRange? version = null;
        var versionText = Blank(entry.Version) ?? import?.Version;
        if (versionText is not null)
        {
            try
            {
                version = VersionRange.Parse(versionText);
            }
            catch (FormatException ex)
            {
                errors.Add($"{where}:Version: '{versionText}' is not a version or range: {ex.Message}");
            }
        }

        var pass = new List<string>();
        foreach (var name in (import?.PassEnvironment ?? []).Concat(entry.PassEnvironment))
        {
            if (!ValidVariableName(name))
            {
                errors.Add($"{where}:PassEnvironment: '{name}' is not a valid environment variable name");
            }
            else if (!pass.Contains(name, StringComparer.Ordinal))
            {
                pass.Add(name);
            }
        }

        var environment = new Dictionary<string, string>(import?.Environment ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        foreach (var (name, value) in entry.Environment)
        {
            if (!ValidVariableName(name))
            {
                errors.Add($"{where}:Environment: '{name}' is not a valid environment variable name");
                continue;
            }

            if (value is null)
            {
                errors.Add($"{where}:Environment:{name}: needs a value (use PassEnvironment to pass the host's value)");
                continue;
            }

            if (value.StartsWith("${", StringComparison.Ordinal) && value.EndsWith('}') && !pass.Contains(value[2..^1], StringComparer.Ordinal))
            {
                errors.Add($"{where}:Environment:{name}: reads host variable '{value[2..^1]}', which must also be listed in PassEnvironment");
            }

            environment[name] = value;
        }

        var grants = new List<McpToolGrant>();
        for (var i = 0; i < entry.Tools.Count; i++)
        {
            var grant = entry.Tools[i];
            var at = $"{where}:Tools:{i}";
            if (grant is null || grant.Names.Count == 0 || grant.Names.Any(string.IsNullOrWhiteSpace))
            {
                errors.Add($"{at}:Names: must list at least one tool-name glob (e.g. \"read_*\"), none empty");
                continue;
            }

            if (grant.Teams.Any(string.IsNullOrWhiteSpace) || grant.Environments.Any(string.IsNullOrWhiteSpace))
            {
                errors.Add($"{at}: Teams and Environments must not contain empty entries (leave the list empty to mean 'any')");
                continue;
            }

            grants.Add(new McpToolGrant([.. grant.Names], [.. grant.Teams], [.. grant.Environments]));
        }

        // Pins are keyed by the canonical tool name (the core's normalisation, compared without regard to case), the
        // same comparison grants and rules use: a pin on 'echo' also covers a listed 'Echo'.
        var pins = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (tool, hash) in entry.Pins)
        {
            var canonical = ToolNames.Normalize(tool);
            if (pins.ContainsKey(canonical))
            {
                errors.Add($"{where}:Pins:{tool}: names the same tool as another pin (tool names are compared after normalisation and without regard to case)");
            }
            else if (McpToolPins.TryNormalize(hash, out var normalized))
            {
                pins[canonical] = normalized;
            }
            else
            {
                errors.Add($"{where}:Pins:{tool}: '{hash}' is not a SHA-256 pin (expected sha256:<64 hex digits>, as McpToolPins.Compute returns)");
            }
        }

        if (entry.RequirePins && pins.Count == 0)
        {
            errors.Add($"{where}:RequirePins: is true but no Pins are listed, so every tool would be hidden");
        }

        var poisoning = ParsePoisoning(entry.Poisoning, $"{where}:Poisoning", defaultPoisoning, errors);
        var tags = entry.Tags.Where(t => !string.IsNullOrWhiteSpace(t)).ToList();
        if (entry.Untrusted && !tags.Contains(UntrustedSourceTag, StringComparer.OrdinalIgnoreCase))
        {
            tags.Add(UntrustedSourceTag);
        }

        if (errors.Count != count)
        {
            return;
        }

        servers[id] = new McpServerDefinition(id)
        {
            Name = Blank(entry.Name) ?? import?.Name,
            Publisher = Blank(entry.Publisher),
            VersionRange = version,
            Command = command,
            Arguments = [.. arguments],
            WorkingDirectory = Blank(entry.WorkingDirectory) is { } wd ? Resolve(wd, baseDirectory) : null,
            Url = url,
            Environment = environment.ToFrozenDictionary(StringComparer.Ordinal),
            PassEnvironment = pass,
            EnvironmentDefaults = (import?.EnvironmentDefaults ?? new Dictionary<string, string>()).ToFrozenDictionary(StringComparer.Ordinal),
            IncludeDefaultEnvironment = entry.IncludeDefaultEnvironment,
            Grants = grants,
            Untrusted = entry.Untrusted,
            Tags = tags,
            Pins = pins.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase),
            RequirePins = entry.RequirePins,
            Poisoning = poisoning,
        };
    }

    private static McpPoisoningAction ParsePoisoning(string? text, string where, McpPoisoningAction fallback, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        if (Enum.TryParse<McpPoisoningAction>(text, ignoreCase: true, out var action) && Enum.IsDefined(action) && !int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
        {
            return action;
        }

        errors.Add($"{where}: '{text}' is not one of Hide, Flag, Off");
        return fallback;
    }

    private static bool ValidVariableName(string? name)
        => !string.IsNullOrWhiteSpace(name) && !name.Contains('=', StringComparison.Ordinal) && !name.Any(char.IsControl) && !name.Any(char.IsWhiteSpace);

    private static string Resolve(string path, string baseDirectory)
        => Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(baseDirectory, path));

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..(end + 1)];
    }
}
