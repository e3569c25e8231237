namespace AgentGuard.Http;

/// <summary>The <c>AgentGuard:Http</c> configuration section: which HTTP clients are guarded and how a denial looks.</summary>
public sealed class AgentGuardHttpOptions
{
    /// <summary>
    /// When true, every client created by <c>IHttpClientFactory</c> is guarded without code changes (default false:
    /// only clients with <c>.AddAgentGuard()</c>). Remember to allow the model provider's host if its client comes from the factory.
    /// </summary>
    public bool GuardAllHttpClients { get; set; }

    /// <summary>
    /// When set (e.g. 403), a denied request returns a response with this status and the model-safe message as its body
    /// instead of throwing <see cref="ToolCallDeniedException"/> (the default, null).
    /// </summary>
    public int? DeniedStatusCode { get; set; }

    /// <summary>When true (default), text request bodies up to <see cref="MaxBodyScanBytes"/> are scanned for secrets.</summary>
    public bool ScanBody { get; set; } = true;

    /// <summary>
    /// When true (default), a request body the guard can read (text up to <see cref="MaxBodyScanBytes"/>) is in the
    /// event's arguments as <c>$.body</c>: JSON as its value, a form as its fields, other text as a string; and
    /// <c>$.bodyUnread</c> is true when a body could not be read as fields (too large, a live stream, not text, JSON
    /// that is invalid or names a field twice), so that a rule on a body field can refuse what it cannot see.
    /// </summary>
    public bool BodyInArguments { get; set; } = true;

    /// <summary>
    /// When true (default), request header values are scanned for secrets: a secret in a credential header
    /// (<see cref="CredentialHeaders"/>) tags the request <c>credential-in-request</c>, in any other header
    /// <c>secret-in-request</c>. Header values are never put in the event.
    /// </summary>
    public bool ScanHeaders { get; set; } = true;

    /// <summary>
    /// The headers that carry the host's credentials to the site they are for, compared without case. Null (the
    /// default) means <see cref="DefaultCredentialHeaders"/>; a configured list replaces it.
    /// </summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1819:Properties should not return arrays", Justification = "An options property bound from configuration.")]
    public string[]? CredentialHeaders { get; set; }

    /// <summary>The credential headers when none are configured: <c>Authorization</c>, <c>Proxy-Authorization</c>, <c>Cookie</c>, <c>X-Api-Key</c>, <c>Api-Key</c>.</summary>
    public static IReadOnlyList<string> DefaultCredentialHeaders { get; } = ["Authorization", "Proxy-Authorization", "Cookie", "X-Api-Key", "Api-Key"];

    /// <summary>Bodies larger than this are not buffered or scanned (default 256 KiB).</summary>
    public int MaxBodyScanBytes { get; set; } = 256 * 1024;

    /// <summary>
    /// When true (default), the guard follows redirects itself and decides every hop as its own request (tagged
    /// <c>http-redirect</c>); the primary handler's own automatic redirects are turned off. When false, a redirect
    /// response is returned to the caller as it is, and nothing is sent to its <c>Location</c>.
    /// </summary>
    public bool FollowRedirects { get; set; } = true;

    /// <summary>The most redirects followed for one request (default 50, as <c>HttpClientHandler</c>); the last redirect response is returned after that.</summary>
    public int MaxRedirects { get; set; } = 50;
}
