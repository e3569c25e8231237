using System.Text.Json;

namespace AgentGuard.Inference;

/// <summary>
/// Infers a tool's role from what every host already has: the tool's name (snake, kebab or camel case; vendor
/// prefixes such as <c>BankManager</c> are skipped), its description, its parameter names and JSON schema, and MCP
/// annotations. Pure; AgentGuard's engine caches the results per tool descriptor.
/// </summary>
public static class ToolRoleInference
{
    private static readonly Dictionary<string, string[]> SinkVerbs = new(StringComparer.OrdinalIgnoreCase)
    {
        ["send"] = ["external-send"],
        ["forward"] = ["external-send"],
        ["reply"] = ["external-send"],
        ["post"] = ["external-send"],
        ["publish"] = ["external-send"],
        ["share"] = ["external-send"],
        ["invite"] = ["external-send"],
        ["upload"] = ["external-send"],
        ["email"] = ["external-send"],
        ["mail"] = ["external-send"],
        ["message"] = ["external-send"],
        ["tweet"] = ["external-send"],
        ["notify"] = ["external-send"],
        ["broadcast"] = ["external-send"],
        ["submit"] = ["external-send"],
        ["pay"] = ["payment"],
        ["transfer"] = ["payment"],
        ["withdraw"] = ["payment"],
        ["deposit"] = ["payment"],
        ["wire"] = ["payment"],
        ["refund"] = ["payment"],
        ["purchase"] = ["payment"],
        ["buy"] = ["payment"],
        ["sell"] = ["payment"],
        ["order"] = ["payment"],
        ["delete"] = ["destructive"],
        ["remove"] = ["destructive"],
        ["drop"] = ["destructive"],
        ["wipe"] = ["destructive"],
        ["erase"] = ["destructive"],
        ["purge"] = ["destructive"],
        ["destroy"] = ["destructive"],
        ["truncate"] = ["destructive"],
        ["trash"] = ["destructive"],
        ["discard"] = ["destructive"],
        ["clear"] = ["destructive"],
        ["empty"] = ["destructive"],
        ["uninstall"] = ["destructive"],
        ["terminate"] = ["destructive"],
        ["kill"] = ["destructive"],
        ["shutdown"] = ["destructive"],
        ["format"] = ["destructive"],
        ["update"] = ["settings-change"],
        ["change"] = ["settings-change"],
        ["set"] = ["settings-change"],
        ["disable"] = ["settings-change"],
        ["enable"] = ["settings-change"],
        ["grant"] = ["settings-change"],
        ["revoke"] = ["settings-change"],
        ["unlock"] = ["settings-change"],
        ["lock"] = ["settings-change"],
        ["manage"] = ["settings-change"],
        ["modify"] = ["settings-change"],
        ["alter"] = ["settings-change"],
        ["configure"] = ["settings-change"],
        ["edit"] = ["settings-change"],
        ["reset"] = ["settings-change"],
        ["leave"] = ["settings-change"],
        ["join"] = ["settings-change"],
        ["add"] = ["settings-change"],
        ["create"] = ["action"],
        ["schedule"] = ["action"],
        ["reserve"] = ["action"],
        ["book"] = ["action"],
        ["dispatch"] = ["action"],
        ["move"] = ["action"],
        ["go"] = ["action"],
        ["execute"] = ["remote-code"],
        ["run"] = ["remote-code"],
        ["exec"] = ["remote-code"],
        ["place"] = ["payment"],
        ["cancel"] = ["action"],
        ["give"] = ["action"],
        ["fill"] = ["external-send"],
        ["autofill"] = ["external-send"],
        ["redirect"] = ["action"],
        ["approve"] = ["action"],
        ["write"] = ["file-write"],
        ["append"] = ["file-write"],
        ["save"] = ["file-write"],
        ["overwrite"] = ["file-write"],
        ["deactivate"] = ["settings-change"],
        ["suspend"] = ["settings-change"],
        ["turn"] = ["settings-change"],
        ["allow"] = ["settings-change"],
        ["whitelist"] = ["settings-change"],
        ["allowlist"] = ["settings-change"],
        ["authorize"] = ["settings-change"],
        ["rotate"] = ["settings-change"],
        ["merge"] = ["action"],
        ["deploy"] = ["action"],
        ["accept"] = ["action"],
        ["push"] = ["external-send"],
        ["install"] = ["remote-code"],
        ["eval"] = ["remote-code"],
        ["make"] = ["action"],
        ["initiate"] = ["action"],
    };

