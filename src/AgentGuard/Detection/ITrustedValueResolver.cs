namespace AgentGuard;

/// <summary>
/// Vouches for argument values the session has not seen in a trusted place, e.g. a recipient in the user's contacts
/// or a supplier IBAN in the ERP. Consulted by <c>When.Provenance</c> rules whose <c>From</c> lists <c>trusted</c>.
/// </summary>
public interface ITrustedValueResolver
{
    /// <summary>True when <paramref name="value"/> of argument <paramref name="argumentPath"/> is known good for this session.</summary>
    bool IsTrusted(string toolName, string argumentPath, string value, GuardContext context);
}
