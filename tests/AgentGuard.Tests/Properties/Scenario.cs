using System.Text.Json;
using System.Text.Json.Nodes;

namespace AgentGuard.Tests.Properties;

/// <summary>A generated argument test: a path and one test of the values it selects.</summary>
internal sealed record ArgumentSpec(string Path, string Test, string Value);

/// <summary>A generated rule, rendered to configuration JSON and read by the reference evaluator.</summary>
internal sealed record RuleSpec(
    string Id,
    DecisionEffect Effect,
    string[] Tools,
    string[] Tags,
    string? Group,
    string? Environment,
    ArgumentSpec? Argument,
    string? ProvenancePath,
    string? SequenceTag,
    string? OnError)
{
    public bool ReadsArguments => Argument is not null || ProvenancePath is not null;

    /// <summary>Source globs (MCP server, plugin, host); empty: any source.</summary>
    public string[] Sources { get; init; } = [];

    /// <summary>Kinds; empty: any kind.</summary>
    public string[] Kinds { get; init; } = [];

    /// <summary>The team the session must have (<c>When.Teams</c>).</summary>
    public string? Team { get; init; }

    /// <summary>A second group that also satisfies <c>When.User.Groups</c>.</summary>
    public string? OtherGroup { get; init; }

    /// <summary>A second team that also satisfies <c>When.Teams</c> (only with <see cref="Team"/>).</summary>
    public string? OtherTeam { get; init; }

    /// <summary>The agent the session must have (<c>When.Agents</c>).</summary>
    public string? Agent { get; init; }

    /// <summary>The user id the session must have (<c>When.User.Ids</c>).</summary>
    public string? UserId { get; init; }
}

/// <summary>A generated policy.</summary>
internal sealed record PolicySpec(RuleSpec[] Rules, DecisionEffect Default, string OnError, (string Glob, string Tag)[] ToolTags)
{
    public const int MaxArgumentLength = 400;

    public string ToJson()
    {
        var rules = new JsonArray();
        foreach (var rule in Rules)
        {
            var match = new JsonObject();
            if (rule.Tools.Length > 0)
            {
                match["Tools"] = new JsonArray([.. rule.Tools.Select(t => (JsonNode)t)]);
            }

            if (rule.Tags.Length > 0)
            {
                match["Tags"] = new JsonArray([.. rule.Tags.Select(t => (JsonNode)t)]);
            }

            if (rule.Sources.Length > 0)
            {
                match["Sources"] = new JsonArray([.. rule.Sources.Select(t => (JsonNode)t)]);
            }

            if (rule.Kinds.Length > 0)
            {
                match["Kinds"] = new JsonArray([.. rule.Kinds.Select(t => (JsonNode)t)]);
            }

            var when = new JsonObject();
            if (rule.Group is not null || rule.UserId is not null)
            {
                var user = new JsonObject();
                if (rule.Group is not null)
                {
                    user["Groups"] = rule.OtherGroup is null ? new JsonArray(rule.Group) : new JsonArray(rule.Group, rule.OtherGroup);
                }

                if (rule.UserId is not null)
                {
                    user["Ids"] = new JsonArray(rule.UserId);
                }

                when["User"] = user;
            }

            if (rule.Team is not null)
            {
                when["Teams"] = rule.OtherTeam is null ? new JsonArray(rule.Team) : new JsonArray(rule.Team, rule.OtherTeam);
            }

            if (rule.Agent is not null)
            {
                when["Agents"] = new JsonArray(rule.Agent);
            }

            if (rule.Environment is not null)
            {
                when["Environments"] = new JsonArray(rule.Environment);
            }

            if (rule.Argument is { } argument)
            {
                var test = new JsonObject { ["Path"] = argument.Path };
                test[argument.Test] = argument.Test switch
                {
                    "Exists" => true,
                    "OneOf" or "NotOneOf" => new JsonArray(argument.Value.Split('|').Select(v => (JsonNode)v).ToArray()),
                    _ => argument.Value,
                };
                when["Arguments"] = new JsonArray(test);
            }

            if (rule.ProvenancePath is not null)
            {
                when["Provenance"] = new JsonObject { ["Argument"] = rule.ProvenancePath, ["From"] = new JsonArray("prompt") };
            }

            if (rule.SequenceTag is not null)
            {
                when["Sequence"] = new JsonObject { ["Tags"] = new JsonArray(rule.SequenceTag), ["AtLeast"] = 2 };
            }

            var node = new JsonObject { ["Id"] = rule.Id, ["Effect"] = rule.Effect.ToString(), ["Match"] = match };
            if (when.Count > 0)
            {
                node["When"] = when;
            }

            if (rule.OnError is not null)
            {
                node["OnError"] = rule.OnError;
            }

            rules.Add(node);
        }

        var tools = new JsonObject();
        foreach (var (glob, tag) in ToolTags)
        {
            tools[glob] = new JsonObject { ["Tags"] = new JsonArray(tag) };
        }

        var root = new JsonObject
        {
            ["AgentGuard"] = new JsonObject
            {
                ["DefaultDecision"] = Default.ToString(),
                ["OnError"] = OnError,
                ["Arguments"] = new JsonObject { ["MaxLength"] = MaxArgumentLength },
                ["Tools"] = tools,
                ["Rules"] = rules,
            },
        };
        return root.ToJsonString();
    }
}

