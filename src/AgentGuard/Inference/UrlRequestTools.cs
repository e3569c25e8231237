using System.Text.RegularExpressions;

namespace AgentGuard.Inference;

/// <summary>
/// Recognises a tool that sends a request to a URL the caller gives (<c>http_request</c>, <c>call_api</c>,
/// <c>ping_webhook</c>, "Makes an HTTP GET request to the given URL"). Whatever its name's verb, such a tool returns
/// what a third party's server wrote, as a fetch does, and its request carries its arguments out: role inference marks
/// it an untrusted source, so that its results label the session and a credential in its arguments is refused.
/// </summary>
internal static partial class UrlRequestTools
{
    /// <summary>Name words that only a tool speaking HTTP carries.</summary>
    private static readonly HashSet<string> HttpWords = new(StringComparer.Ordinal) { "http", "https", "curl", "wget" };

    /// <summary>Words that make <c>api</c> a call rather than a noun (<c>call_api</c>, <c>api_request</c>, not <c>list_api_keys</c>).</summary>
    private static readonly HashSet<string> CallWords = new(StringComparer.Ordinal) { "call", "invoke", "request" };

    /// <summary>
    /// True when the name says the tool speaks HTTP, calls an API, or calls a webhook (unless a verb of its name makes it
    /// something else: <c>create_webhook</c> configures one), or when its description says it sends a request to a URL or
    /// endpoint.
    /// </summary>
    public static bool Matches(string[] nameWords, bool sinkByName, string? description, out string why)
    {
        foreach (var word in nameWords)
        {
            if (HttpWords.Contains(word) || (word is "webhook" or "webhooks" && !sinkByName))
            {
                why = $"name word '{word}' → sends a request to a URL, its response is third-party content";
                return true;
            }
        }

        if (nameWords.Contains("api") && nameWords.Any(CallWords.Contains))
        {
            why = "name calls an API → sends a request to a URL, its response is third-party content";
            return true;
        }

        if (!string.IsNullOrEmpty(description) && RequestPhraseIn(description) is { } phrase)
        {
            why = $"description '{phrase}' → sends a request to a URL, its response is third-party content";
            return true;
        }

        why = string.Empty;
        return false;
    }

    private static string? RequestPhraseIn(string description)
    {
        try
        {
            var match = RequestPhrase().Match(description);
            return match.Success ? match.Value : null;
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
    }

    /// <summary>
    /// "an HTTP GET request", "REST API call", "calls an API endpoint", "request to the given URL". Bounded: a timeout
    /// makes the description not match.
    /// </summary>
    [GeneratedRegex(@"\b(?:(?:https?|rest|graphql)\s+(?:api\s+)?(?:(?:get|post|put|patch|delete|head)\s+)?(?:request|call)s?|calls?\s+(?:an?|the|any)\s+(?:rest\s+|http\s+)?(?:api\s+)?(?:endpoint|url)|requests?\s+to\s+(?:an?|the|any)\s+(?:given\s+|specified\s+|provided\s+)?(?:url|uri|endpoint))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 50)]
    private static partial Regex RequestPhrase();
}
