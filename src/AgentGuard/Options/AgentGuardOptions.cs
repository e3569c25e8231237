namespace AgentGuard;

/// <summary>
/// The <c>AgentGuard</c> configuration section: how tools are classified, the rules that decide their calls, and
/// what happens on failure. Enum-like values and durations are strings so that a mistake is reported with the rule
/// and field it is in, at start, rather than as a binder error.
/// </summary>
public sealed class AgentGuardOptions
{
    /// <summary>The configuration section name: <c>AgentGuard</c>.</summary>
    public const string SectionName = "AgentGuard";

    /// <summary><c>Enforce</c> (default) or <c>Audit</c>: decide and record everything, block nothing.</summary>
    public string Mode { get; set; } = "Enforce";

    /// <summary>The effect when no rule matches: <c>Allow</c> (default), <c>Deny</c> or <c>RequireApproval</c>.</summary>
    public string DefaultDecision { get; set; } = "Allow";

    /// <summary>
    /// What happens when a rule or policy fails: <c>Auto</c> (default: deny risky calls; for others an alert, the rules and the default decide),
    /// <c>Deny</c>, <c>RequireApproval</c> or <c>AllowWithAlert</c>. Rules can override it.
    /// </summary>
    public string OnError { get; set; } = "Auto";

    /// <summary>The time budget of one evaluation of a code policy or classifier, e.g. <c>00:00:00.250</c> (default).</summary>
    public string EvaluationTimeout { get; set; } = "00:00:00.250";

    /// <summary>The risky tags used when <see cref="RiskyTags"/> is not set.</summary>
    public static IReadOnlyList<string> DefaultRiskyTags { get; } = ["destructive", "payment", "external-send", "export", "exfiltration", "remote-code", "credential-access", "privilege", "opaque", "secret-in-arguments", ToolNames.ObfuscatedTag];

    /// <summary>
    /// Tags that make a call risky for <c>OnError: Auto</c>, in addition to <see cref="DefaultRiskyTags"/> (unless
    /// <see cref="ReplaceDefaultRiskyTags"/> is true); calls of risk <c>High</c> or above are risky too.
    /// </summary>
    /// <remarks>Null rather than a pre-filled list: the configuration binder appends to lists, it does not replace them.</remarks>
    public List<string>? RiskyTags { get; set; }

    /// <summary>When true, <see cref="RiskyTags"/> replaces <see cref="DefaultRiskyTags"/> instead of adding to them. Default false.</summary>
    public bool ReplaceDefaultRiskyTags { get; set; }

    /// <summary>How reloads of this section are accepted.</summary>
    public ReloadOptions Reload { get; set; } = new();

    /// <summary>When true (default), the model-facing message on a denial names the tool; otherwise it is fully generic.</summary>
    public bool NameToolInModelMessage { get; set; } = true;

