namespace AgentGuard;

/// <summary>Tags AgentGuard's built-in classifiers add to calls. Rules match them with <c>Match.Tags</c>.</summary>
public static class DetectionTags
{
    /// <summary>A string argument of the call contains a credential (an API key, a private key, a password…).</summary>
    public const string SecretInArguments = "secret-in-arguments";
}
