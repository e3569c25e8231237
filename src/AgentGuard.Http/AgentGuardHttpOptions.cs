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