    /// <summary>Tool classification: tool-name glob to tags, risk and sensitive arguments.</summary>
    public Dictionary<string, ToolOptions> Tools { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The rules, in any order: precedence, not order, decides (deny beats require-approval beats allow).</summary>
    public List<RuleOptions> Rules { get; set; } = [];

    /// <summary>
    /// Named policies, for hosts that run several agents: a pipeline that names one
    /// (<c>.UseAgentGuard(o => o.Policy = "billing")</c>) is decided by these <see cref="Rules"/> together with its own
    /// rules and default decision; everything else (tools, detection, sessions, audit) is shared.
    /// </summary>
    public Dictionary<string, NamedPolicyOptions> Policies { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Defaults for session facts no adapter or provider supplied.</summary>
    public ContextDefaultsOptions Context { get; set; } = new();

    /// <summary>How much session state is kept.</summary>
    public SessionOptions Sessions { get; set; } = new();

    /// <summary>Bounds on parsed tool arguments.</summary>
    public ArgumentLimitsOptions Arguments { get; set; } = new();

    /// <summary>Approval settings.</summary>
    public ApprovalOptions Approval { get; set; } = new();

    /// <summary>Audit settings.</summary>
    public AuditOptions Audit { get; set; } = new();

    /// <summary>Result-hook detectors (secrets, injected instructions, untrusted sources).</summary>
    public DetectionOptions Detection { get; set; } = new();

    /// <summary>Role inference from tool names, descriptions, parameter schemas and MCP annotations (used when the default pack is on).</summary>
    public InferenceOptions Inference { get; set; } = new();
}

/// <summary>How reloads of the section are accepted.</summary>
public sealed class ReloadOptions
{
    /// <summary>
    /// A reload that removes every rule, or more than half of them, is refused (the last good policy stays in force)
    /// unless this is true in the new configuration. Default false.
    /// </summary>
    public bool AllowRuleRemoval { get; set; }
}

/// <summary>How one tool (or every tool matching a glob) is classified.</summary>
public sealed class ToolOptions
{
    /// <summary>Tags for the tool, e.g. <c>external-send</c>, <c>destructive</c>, <c>internal-only</c>.</summary>
    public List<string> Tags { get; set; } = [];

    /// <summary><c>Low</c>, <c>Medium</c>, <c>High</c> or <c>Critical</c>.</summary>
    public string? Risk { get; set; }

    /// <summary>Argument paths whose values are always redacted in audit events, e.g. <c>$.password</c>.</summary>
    public List<string> SensitiveArguments { get; set; } = [];

    /// <summary>True when the tool's results come from outside the organisation's control (web, inbound mail): they label the session <c>untrusted</c>.</summary>
    public bool Untrusted { get; set; }

    /// <summary>
    /// Parts of the tool's results that third parties wrote, for a tool that is otherwise trusted: JSON paths such as
    /// <c>$.messages[*].body</c>, or <c>free-text</c> for every string value of three or more words. Values there count as
    /// untrusted (and label the session <c>untrusted</c>); the rest of the result stays trusted.
    /// </summary>
    public List<string> UntrustedFields { get; set; } = [];

    /// <summary>True when the tool's results are trusted even where role inference would call it a source of third-party content.</summary>
    public bool Trusted { get; set; }

    /// <summary>
    /// False for the default policy pack's entries (never bound from configuration): the pack's tool names
    /// (<c>bash</c>, <c>truncate*</c>, <c>shell_command*</c>) describe agent tools, not the programs a guarded shell line
    /// runs (source <c>shell</c>), which the shell analysis classifies. A <c>run_command</c> tool of kind
    /// <c>ShellCommand</c> from any other source keeps them.
    /// </summary>
    internal bool AppliesToShellCommands { get; set; } = true;
}

/// <summary>Role inference (<c>Inference</c> section): tags and recipient-like arguments inferred for tools nobody classified.</summary>
public sealed class InferenceOptions
{
    /// <summary>False turns inference off. It runs only when the default policy pack is on. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Tool-name globs inference leaves alone (classify them in <c>Tools</c> instead).</summary>
    public List<string> ExcludeTools { get; set; } = [];
}

/// <summary>Session facts used when nothing else supplies them.</summary>
public sealed class ContextDefaultsOptions
{
    /// <summary>The default environment.</summary>
    public string? Environment { get; set; }

    /// <summary>The default team.</summary>
    public string? Team { get; set; }

    /// <summary>Data tags every session carries.</summary>
    public List<string> DataTags { get; set; } = [];
}

/// <summary>Bounds on session state, so memory stays bounded however many sessions run.</summary>
public sealed class SessionOptions
{
    /// <summary>Earlier calls kept per session. Default 100.</summary>
    public int MaxHistory { get; set; } = 100;

    /// <summary>A session unused this long is forgotten. Default <c>00:30:00</c>.</summary>
    public string IdleTimeout { get; set; } = "00:30:00";

    /// <summary>The fewest <see cref="MaxSeenValues"/> accepted.</summary>
    public const int MinSeenValues = 16;

    /// <summary>The most <see cref="MaxSeenValues"/> accepted.</summary>
    public const int MaxSeenValuesLimit = 1 << 20;

    /// <summary>
    /// The most sessions kept at once; at the limit each new session evicts one old one, the least recently used first
    /// (approximately: CLOCK, second chance).
    /// Default 100,000.
    /// </summary>
    public int MaxSessions { get; set; } = 100_000;

    /// <summary>
    /// Values (words, addresses, IBANs, URLs, numbers) remembered for provenance per origin (prompt, trusted results,
    /// untrusted results) per session, as 8-byte keyed hashes; each text also takes one. The oldest texts go first;
    /// forgotten untrusted values still count as untrusted. Default 192 (16 to 1,048,576). See docs/performance.md for
    /// the memory this allows.
    /// </summary>
    public int MaxSeenValues { get; set; } = SessionLimits.DefaultMaxSeenValues;

    /// <summary>
    /// The most rate-limit counters (one per rule and session, user or tool) kept in one process; beyond it, idle ones
    /// and then the least recently hit go first. Default 100,000.
    /// </summary>
    public int MaxRateLimitCounters { get; set; } = SessionLimits.DefaultMaxRateLimitCounters;
}

/// <summary>Bounds on tool arguments.</summary>
public sealed class ArgumentLimitsOptions
{
    /// <summary>The deepest nesting accepted. Default 64.</summary>
    public int MaxDepth { get; set; } = 64;

    /// <summary>
    /// The largest argument JSON accepted, in characters, and how much of a tool result the detectors read: a longer
    /// result labels the session <c>untrusted</c> (<see cref="ResultFindings.OverScanLimit"/>), and with
    /// <see cref="DetectionOptions.RedactSecretsInResults"/> its unread rest is withheld from the model. Default 1,048,576.
    /// </summary>
    public int MaxLength { get; set; } = 1024 * 1024;
}

/// <summary>Approval settings.</summary>
public sealed class ApprovalOptions
{
    /// <summary>How long an in-process approval handler may take before the call is denied. Default <c>00:02:00</c>.</summary>
    public string Timeout { get; set; } = "00:02:00";

    /// <summary>
    /// The most an approver's answer may be remembered for in its session: <c>Never</c>, <c>SameCall</c> (the default:
    /// the same tool and arguments) or <c>SameTool</c>. An answer asks for its own scope (<see cref="ApprovalResponse.Remember"/>).
    /// </summary>
    public string Remember { get; set; } = "SameCall";
}

/// <summary>Audit settings.</summary>
public sealed class AuditOptions
{
    /// <summary>A JSON-lines file that receives one line per decision; none when empty.</summary>
    public string? File { get; set; }

    /// <summary>Whether audit events carry the (redacted) arguments. Default true.</summary>
    public bool IncludeArguments { get; set; } = true;

    /// <summary>Whether allowed calls are audited too. Default true.</summary>
    public bool IncludeAllowed { get; set; } = true;
}

/// <summary>Result-hook detectors.</summary>
public sealed class DetectionOptions
{
    /// <summary>Scan tool results for secrets and label the session <c>secret-seen</c>. Default true.</summary>
    public bool Secrets { get; set; } = true;

    /// <summary>Replace secrets in tool results before the model sees them. Default false.</summary>
    public bool RedactSecretsInResults { get; set; }

    /// <summary>Scan tool results for injected instructions and label the session <c>injection-suspected</c>. Default true.</summary>
    public bool Injection { get; set; } = true;

    /// <summary>The injection score (0–1) from which a result labels the session. Default 0.5.</summary>
    public double InjectionThreshold { get; set; } = 0.5;
}

/// <summary>
/// One named policy (<c>AgentGuard:Policies:&lt;name&gt;</c>): rules that apply, besides the top-level rules, to the calls of
/// pipelines that chose this policy, and the effect when none of them matches.
/// </summary>
public sealed class NamedPolicyOptions
{
    /// <summary>The effect when no rule matches: <c>Allow</c>, <c>Deny</c> or <c>RequireApproval</c>; the top-level <c>DefaultDecision</c> when not set.</summary>
    public string? DefaultDecision { get; set; }

    /// <summary>This policy's rules; their ids are unique across the whole configuration.</summary>
    public List<RuleOptions> Rules { get; set; } = [];
}
