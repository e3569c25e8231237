namespace AgentGuard;

/// <summary>One rule: what it matches, when it applies, and its effect.</summary>
public sealed class RuleOptions
{
    /// <summary>A unique, stable id reported in decisions and audit events.</summary>
    public string? Id { get; set; }

    /// <summary><c>Deny</c>, <c>RequireApproval</c> or <c>Allow</c>.</summary>
    public string? Effect { get; set; }

    /// <summary>Why the rule exists, for operators (shown in logs and audit, never to the model).</summary>
    public string? Reason { get; set; }

    /// <summary>A model-facing message replacing the neutral default. Must not reveal rule internals.</summary>
    public string? Message { get; set; }

    /// <summary>Raise an alert when the rule matches, whatever its effect.</summary>
    public bool Alert { get; set; }

    /// <summary>On deny, stop the agent's tool loop instead of letting the model continue.</summary>
    public bool StopAgent { get; set; }

    /// <summary>What happens when evaluating this rule fails; overrides the global <c>OnError</c>.</summary>
    public string? OnError { get; set; }

    /// <summary>Which calls the rule is about. At least one field must be set (use <c>Tools: ["*"]</c> for all).</summary>
    public MatchOptions? Match { get; set; }

    /// <summary>Conditions on the call and its session; all must hold. Empty means always.</summary>
    public WhenOptions? When { get; set; }
}

/// <summary>Which calls a rule is about. Within a field any value may match; all set fields must match.</summary>
public sealed class MatchOptions
{
    /// <summary>Tool-name globs (<c>*</c>, <c>?</c>), case-insensitive, e.g. <c>send_*</c>.</summary>
    public List<string> Tools
    {
        get => OptionsCollections.Get(ref _tools);
        set => _tools = value;
    }

    /// <summary>The list when one was made (read, set or bound), else null: read without making one.</summary>
    internal List<string>? ToolsIfAny => _tools;

    private List<string>? _tools;

    /// <summary>Kinds: <c>Function</c>, <c>McpTool</c>, <c>ShellCommand</c>, <c>HttpRequest</c>, <c>SdkCall</c>, <c>Connector</c>, <c>DatabaseQuery</c>.</summary>
    public List<string> Kinds
    {
        get => OptionsCollections.Get(ref _kinds);
        set => _kinds = value;
    }

    /// <summary>The list when one was made (read, set or bound), else null: read without making one.</summary>
    internal List<string>? KindsIfAny => _kinds;

    private List<string>? _kinds;

    /// <summary>Source globs: MCP server ids, plugin names, HTTP hosts.</summary>
    public List<string> Sources
    {
        get => OptionsCollections.Get(ref _sources);
        set => _sources = value;
    }

    /// <summary>The list when one was made (read, set or bound), else null: read without making one.</summary>
    internal List<string>? SourcesIfAny => _sources;

    private List<string>? _sources;

    /// <summary>Tags; the call must carry at least one.</summary>
    public List<string> Tags
    {
        get => OptionsCollections.Get(ref _tags);
        set => _tags = value;
    }

    /// <summary>The list when one was made (read, set or bound), else null: read without making one.</summary>
    internal List<string>? TagsIfAny => _tags;

    private List<string>? _tags;

    /// <summary>The lowest risk the call must have: <c>Low</c>, <c>Medium</c>, <c>High</c>, <c>Critical</c>.</summary>
    public string? MinRisk { get; set; }
}

/// <summary>Conditions on a call and its session. Every condition that is set must hold.</summary>
public sealed class WhenOptions
{
    /// <summary>Conditions on the user.</summary>
    public UserConditionOptions? User { get; set; }

    /// <summary>The environment must be one of these.</summary>
    public List<string> Environments
    {
        get => OptionsCollections.Get(ref _environments);
        set => _environments = value;
    }

    /// <summary>The list when one was made (read, set or bound), else null: read without making one.</summary>
    internal List<string>? EnvironmentsIfAny => _environments;

    private List<string>? _environments;

    /// <summary>The team must be one of these.</summary>
    public List<string> Teams
    {
        get => OptionsCollections.Get(ref _teams);
        set => _teams = value;
    }

    /// <summary>The list when one was made (read, set or bound), else null: read without making one.</summary>
    internal List<string>? TeamsIfAny => _teams;

