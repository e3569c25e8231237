using System.Text;

namespace AgentGuard.Http;

/// <summary>
/// The text of a URL the secret detector reads: the whole decoded URL, and then each host label, each path segment
/// and each <c>name/value</c> pair of segments on its own line. A token that starts a path segment or a sub-domain
/// (<c>/ghp_…/</c>, <c>ghp_….evil.example</c>), one split across labels, or a key ID written in lower case in a host
/// (hosts are sent in lower case) is then seen as the detector sees it in a query string.
/// </summary>
internal static class UrlSecretText
{
    public static string Build(Uri uri)
    {
        var text = new StringBuilder(uri.OriginalString.Length * 3);
        text.Append(Uri.UnescapeDataString(uri.OriginalString)).Append('\n');
        if (!uri.IsAbsoluteUri)
        {
            return text.ToString();
        }

        var labels = OriginalHost(uri).Split('.', StringSplitOptions.RemoveEmptyEntries);
        foreach (var label in labels)
        {
            text.Append(label).Append('\n').Append(label.ToUpperInvariant()).Append('\n');
        }

        if (labels.Length > 2)
        {
            // Labels hold at most 63 characters: a longer token is split across several.
            var joined = string.Concat(labels[..^2]);
            text.Append(joined).Append('\n').Append(joined.ToUpperInvariant()).Append('\n');
        }

        var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = Uri.UnescapeDataString(segments[i]);
            text.Append(segment).Append('\n');
            if (i + 1 < segments.Length)
            {
                // "/api_key/VALUE" is the path spelling of "api_key=VALUE".
                text.Append(segment).Append('=').Append(Uri.UnescapeDataString(segments[i + 1])).Append('\n');
            }
        }

        return text.ToString();
    }

    /// <summary>The host as the caller wrote it (the parsed host is lower case), without user info or port.</summary>
    private static string OriginalHost(Uri uri)
    {
        var original = uri.OriginalString;
        var start = original.IndexOf("://", StringComparison.Ordinal);
        if (start < 0)
        {
            return uri.Host;
        }

        start += 3;
        var end = original.IndexOfAny(['/', '?', '#'], start);
        var authority = end < 0 ? original[start..] : original[start..end];
        var at = authority.LastIndexOf('@');
        if (at >= 0)
        {
            authority = authority[(at + 1)..];
        }

        var colon = authority.LastIndexOf(':');
        if (colon >= 0 && !authority.EndsWith(']'))
        {
            authority = authority[..colon];
        }

        return Uri.UnescapeDataString(authority);
    }
}
