using System.Net;

namespace AgentGuard.Http;

/// <summary>
/// Follows a redirect the way <c>SocketsHttpHandler</c> does (300–303, 307, 308; POST becomes GET on 300–303, any
/// method but HEAD becomes GET on 303; never from https to http; the <c>Authorization</c> header is not carried), so
/// the guard can decide each hop as its own request.
/// </summary>
internal static class RedirectHop
{
    /// <summary>Where <paramref name="response"/> redirects <paramref name="request"/>, or null when it is not a redirect to follow.</summary>
    public static Uri? Target(HttpRequestMessage request, HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        if (status is not ((>= 300 and <= 303) or 307 or 308) || response.Headers.Location is not { } location || request.RequestUri is not { IsAbsoluteUri: true } from)
        {
            return null;
        }

        var target = location.IsAbsoluteUri ? location : new Uri(from, location);
        if (target.Scheme != Uri.UriSchemeHttp && target.Scheme != Uri.UriSchemeHttps)
        {
            return null;
        }

        if (from.Scheme == Uri.UriSchemeHttps && target.Scheme == Uri.UriSchemeHttp)
        {
            return null;
        }

        if (from.Fragment.Length > 0 && target.Fragment.Length == 0)
        {
            target = new UriBuilder(target) { Fragment = from.Fragment[1..] }.Uri;
        }

        return target;
    }

    /// <summary>Turns <paramref name="request"/> into the next hop's request.</summary>
    public static void Apply(HttpRequestMessage request, HttpStatusCode status, Uri target)
    {
        var code = (int)status;
        var forceGet = code switch
        {
            303 => request.Method != HttpMethod.Get && request.Method != HttpMethod.Head,
            >= 300 and <= 302 => request.Method == HttpMethod.Post,
            _ => false,
        };
        if (forceGet)
        {
            request.Method = HttpMethod.Get;
            request.Content = null;
            if (request.Headers.TransferEncodingChunked == true)
            {
                request.Headers.TransferEncodingChunked = false;
            }
        }

        request.Headers.Authorization = null;
        request.RequestUri = target;
    }
}