    private List<string>? _teams;

    /// <summary>The agent id must be one of these.</summary>
    public List<string> Agents
    {
        get => OptionsCollections.Get(ref _agents);
        set => _agents = value;
    }

    /// <summary>The list when one was made (read, set or bound), else null: read without making one.</summary>
    internal List<string>? AgentsIfAny => _agents;

    private List<string>? _agents;

    /// <summary>One of these data tags must be on the call, on the session context, or among the session's labels.</summary>
    public List<string> DataTags
    {
        get => OptionsCollections.Get(ref _dataTags);
        set => _dataTags = value;
    }

    /// <summary>The list when one was made (read, set or bound), else null: read without making one.</summary>
    internal List<string>? DataTagsIfAny => _dataTags;

    private List<string>? _dataTags;

    /// <summary>One of these labels must have been accumulated by the session (e.g. <c>untrusted</c>).</summary>
    public List<string> SessionLabels
    {
        get => OptionsCollections.Get(ref _sessionLabels);
        set => _sessionLabels = value;
    }

    /// <summary>The list when one was made (read, set or bound), else null: read without making one.</summary>
    internal List<string>? SessionLabelsIfAny => _sessionLabels;

    private List<string>? _sessionLabels;

    /// <summary>Conditions on argument values; all must hold.</summary>
    public List<ArgumentConditionOptions> Arguments
    {
        get => OptionsCollections.Get(ref _arguments);
        set => _arguments = value;
    }

    /// <summary>The list when one was made (read, set or bound), else null: read without making one.</summary>
    internal List<ArgumentConditionOptions>? ArgumentsIfAny => _arguments;

    private List<ArgumentConditionOptions>? _arguments;

    /// <summary>Call or context attributes that must have these values.</summary>
    public Dictionary<string, string> Attributes
    {
        get => OptionsCollections.Get(ref _attributes);
        set => _attributes = value;
    }

    /// <summary>The map when one was made (read, set or bound), else null: read without making one.</summary>
    internal Dictionary<string, string>? AttributesIfAny => _attributes;

    private Dictionary<string, string>? _attributes;

    /// <summary>Call or context attributes that must each have one of a set of values, e.g. <c>{ "tier": ["gold", "silver"] }</c> (ignoring case).</summary>
    public Dictionary<string, List<string>> AttributesAnyOf
    {
        get => OptionsCollections.Get(ref _attributesAnyOf);
        set => _attributesAnyOf = value;
    }

    /// <summary>The map when one was made (read, set or bound), else null: read without making one.</summary>
    internal Dictionary<string, List<string>>? AttributesAnyOfIfAny => _attributesAnyOf;

    private Dictionary<string, List<string>>? _attributesAnyOf;

    /// <summary>
    /// Numbers the host keeps and supplies as context or user attributes (e.g. <c>spend_today</c>), each compared with
    /// bounds. A counter that is missing or not a number cannot be decided: the rule's <c>OnError</c> outcome applies.
    /// </summary>
    public Dictionary<string, CounterConditionOptions> Counters
    {
        get => OptionsCollections.Get(ref _counters);
        set => _counters = value;
    }

    /// <summary>The map when one was made (read, set or bound), else null: read without making one.</summary>
    internal Dictionary<string, CounterConditionOptions>? CountersIfAny => _counters;

    private Dictionary<string, CounterConditionOptions>? _counters;

    /// <summary>A count of earlier calls in the session.</summary>
    public SequenceConditionOptions? Sequence { get; set; }

    /// <summary>A rate limit: the rule applies once more calls than allowed were made in the window.</summary>
    public RateLimitOptions? RateLimit { get; set; }

    /// <summary>Where an argument's value came from.</summary>
    public ProvenanceConditionOptions? Provenance { get; set; }

    /// <summary>
    /// True: holds when the call is outside the session's task scope — the host-supplied <see cref="TaskScope"/> (or an
    /// <see cref="ITaskScopeProvider"/>'s), else the scope the user's prompt implies (the prompt names the tool's action).
    /// </summary>
    public bool? OutsideTaskScope { get; set; }

    /// <summary>True: holds when an earlier tool result named this tool by its identifier and the user's prompt did not.</summary>
    public bool? ToolNamedByResult { get; set; }

