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
}
