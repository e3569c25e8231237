namespace AgentGuard.Cli.Lint;

/// <summary>The stable codes of <c>agentguard lint</c> findings (documented in docs/policy-kit.md).</summary>
internal static class LintCodes
{
    public const string Unreadable = "AG001";
    public const string Invalid = "AG002";
    public const string UnknownKey = "AG003";
    public const string NeverFires = "AG101";
    public const string Shadowed = "AG102";
    public const string AllowWiderThanDefault = "AG103";
    public const string AllowHasNoEffect = "AG104";
    public const string DuplicateIntent = "AG105";
    public const string ConflictingIntent = "AG106";
    public const string AuditMode = "AG107";
    public const string PackageSection = "AG004";

    public static string Title(string code) => code switch
    {
        Unreadable => "The policy file cannot be read",
        Invalid => "The policy fails start-up validation",
        UnknownKey => "Unknown configuration key or malformed value",
        NeverFires => "The rule can never fire",
        Shadowed => "The rule is fully shadowed by a broader deny",
        AllowWiderThanDefault => "An allow rule is wider than the default decision",
        AllowHasNoEffect => "An allow rule has no effect",
        DuplicateIntent => "Two rules state the same intent",
        ConflictingIntent => "Two rules match the same calls with different effects",
        AuditMode => "The policy is in audit mode",
        PackageSection => "A package section lint does not check",
        _ => code,
    };
}
