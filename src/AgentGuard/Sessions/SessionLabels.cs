namespace AgentGuard;

/// <summary>The labels AgentGuard itself adds to sessions. Rules condition on them with <c>When.SessionLabels</c>.</summary>
public static class SessionLabels
{
    /// <summary>The session has read content from a source outside the organisation's control.</summary>
    public const string Untrusted = "untrusted";

    /// <summary>A credential appeared in a tool result.</summary>
    public const string SecretSeen = "secret-seen";

    /// <summary>A tool result looked like it carried instructions for the model.</summary>
    public const string InjectionSuspected = "injection-suspected";

    /// <summary>
    /// The session was evicted at the store's session limit and has come back: its labels were kept, its history and
    /// the values it had seen were not (a sequence or provenance rule sees only what came after).
    /// </summary>
    public const string Evicted = "evicted";

    /// <summary>
    /// The prefix of the label a call's tag gives the session once the call ran (its result came back):
    /// <c>ran:internal-only</c>. Added only for tags a rule's <c>When.SessionLabels</c> names this way, and kept for the
    /// session, so a rule can refuse "send after reading internal data" however many calls came between.
    /// </summary>
    public const string RanPrefix = "ran:";
}
