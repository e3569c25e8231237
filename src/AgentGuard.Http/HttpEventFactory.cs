using System.Globalization;
using System.Net.Http.Headers;

namespace AgentGuard.Http;

/// <summary>Turns an outgoing request into the engine's <see cref="ToolCallEvent"/>: method, host, path, query, header names, body facts.</summary>
internal sealed class HttpEventFactory(ISecretDetector? detector, Func<AgentGuardHttpOptions> options, Func<ToolArgumentLimits> limits)
{
    public async ValueTask<ToolCallEvent> CreateAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri;
        var method = request.Method.Method.ToUpperInvariant();
        var host = uri is { IsAbsoluteUri: true } ? uri.IdnHost.ToLowerInvariant() : "(relative)";
        var scheme = uri is { IsAbsoluteUri: true } ? uri.Scheme : string.Empty;
        var port = uri is { IsAbsoluteUri: true } ? uri.Port : 0;
        var path = uri is { IsAbsoluteUri: true } ? uri.AbsolutePath : uri?.OriginalString ?? string.Empty;
        var query = uri is { IsAbsoluteUri: true } ? uri.Query : string.Empty;

        var headerNames = new List<string>();
        AddNames(request.Headers, headerNames);
        if (request.Content is not null)
        {
            AddNames(request.Content.Headers, headerNames);
        }

        var secretInUrl = uri is not null && HasSecret(Uri.UnescapeDataString(uri.OriginalString));
        var (bodySize, secretInBody) = await InspectBodyAsync(request.Content, cancellationToken).ConfigureAwait(false);

        var tags = new List<string>(3);
        if (method is "POST" or "PUT" or "PATCH" or "DELETE")
        {
            tags.Add(HttpTags.Write);
        }

        if (query.Length > 1)
        {
            tags.Add(HttpTags.QueryData);
        }

        if (secretInUrl || secretInBody)
        {
            tags.Add(HttpTags.SecretInRequest);
        }

        var arguments = new KeyValuePair<string, object?>[]
        {
            new("method", method),
            new("scheme", scheme),
            new("host", host),
            new("port", port),
            new("path", path),
            new("query", ParseQuery(query)),
            new("headerNames", headerNames),
            new("bodySize", bodySize),
            new("secretInUrl", secretInUrl),
            new("secretInBody", secretInBody),
        };

        return new ToolCallEvent(host, ToolKind.HttpRequest)
        {
            Source = host,
            Arguments = ToolArguments.FromPairs(arguments, limits()),
            Tags = tags,
            Risk = secretInUrl || secretInBody ? RiskLevel.High : tags.Contains(HttpTags.Write) ? RiskLevel.Medium : RiskLevel.Low,
            CallId = "http-" + Guid.NewGuid().ToString("N")[..12],
            ParentCallId = AgentGuardScope.CurrentCallId,
            Attributes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
            {
                ["http.method"] = method,
                ["http.scheme"] = scheme,
                ["http.host"] = host,
                ["http.port"] = port.ToString(CultureInfo.InvariantCulture),
                ["http.path"] = path,
            },
        };
    }

    private static void AddNames(HttpHeaders headers, List<string> names)
    {
        foreach (var header in headers)
        {
            names.Add(header.Key);
        }
    }

    /// <summary>The query as name to value (or values, when a name repeats).</summary>
    private static Dictionary<string, object?> ParseQuery(string query)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (query.Length <= 1)
        {
            return result;
        }

        foreach (var pair in query.AsSpan(1).ToString().Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Decode(eq < 0 ? pair : pair[..eq]);
            var value = eq < 0 ? string.Empty : Decode(pair[(eq + 1)..]);
            if (!result.TryGetValue(name, out var existing))
            {
                result[name] = value;
            }
            else if (existing is List<string> values)
            {
                values.Add(value);
            }
            else
            {
                result[name] = new List<string> { (string)existing!, value };
            }
        }

        return result;
    }

    private static string Decode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));

    private bool HasSecret(string text)
    {
        if (detector is null || text.Length == 0)
        {
            return false;
        }

        var findings = new List<SecretFinding>();
        detector.Find(text, findings);
        return findings.Count > 0;
    }

    private async ValueTask<(long? Size, bool Secret)> InspectBodyAsync(HttpContent? content, CancellationToken cancellationToken)
    {
        if (content is null)
        {
            return (null, false);
        }

        var settings = options();
        var length = content.Headers.ContentLength;
        if (detector is null || !settings.ScanBody || !IsText(content.Headers.ContentType))
        {
            return (length, false);
        }

        // Buffer only content whose size is known and small, or that is produced in memory (JSON, form): a live stream
        // of unknown size is never read here, so it is sent unchanged.
        var inMemory = content is ByteArrayContent or System.Net.Http.Json.JsonContent or MultipartContent;
        if ((length is null && !inMemory) || length > settings.MaxBodyScanBytes)
        {
            return (length, false);
        }

        try
        {
            await content.LoadIntoBufferAsync(settings.MaxBodyScanBytes, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException)
        {
            return (content.Headers.ContentLength, false);
        }

        var text = await content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return (content.Headers.ContentLength ?? text.Length, HasSecret(text));
    }

    private static bool IsText(MediaTypeHeaderValue? contentType)
    {
        var mediaType = contentType?.MediaType;
        return mediaType is null
            || mediaType.StartsWith("text/", StringComparison.OrdinalIgnoreCase)
            || mediaType.EndsWith("json", StringComparison.OrdinalIgnoreCase)
            || mediaType.EndsWith("xml", StringComparison.OrdinalIgnoreCase)
            || mediaType.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase)
            || mediaType.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase);
    }
}