    /// <summary>
    /// Holds when a URL at the argument goes to a host no prompt or trusted result showed and carries, in its path or
    /// query, an e-mail address, IBAN or long number that the prompt or a trusted result did: the user's data sent where
    /// only untrusted content pointed.
    /// </summary>
    public CarriesSessionDataOptions? CarriesSessionData { get; set; }
}

/// <summary>Which argument <see cref="WhenOptions.CarriesSessionData"/> reads.</summary>
public sealed class CarriesSessionDataOptions
{
    /// <summary>The argument path of the URL, e.g. <c>$.url</c>.</summary>
    public string? Argument { get; set; }
}

/// <summary>Conditions on the user; every one that is set must hold.</summary>
public sealed class UserConditionOptions
{
    /// <summary>The user id must be one of these.</summary>
    public List<string> Ids
    {
        get => OptionsCollections.Get(ref _ids);
        set => _ids = value;
    }

    /// <summary>The list when one was made (read, set or bound), else null: read without making one.</summary>
    internal List<string>? IdsIfAny => _ids;

    private List<string>? _ids;

    /// <summary>The user must be in one of these groups.</summary>
    public List<string> Groups
    {
        get => OptionsCollections.Get(ref _groups);
        set => _groups = value;
    }

    /// <summary>The list when one was made (read, set or bound), else null: read without making one.</summary>
    internal List<string>? GroupsIfAny => _groups;

    private List<string>? _groups;

    /// <summary>The user must be in none of these groups.</summary>
    public List<string> NotGroups
    {
        get => OptionsCollections.Get(ref _notGroups);
        set => _notGroups = value;
    }

    /// <summary>The list when one was made (read, set or bound), else null: read without making one.</summary>
    internal List<string>? NotGroupsIfAny => _notGroups;

    private List<string>? _notGroups;

    /// <summary>The user must hold one of these roles.</summary>
    public List<string> Roles
    {
        get => OptionsCollections.Get(ref _roles);
        set => _roles = value;
    }

    /// <summary>The list when one was made (read, set or bound), else null: read without making one.</summary>
    internal List<string>? RolesIfAny => _roles;

    private List<string>? _roles;

    /// <summary>True: only external users; false: only internal users.</summary>
    public bool? External { get; set; }

    /// <summary>True: only calls with no known user; false: only calls with one.</summary>
    public bool? Anonymous { get; set; }
}

/// <summary>A test of the value at a path in the arguments. Set exactly one test besides <see cref="Path"/>.</summary>
public sealed class ArgumentConditionOptions
{
    /// <summary>Where the value is, e.g. <c>$.recipient</c>, <c>$.items[*].sku</c>.</summary>
    public string? Path { get; set; }

    /// <summary>The value equals this (case-insensitive for strings). Configuration key: <c>Equals</c>.</summary>
    [Microsoft.Extensions.Configuration.ConfigurationKeyName("Equals")]
    public string? EqualTo { get; set; }

    /// <summary>The value is one of these.</summary>
    public List<string> OneOf
    {
        get => OptionsCollections.Get(ref _oneOf);
        set => _oneOf = value;
    }

    /// <summary>The list when one was made (read, set or bound), else null: read without making one.</summary>
    internal List<string>? OneOfIfAny => _oneOf;

    private List<string>? _oneOf;

    /// <summary>The value is none of these (absent counts as none).</summary>
    public List<string> NotOneOf
    {
        get => OptionsCollections.Get(ref _notOneOf);
        set => _notOneOf = value;
    }

    /// <summary>The list when one was made (read, set or bound), else null: read without making one.</summary>
    internal List<string>? NotOneOfIfAny => _notOneOf;

    private List<string>? _notOneOf;

    /// <summary>
    /// The value matches this .NET regular expression (evaluated with a time limit), ignoring case like every other
    /// test unless <see cref="CaseSensitive"/> is true.
    /// </summary>
    public string? Regex { get; set; }

    /// <summary>
    /// For <see cref="Regex"/> only: true matches the case as written; false or unset (the default) ignores case, as
    /// <c>Equals</c>, <c>OneOf</c> and <c>Contains</c> do, so a deny rule written for <c>evil.example</c> is not dodged
    /// by <c>EVIL.example</c>. An inline <c>(?-i)</c> turns case back on for part of a pattern.
    /// </summary>
    public bool? CaseSensitive { get; set; }