    /// <summary>What a name's verb acts on when money moves: <c>create_transfer</c>, <c>make_payment</c>, <c>send_money</c>, <c>schedule_payout</c>.</summary>
    private static readonly HashSet<string> PaymentObjects = new(StringComparer.OrdinalIgnoreCase)
    {
        "payment", "payments", "payout", "payouts", "transfer", "transfers", "wire", "remittance", "disbursement", "money", "funds",
    };

    /// <summary>Sink verbs that descriptions mostly use as nouns ("the e-mail", "an order") or for what the tool itself does ("allows you to", "turns it into"): not taken from descriptions.</summary>
    private static readonly HashSet<string> NounLike = new(StringComparer.OrdinalIgnoreCase)
    {
        "mail", "email", "message", "post", "order", "tweet", "book", "set", "go", "run", "lock", "drop", "fill", "add", "wire", "clear", "empty", "format",
        "turn", "allow", "accept", "push", "rotate", "merge", "make",
    };

    private static readonly HashSet<string> ReadVerbs = new(StringComparer.OrdinalIgnoreCase)
    {
        "get", "read", "list", "search", "find", "view", "fetch", "show", "check", "lookup", "query", "retrieve", "browse",
        "navigate", "open", "download", "scrape", "crawl", "monitor", "analyze", "analyse", "describe", "count", "summarize",
    };

    private static readonly string[] ThirdPartyWords =
    [
        "email", "mail", "inbox", "message", "messages", "sms", "chat", "channel", "web", "webpage", "page", "url", "browser",
        "review", "reviews", "tweet", "tweets", "post", "posts", "comment", "comments", "feed", "news", "repository", "repo",
        "issue", "issues", "ticket", "note", "notes", "document", "documents", "file", "files", "calendar", "event", "events",
        "product", "task", "tasks", "transactions", "received", "website", "internet", "search",
    ];

    private static readonly string[] FirstPartyWords = ["contact", "contacts", "payee", "payees", "balance", "profile", "user", "account", "scheduled", "information", "settings"];

    private static readonly string[] RecipientNames =
    [
        "to", "recipient", "recipients", "cc", "bcc", "email", "emails", "address", "user", "users", "userid", "username",
        "channel", "participant", "participants", "invitee", "invitees", "guest", "guests", "attendee", "attendees", "iban",
        "account", "payee", "url", "link", "website", "domain", "domains", "phone", "contact", "destination", "receiver", "member",
        "members", "app", "target", "webhook", "host", "endpoint", "uri", "dest", "beneficiary", "with", "collaborator", "collaborators",
        "owner", "assignee", "assignees", "reviewer", "reviewers", "grantee", "counterparty",
        "chat", "room", "conversation", "group", "groups", "bucket", "remote", "registry", "handle", "msisdn",
    ];

    /// <summary>What a tool directory finds: tools, APIs, functions, plugins.</summary>
    private static readonly HashSet<string> DirectoryNouns = new(StringComparer.Ordinal)
    {
        "tool", "tools", "api", "apis", "function", "functions", "plugin", "plugins",
    };

    /// <summary>How a tool directory's name or description says it finds them.</summary>
    private static readonly HashSet<string> DirectoryVerbs = new(StringComparer.Ordinal)
    {
        "search", "searches", "searcher", "find", "finds", "finder", "lookup", "looks", "discover", "discovers", "discovery",
        "retrieve", "retrieves", "retriever", "recommend", "recommends", "recommender", "registry", "catalog", "catalogue",
    };

