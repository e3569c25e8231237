using Microsoft.Extensions.Compliance.Classification;

namespace AgentGuard;

/// <summary>
/// The data classification AgentGuard asks an <see cref="Microsoft.Extensions.Compliance.Redaction.IRedactorProvider"/>
/// to redact secrets with. Configure it like any other, e.g.
/// <c>services.AddRedaction(r =&gt; r.SetHmacRedactor(o =&gt; …, AgentGuardClassifications.Secret))</c>; without a
/// provider (or with one that would return the secret unchanged) a secret is written as <c>[REDACTED:&lt;kind&gt;]</c>.
/// </summary>
public static class AgentGuardClassifications
{
    /// <summary>The taxonomy name.</summary>
    public const string TaxonomyName = "AgentGuard";

    /// <summary>Credentials found by the secret detector in audited arguments.</summary>
    public static DataClassification Secret { get; } = new(TaxonomyName, "Secret");
}