    /// <summary>The value contains this text (case-insensitive).</summary>
    public string? Contains { get; set; }

    /// <summary>The value is a number greater than this.</summary>
    public double? GreaterThan { get; set; }

    /// <summary>The value is a number less than this.</summary>
    public double? LessThan { get; set; }

    /// <summary>True: the value is present; false: it is absent.</summary>
    public bool? Exists { get; set; }
}

/// <summary>Bounds on a host-supplied counter; every bound that is set must hold.</summary>
public sealed class CounterConditionOptions
{
    /// <summary>The counter is greater than this.</summary>
    public double? GreaterThan { get; set; }

    /// <summary>The counter is less than this.</summary>
    public double? LessThan { get; set; }
}

/// <summary>A count of earlier calls in the session that match by name or tag.</summary>
public sealed class SequenceConditionOptions
{
    /// <summary>Tool-name globs the earlier calls must match (any).</summary>
    public List<string> Tools
    {
        get => OptionsCollections.Get(ref _tools);
        set => _tools = value;
    }

    /// <summary>The list when one was made (read, set or bound), else null: read without making one.</summary>
    internal List<string>? ToolsIfAny => _tools;

    private List<string>? _tools;

    /// <summary>Tags the earlier calls must carry (any).</summary>
    public List<string> Tags
    {
        get => OptionsCollections.Get(ref _tags);
        set => _tags = value;
    }

    /// <summary>The list when one was made (read, set or bound), else null: read without making one.</summary>
    internal List<string>? TagsIfAny => _tags;

    private List<string>? _tags;

    /// <summary>How many such calls there must be, counting this one when it matches too. Default 1.</summary>
    public int AtLeast { get; set; } = 1;

    /// <summary>Look only at the last N calls; 0 means the whole kept history.</summary>
    public int WithinCalls { get; set; }

    /// <summary>Look only at calls within this time, e.g. <c>00:05:00</c>.</summary>
    public string? Within { get; set; }

    /// <summary>Count only earlier calls that were allowed (default true): a blocked export exported nothing.</summary>
    public bool OnlyAllowed { get; set; } = true;
}

/// <summary>A sliding-window rate limit.</summary>
public sealed class RateLimitOptions
{
    /// <summary>How many calls the window allows; the rule applies to the ones beyond.</summary>
    public int Max { get; set; }

    /// <summary>The window, e.g. <c>00:01:00</c>.</summary>
    public string? Per { get; set; }

    /// <summary>What is counted: <c>Session</c> (default), <c>User</c>, <c>Tool</c> or <c>Global</c>.</summary>
    public string By { get; set; } = "Session";
}

/// <summary>
/// Where an argument's value came from. The rule applies when the value was not seen in any allowed origin: e.g. a
/// payee that appears only in a web page the agent read, not in anything the user typed.
/// </summary>
public sealed class ProvenanceConditionOptions
{
    /// <summary>
    /// The argument path, e.g. <c>$.recipient</c>, or <c>@recipients</c>: every recipient-like argument of the tool
    /// (inferred from its parameter names and schema; see <c>docs/default-policy-pack.md</c>).
    /// </summary>
    public string? Argument { get; set; }

    /// <summary>
    /// Origins the value must have come from for the rule <em>not</em> to apply: <c>prompt</c> (the user's messages),
    /// <c>trusted</c> (results of tools not marked untrusted, and host-resolved values), <c>allowlist</c>.
    /// Null (not set) means <c>prompt</c> and <c>trusted</c>.
    /// </summary>
    /// <remarks>Null rather than a pre-filled list: the configuration binder appends to lists, it does not replace them.</remarks>
    public List<string>? From { get; set; }

    /// <summary>Values that are always acceptable.</summary>
    public List<string> Allowlist
    {
        get => OptionsCollections.Get(ref _allowlist);
        set => _allowlist = value;
    }

    /// <summary>The list when one was made (read, set or bound), else null: read without making one.</summary>
    internal List<string>? AllowlistIfAny => _allowlist;

    private List<string>? _allowlist;
}