    /// <summary>
    /// A tool that finds the tools for a task: its name pairs a directory noun with a finding word (<c>ToolSearcher</c>,
    /// <c>search_tools</c>, <c>ApiFinder</c>), or its description starts with a finding verb whose object, within four
    /// words, is one ("Find the tools that fit a task", "Looks up the APIs available …").
    /// </summary>
    private static bool IsToolDirectory(string[] nameWords, string? description)
    {
        if (nameWords.Any(DirectoryNouns.Contains) && nameWords.Any(DirectoryVerbs.Contains))
        {
            return true;
        }

        var words = Words(description ?? string.Empty);
        if (words.Length == 0 || !DirectoryVerbs.Contains(words[0]))
        {
            return false;
        }

        for (var i = 1; i < Math.Min(words.Length, 6); i++)
        {
            if (DirectoryNouns.Contains(words[i]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>What a <c>format</c> tool destroys when it is no formatter (<c>format_disk</c>, not <c>format_date</c>).</summary>
    private static readonly HashSet<string> StorageNouns = new(StringComparer.Ordinal) { "disk", "disks", "drive", "drives", "volume", "volumes", "partition", "partitions", "device", "filesystem", "storage", "usb", "card" };

    /// <summary>
    /// Whether the sink verb at <paramref name="at"/> is the name's verb: <c>format</c> only before a storage noun
    /// (<c>format_date</c> formats text), <c>empty</c> only before its object (<c>is_empty</c> asks a question).
    /// </summary>
    private static bool ActsAsVerb(string[] words, int at) => words[at] switch
    {
        "format" => at + 1 < words.Length && StorageNouns.Contains(words[at + 1]),
        "empty" => at + 1 < words.Length,
        _ => true,
    };

    /// <summary>How a description names its own tool before the verb: "This API records …".</summary>
    private static readonly HashSet<string> GenericSubjects = new(StringComparer.Ordinal) { "api", "tool", "function", "endpoint", "method", "operation", "action" };

    private static readonly string[] RecipientDescriptions = ["e-mail address", "email address", "iban", "recipient", "url", "bank account", "phone number", "destination"];

    /// <summary>
    /// Infers the roles of the tool <paramref name="toolName"/> described by <paramref name="descriptor"/>. Pure and not
    /// cached here (no static state): the engine remembers results per descriptor.
    /// </summary>
    public static ToolRoles Infer(string toolName, ToolDescriptor? descriptor)
    {
        ArgumentNullException.ThrowIfNull(toolName);
        return Compute(toolName, descriptor, ParametersOf(descriptor?.ParametersSchema));
    }

    /// <summary>
    /// Infers the roles of a tool that has no parameter schema from what one call of it holds: its argument names (and
    /// whether each value is an array) stand in for the schema's properties. A plain SDK call guarded by hand has only these.
    /// </summary>
    internal static ToolRoles InferFromArguments(string toolName, ToolDescriptor? descriptor, JsonElement arguments)
        => Compute(toolName, descriptor, ParametersOfArguments(arguments));

    /// <summary>
    /// The names an arguments object holds as parameters, nested ones too (an object value's, every object element's of an
    /// array, merged by name), read level by level so the shallow names come first. The model writes these names, so at
    /// most <see cref="MaxSchemaParameters"/> distinct ones are kept; when there are more, the whole arguments are read as
    /// a recipient (<c>$</c>): a name past the limit cannot hide one. A value is selected whole (an array's elements with it).
    /// </summary>
    private static List<Parameter> ParametersOfArguments(JsonElement arguments)
    {
        var top = new List<Parameter>();
        var index = new Dictionary<(List<Parameter> Level, string Name), Parameter>();
        var queue = new Queue<(JsonElement Value, List<Parameter> Level, string Prefix, int Depth)>();
        queue.Enqueue((arguments, top, "$", 0));
        var budget = MaxSchemaParameters;
        while (queue.TryDequeue(out var entry))
        {
            if (entry.Value.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in entry.Value.EnumerateArray())
                {
                    queue.Enqueue((item, entry.Level, entry.Prefix, entry.Depth));
                }

                continue;
            }

            if (entry.Value.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            foreach (var property in entry.Value.EnumerateObject())
            {
                if (!index.TryGetValue((entry.Level, property.Name), out var parameter))
                {
                    if (--budget < 0)
                    {
                        top.Add(new Parameter("$", "more argument names than are read: every value is read as a recipient", "$", [], 0));
                        return top;
                    }

                    parameter = new Parameter(property.Name, string.Empty, entry.Prefix + Segment(property.Name), [], entry.Depth);
                    entry.Level.Add(parameter);
                    index.Add((entry.Level, property.Name), parameter);
                }

                if (entry.Depth < MaxSchemaDepth && property.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
                {
                    var prefix = property.Value.ValueKind == JsonValueKind.Array ? parameter.Path + "[*]" : parameter.Path;
                    queue.Enqueue((property.Value, parameter.Nested, prefix, entry.Depth + 1));
                }
            }
        }

        return top;
    }

    /// <summary>Splits a tool name into lower-case words: <c>BankManagerTransferFunds</c> → bank, manager, transfer, funds; <c>EC2TerminateInstances</c> → ec2, terminate, instances.</summary>
    public static string[] Words(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var words = new List<string>();
        var current = new System.Text.StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (!char.IsLetterOrDigit(c))
            {
                Flush();
                continue;
            }

            if (char.IsUpper(c) && current.Length > 0 && (char.IsLower(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]) && (char.IsUpper(name[i - 1]) || char.IsDigit(name[i - 1])))))
            {
                Flush();
            }

            current.Append(char.ToLowerInvariant(c));
        }

        Flush();
        return [.. words];

        void Flush()
        {
            if (current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }
        }
    }

    private static ToolRoles Compute(string toolName, ToolDescriptor? descriptor, List<Parameter> parameters)
    {
        var words = Words(toolName);
        var tags = new List<string>();
        var evidence = new List<string>();
        var sink = false;
        var reader = false;
        var sinkByName = false;
        var actionWords = new List<string>();
        for (var i = 0; i < words.Length; i++)
        {
            var word = words[i];
            if (SinkVerbs.TryGetValue(word, out var verbTags) && ActsAsVerb(words, i))
            {
                sink = true;
                sinkByName = true;
                Add(verbTags, $"name verb '{word}'");
                actionWords.Add(word);
                actionWords.AddRange(words.Skip(i + 1).Where(w => SinkVerbs.ContainsKey(w) && !NounLike.Contains(w)));
                if (!verbTags.Contains("payment") && words.Skip(i + 1).FirstOrDefault(PaymentObjects.Contains) is { } money)
                {
                    Add(["payment"], $"name object '{money}' → payment");
                }

                break;
            }

            if (ReadVerbs.Contains(word))
            {
                reader = true;
                evidence.Add($"name verb '{word}' → reads");
                break;
            }
        }

        // MCP annotations are the server's own claims: they may add a restriction (destructive, open world), never
        // remove one. A tool whose name says it sends stays a sink whatever readOnlyHint a server declares.
        if (descriptor?.DestructiveHint == true && descriptor.ReadOnlyHint != true)
        {
            sink = true;
            Add(["destructive"], "MCP destructiveHint");
        }

        if (sink)
        {
            // The description's verbs say what else the tool does ("Place a buy or sell order").
            actionWords.AddRange(Words(descriptor?.Description ?? string.Empty).Where(w => SinkVerbs.ContainsKey(w) && !NounLike.Contains(w)));
        }

        var recipients = RecipientArguments(parameters, evidence);
        if (!sink && !reader && recipients.Count > 0)
        {
            sink = true;
            Add(["action"], "recipient-like parameter on a tool that does not read");

            // No verb of the lists names its action, so no prompt could put it in the task scope: take the verb its
            // description starts with ("Generates …") when the name holds it (generate_voice_clone).
            if (LeadingVerbOfDescription(words, descriptor?.Description) is { } verb)
            {
                actionWords.Add(verb);
                evidence.Add($"description starts with the name's verb '{verb}'");
            }
        }

        // A tool directory's listing names tools by design; whether what it carries is third-party content is decided
        // as for any reader (a directory that searches may search a public registry).
        var directory = !sink && IsToolDirectory(words, descriptor?.Description);
        if (directory)
        {
            evidence.Add("finds tools → its listing names tools by design");
        }

        var thirdParty = false;
        if (reader || (!sink && descriptor?.ReadOnlyHint == true))
        {
            var all = words.Concat(Words(descriptor?.Description ?? string.Empty)).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var firstParty = words.FirstOrDefault(w => FirstPartyWords.Contains(w));
            var content = words.Concat(all).FirstOrDefault(w => ThirdPartyWords.Contains(w));
            if (descriptor?.OpenWorldHint == true)
            {
                thirdParty = true;
                evidence.Add("MCP openWorldHint on a reading tool → third-party content");
            }
            else if (content is not null && firstParty is null)
            {
                thirdParty = true;
                evidence.Add($"reads '{content}' → third-party content");
            }
        }

        if (!thirdParty && UrlRequestTools.Matches(words, sinkByName, descriptor?.Description, out var requests))
        {
            thirdParty = true;
            evidence.Add(requests);
        }

        if (sink)
        {
            tags.Insert(0, "inferred-sink");
        }

        if (thirdParty)
        {
            tags.Add("untrusted-source");
        }

        return new ToolRoles([.. tags.Distinct(StringComparer.OrdinalIgnoreCase)], [.. recipients], [.. actionWords.Distinct(StringComparer.Ordinal)], sink, thirdParty, [.. evidence], directory)
        {
            NameHasVerb = sinkByName || reader,
        };

        void Add(string[] added, string why)
        {
            tags.AddRange(added);
            evidence.Add($"{why} → {string.Join(",", added)}");
        }
    }

    /// <summary>
    /// The word of <paramref name="nameWords"/> that the description's first word inflects in the third person
    /// ("Generates" for <c>generate</c>, "Copies" for <c>copy</c>, "Pushes" for <c>push</c>), or null. Only the -s form
    /// counts: a bare first word is as often a noun ("Voice clones of …").
    /// </summary>
    private static string? LeadingVerbOfDescription(string[] nameWords, string? description)
    {
        if (string.IsNullOrEmpty(description))
        {
            return null;
        }

        // "This API records …", "The tool sends …": a generic subject before the verb is skipped.
        var words = Words(description);
        var at = words.Length > 2 && words[0] is "this" or "the" && GenericSubjects.Contains(words[1]) ? 2 : 0;
        var first = words.Length > at ? words[at] : null;
        if (first is not { Length: > 3 } || first[^1] != 's')
        {
            return null;
        }

        foreach (var word in nameWords)
        {
            if (word.Length >= 3 && (first == word + "s" || first == word + "es" || (word[^1] == 'y' && first == word[..^1] + "ies")))
            {
                return word;
            }
        }

        return null;
    }

    /// <summary>Deepest nesting of object schemas read for recipients (<c>message.toRecipients[].emailAddress</c> is three).</summary>
    private const int MaxSchemaDepth = 6;

    /// <summary>
    /// The properties of an object schema, each with its description and argument path, and those of the objects nested
    /// in them (an object property's, an array's items'), as real APIs nest a recipient: Microsoft Graph's
    /// <c>message.toRecipients</c>, a payment's <c>transfer.creditor.iban</c>.
    /// </summary>
    private static List<Parameter> ParametersOf(JsonElement? schema)
    {
        var parameters = new List<Parameter>();
        if (schema is { ValueKind: JsonValueKind.Object } root)
        {
            var budget = MaxSchemaParameters;
            var shapes = new List<JsonElement>();
            AddShapes(root, root, shapes, 0);
            AddProperties(root, shapes, "$", 0, parameters, ref budget);
        }

        return parameters;
    }

    /// <summary>
    /// Most parameters read from one schema: references can make a small schema describe a tree of any size (a
    /// <c>$ref</c> to its own root), so the walk stops here whatever the depth.
    /// </summary>
    private const int MaxSchemaParameters = 512;

    /// <summary>Most schemas one value is read as (itself and the members of its unions, <see cref="AddShapes"/>).</summary>
    private const int MaxShapes = 16;

    /// <summary>Deepest nesting of unions in unions read (<c>anyOf</c> of an <c>allOf</c> of a reference is two).</summary>
    private const int MaxUnionDepth = 3;

    /// <summary>The keywords whose members are schemas a value may (also) have to match.</summary>
    private static readonly string[] UnionKeywords = ["anyOf", "oneOf", "allOf"];

    /// <summary>
    /// The schemas a value is read as: its own, and the members of its <c>anyOf</c>, <c>oneOf</c> and <c>allOf</c>,
    /// references resolved. Pydantic (behind Python MCP servers) writes an optional nested model as <c>anyOf</c> of its
    /// reference and <c>null</c>, and a described one as <c>allOf</c> of its reference; a union of shapes is a <c>oneOf</c>.
    /// </summary>
    private static void AddShapes(JsonElement root, JsonElement schema, List<JsonElement> shapes, int depth)
    {
        schema = Resolved(root, schema);
        if (schema.ValueKind != JsonValueKind.Object || shapes.Count >= MaxShapes)
        {
            return;
        }

        shapes.Add(schema);
        if (depth >= MaxUnionDepth)
        {
            return;
        }

        foreach (var keyword in UnionKeywords)
        {
            if (schema.TryGetProperty(keyword, out var members) && members.ValueKind == JsonValueKind.Array)
            {
                foreach (var member in members.EnumerateArray())
                {
                    AddShapes(root, member, shapes, depth + 1);
                }
            }
        }
    }

    /// <summary>
    /// Whether a schema describes an array: <c>"type": "array"</c>, or a type list that holds it (<c>["array", "null"]</c>,
    /// as <c>AIFunctionFactory</c> writes a nullable list).
    /// </summary>
    private static bool IsArraySchema(JsonElement schema)
    {
        if (!schema.TryGetProperty("type", out var type))
        {
            return false;
        }

        if (type.ValueKind == JsonValueKind.String)
        {
            return type.ValueEquals("array");
        }

        if (type.ValueKind == JsonValueKind.Array)
        {
            foreach (var member in type.EnumerateArray())
            {
                if (member.ValueKind == JsonValueKind.String && member.ValueEquals("array"))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// Adds the properties of a value's schemas (<see cref="AddShapes"/>; a name in several is one parameter), then reads
    /// what each nests: a level's own properties are kept before any of their subtrees spends the budget, so a fan of
    /// references cannot push a top-level recipient out.
    /// </summary>
    private static void AddProperties(JsonElement root, List<JsonElement> shapes, string prefix, int depth, List<Parameter> parameters, ref int budget)
    {
        var nested = new Dictionary<string, (Parameter Parameter, List<JsonElement> Inner)>(StringComparer.Ordinal);
        foreach (var shape in shapes)
        {
            if (!shape.TryGetProperty("properties", out var properties) || properties.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            foreach (var property in properties.EnumerateObject())
            {
                if (--budget < 0)
                {
                    break;
                }

                var values = new List<JsonElement>();
                AddShapes(root, property.Value, values, 0);
                if (nested.TryGetValue(property.Name, out var known))
                {
                    known.Inner.AddRange(InnerShapes(root, values, out _));
                    continue;
                }

                var inner = InnerShapes(root, values, out var isArray);
                var description = values.Select(DescriptionOf).FirstOrDefault(d => d.Length > 0) ?? string.Empty;
                var path = prefix + Segment(property.Name);
                var parameter = new Parameter(property.Name, description, isArray ? path + "[*]" : path, [], depth);
                parameters.Add(parameter);
                nested.Add(property.Name, (parameter, inner));
            }
        }

        if (depth < MaxSchemaDepth)
        {
            foreach (var (parameter, inner) in nested.Values)
            {
                if (inner.Count > 0)
                {
                    AddProperties(root, inner, parameter.Path, depth + 1, parameter.Nested, ref budget);
                }
            }
        }
    }

    /// <summary>
    /// The schemas a value's nested properties are read from: an array's items' (and the value is read element by
    /// element), else the value's own.
    /// </summary>
    private static List<JsonElement> InnerShapes(JsonElement root, List<JsonElement> values, out bool isArray)
    {
        var items = new List<JsonElement>();
        isArray = false;
        foreach (var value in values)
        {
            if (IsArraySchema(value))
            {
                isArray = true;
                if (value.TryGetProperty("items", out var item) && item.ValueKind == JsonValueKind.Object)
                {
                    AddShapes(root, item, items, 0);
                }
            }
        }

        return isArray ? items : values;
    }

    private static string DescriptionOf(JsonElement schema)
        => schema.TryGetProperty("description", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() ?? string.Empty : string.Empty;

    /// <summary>Most references followed in a row (a chain of <c>$ref</c>s to <c>$ref</c>s).</summary>
    private const int MaxReferences = 8;

    /// <summary>
    /// The schema a <c>$ref</c> to a place in the same document points at (<c>#/$defs/Party</c>,
    /// <c>#/properties/message/properties/toRecipients</c>: System.Text.Json's exporter, behind M.E.AI's function
    /// schemas, writes a type it has already written as a reference), or the schema itself. Other references are not followed.
    /// </summary>
    private static JsonElement Resolved(JsonElement root, JsonElement schema)
    {
        for (var hop = 0; hop < MaxReferences && schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("$ref", out var reference) && reference.ValueKind == JsonValueKind.String; hop++)
        {
            var pointer = reference.GetString()!;
            if (!pointer.StartsWith('#'))
            {
                break;
            }

            var target = root;
            foreach (var token in pointer[1..].Split('/', StringSplitOptions.RemoveEmptyEntries))
            {
                var name = token.Replace("~1", "/").Replace("~0", "~");
                if (target.ValueKind != JsonValueKind.Object || !target.TryGetProperty(name, out target))
                {
                    return schema;
                }
            }

            schema = target;
        }

        return schema;
    }

    /// <summary>A property's path segment: <c>.name</c>, or <c>['odd name']</c> for a name a dotted path cannot hold.</summary>
    private static string Segment(string name)
        => name.Length > 0 && name.AsSpan().IndexOfAnyExcept(IdentifierChars) < 0 ? "." + name : $"['{name}']";

    private static List<string> RecipientArguments(List<Parameter> parameters, List<string> evidence)
    {
        var paths = new List<string>();
        AddRecipients(parameters, paths, evidence);
        return paths;
    }

    /// <summary>
    /// Adds the path of each recipient-like parameter (its whole value: a recipient object is read through); a parameter
    /// that is none is searched for nested ones.
    /// </summary>
    private static void AddRecipients(List<Parameter> parameters, List<string> paths, List<string> evidence)
    {
        foreach (var parameter in parameters)
        {
            var words = Words(parameter.Name);
            if (words.Length > 0 && words[0] is "from" or "source" or "sender" or "my" or "own")
            {
                continue; // the user's own side of a transfer, not a recipient
            }

            var byName = words.FirstOrDefault(w => RecipientNames.Contains(w));
            var byDescription = RecipientDescriptions.FirstOrDefault(t => parameter.Description.Contains(t, StringComparison.OrdinalIgnoreCase));
            if (byName is null && byDescription is null)
            {
                AddRecipients(parameter.Nested, paths, evidence);
                continue;
            }

            paths.Add(parameter.Path);
            var where = parameter.Depth == 0 ? $"parameter '{parameter.Name}'" : $"parameter '{parameter.Path}'";
            evidence.Add(byName is not null ? $"{where} names a recipient ('{byName}')" : $"{where} is described as '{byDescription}'");
        }
    }

    private static readonly System.Buffers.SearchValues<char> IdentifierChars = System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_");

    /// <summary>
    /// A parameter of the tool, from its schema or (with no schema) from a call's arguments: its name, description, the
    /// path that selects its value (<c>[*]</c> for an array's elements), the parameters nested in it, and how deep it is.
    /// </summary>
    private sealed record Parameter(string Name, string Description, string Path, List<Parameter> Nested, int Depth);
}