/// <summary>One value an argument may carry, with whether the user gave it (ground truth by construction).</summary>
internal sealed record ValueSpec(string Text, bool FromUser);

/// <summary>How a call's arguments are spoiled, if at all.</summary>
internal enum Spoil
{
    None,
    Oversized,
    DuplicateInCase,
}

/// <summary>How a tool name is disguised; the reference knows the real name.</summary>
internal enum Disguise
{
    None,
    UpperCase,
    ZeroWidth,
    Cyrillic,
    Spaces,
    FullWidth,
}

/// <summary>A generated call in a session.</summary>
internal sealed record CallSpec(
    string Tool,
    Disguise Disguise,
    string[] EventTags,
    string? UserGroup,
    string? Environment,
    string IbanKey,
    ValueSpec? Iban,
    ValueSpec[]? ToList,
    ValueSpec? ToSingle,
    Spoil Spoil)
{
    /// <summary>The call's source (MCP server, plugin, host); null: none.</summary>
    public string? Source { get; init; }

    /// <summary>The call's kind.</summary>
    public ToolKind Kind { get; init; } = ToolKind.Function;

    /// <summary>The session's team.</summary>
    public string? Team { get; init; }

    /// <summary>The session's agent id; null: no agent.</summary>
    public string? Agent { get; init; }

    /// <summary>The user's id.</summary>
    public string UserId { get; init; } = "u";

    /// <summary>More groups of the user, after <see cref="UserGroup"/> (may repeat it in another case).</summary>
    public string[] OtherGroups { get; init; } = [];

    /// <summary>Every group of the user.</summary>
    public string[] Groups => UserGroup is null ? OtherGroups : [UserGroup, .. OtherGroups];

    public const string Prompt = "Please pay the rent to DE89 3704 0044 0532 0130 00, then mail alice+rent@corp.com and Anna Lindqvist the receipt. Call +1 (555) 010-2030 if it fails.";

    public bool IsObfuscated => Disguise is not (Disguise.None or Disguise.UpperCase);

    public string DisguisedName => Disguise switch
    {
        Disguise.UpperCase => Tool.ToUpperInvariant(),
        Disguise.ZeroWidth => Tool[..1] + "\u200B" + Tool[1..],
        Disguise.Cyrillic => Tool.Contains('e', StringComparison.Ordinal) ? ReplaceFirst(Tool, 'e', 'е') : Tool.Contains('a', StringComparison.Ordinal) ? ReplaceFirst(Tool, 'a', 'а') : Tool + "\u200C",
        Disguise.Spaces => " " + Tool + " ",
        Disguise.FullWidth => string.Concat(Tool.Select(c => c is >= 'a' and <= 'z' ? (char)(c - 'a' + 'ａ') : c == '_' ? '＿' : c)),
        _ => Tool,
    };

    public string ArgumentsJson()
    {
        var arguments = new JsonObject();
        if (Iban is not null)
        {
            arguments[IbanKey] = Iban.Text;
        }

        if (ToList is not null)
        {
            arguments["to"] = new JsonArray([.. ToList.Select(v => (JsonNode)v.Text)]);
        }
        else if (ToSingle is not null)
        {
            arguments["to"] = ToSingle.Text;
        }

        arguments["amount"] = 40;
        var json = arguments.ToJsonString();
        return Spoil switch
        {
            Spoil.Oversized => json[..^1] + ",\"note\":\"" + new string('x', PolicySpec.MaxArgumentLength) + "\"}",
            Spoil.DuplicateInCase => json[..^1] + ",\"AMOUNT\":41}",
            _ => json,
        };
    }

    public ToolCallEvent ToEvent() => new(DisguisedName, Kind)
    {
        Source = Source,
        Tags = EventTags,
        Arguments = ToolArguments.FromJson(ArgumentsJson(), new ToolArgumentLimits { MaxLength = PolicySpec.MaxArgumentLength }),
    };

    public GuardContext ToContext(string session) => new()
    {
        SessionId = session,
        Prompt = Prompt,
        Environment = Environment,
        Team = Team,
        Agent = Agent is null ? null : new GuardAgent(Agent),
        User = new GuardUser(UserId) { Groups = Groups },
    };

    private static string ReplaceFirst(string text, char from, char to)
    {
        var i = text.IndexOf(from, StringComparison.Ordinal);
        return text[..i] + to + text[(i + 1)..];
    }

    public override string ToString() => $"{DisguisedName} kind={Kind} source={Source} tags=[{string.Join(",", EventTags)}] groups=[{string.Join(",", Groups)}] team={Team} env={Environment} agent={Agent} user={UserId} args={ArgumentsJson()}";
}

/// <summary>The JSON shape helpers the reference evaluator needs.</summary>
internal static class JsonText
{
    public static string Serialize(string value) => JsonSerializer.Serialize(value);
}
