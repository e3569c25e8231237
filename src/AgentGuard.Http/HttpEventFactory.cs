using System.Globalization;
using System.Net.Http.Headers;

namespace AgentGuard.Http;

/// <summary>Turns an outgoing request into the engine's <see cref="ToolCallEvent"/>: method, host, path, query, header names, body and header facts.</summary>
internal sealed class HttpEventFactory(ISecretDetector? detector, Func<AgentGuardHttpOptions> options, Func<ToolArgumentLimits> limits)
{
    /// <summary>Parsed arguments are immutable: requests of the same shape (an agent polling one endpoint) reuse them.</summary>
    private const int MaxCachedArguments = 512;

    private readonly AgentGuard.Infrastructure.ClearingCache<string, (ToolArgumentLimits Limits, ToolArguments Arguments)> _arguments = new(MaxCachedArguments, StringComparer.Ordinal);
    private readonly string _idPrefix = "http-" + Guid.NewGuid().ToString("N")[..8] + "-";
    private long _nextId;

    /// <summary>
    /// Describes a request; <paramref name="redirectedFrom"/> is the decided hop whose response redirected here. The
    /// event is the request as its URI and method say; the readings are the same request as a server may read it
    /// otherwise (<see cref="HttpReadings"/>): to the site its <c>Host</c> header names, with the method an override
    /// header asks for, at the path a decoding server reads. Every one must be allowed for the request to be sent.
    /// </summary>
    public async ValueTask<HttpCall> CreateAsync(HttpRequestMessage request, ToolCallEvent? redirectedFrom, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri;
        var method = request.Method.Method.ToUpperInvariant();
        var host = uri is { IsAbsoluteUri: true } ? HttpHost.Canonical(uri) : "(relative)";

        var headerNames = new List<string>();
        AddNames(request.Headers, headerNames);
        if (request.Content is not null)
        {
            AddNames(request.Content.Headers, headerNames);
        }

        var secretInUrl = detector is not null && uri is not null && HasSecret(UrlSecretText.Build(uri));
        var (bodySize, secretInBody, body) = await InspectBodyAsync(request.Content, cancellationToken).ConfigureAwait(false);
        var (secretInHeaders, secretInCredentials) = InspectHeaders(request);
        var shape = new RequestShape(uri, headerNames, bodySize, secretInUrl, secretInBody, redirectedFrom, secretInHeaders, secretInCredentials, body);
        var call = Build(shape, method, host, reading: null);

        var hosts = uri is { IsAbsoluteUri: true } ? HttpReadings.OtherHosts(request, host) : null;
        var methods = HttpReadings.OtherMethods(request, method);
        var path = uri is { IsAbsoluteUri: true } ? uri.AbsolutePath : null;
        var otherPath = path is null ? null : HttpReadings.OtherPath(path);
        if (hosts is null && methods is null && otherPath is null)
        {
            return new HttpCall(call, []);
        }

        // Every combination of site, method and path a server may read, but the one the request line says.
        var readings = new List<ToolCallEvent>();
        var allMethods = new List<string>(1 + (methods?.Count ?? 0)) { method };
        allMethods.AddRange(methods ?? []);
        var allHosts = new List<string>(1 + (hosts?.Count ?? 0)) { host };
        allHosts.AddRange(hosts ?? []);
        string?[] allPaths = otherPath is null ? [null] : [null, otherPath];
        foreach (var m in allMethods)
        {
            foreach (var h in allHosts)
            {
                foreach (var p in allPaths)
                {
                    if (m == method && h == host && p is null)
                    {
                        continue;
                    }

                    readings.Add(Build(shape, m, h, HttpReadings.Label(h != host, m != method, p is not null), p));
                }
            }
        }

        return new HttpCall(call, [.. readings]);
    }

    /// <summary>The event for one reading of a request: its method, site and path, and what the request itself carries.</summary>
    private ToolCallEvent Build(RequestShape shape, string method, string host, string? reading, string? readPath = null)
    {
        var uri = shape.Uri;
        var scheme = uri is { IsAbsoluteUri: true } ? uri.Scheme : string.Empty;
        var port = uri is { IsAbsoluteUri: true } ? uri.Port : 0;
        var path = readPath ?? (uri is { IsAbsoluteUri: true } ? uri.AbsolutePath : uri?.OriginalString ?? string.Empty);
        var query = uri is { IsAbsoluteUri: true } ? uri.Query : string.Empty;
        var secret = shape.SecretInUrl || shape.SecretInBody || shape.SecretInHeaders;

        var tags = new List<string>(4);
        if (shape.RedirectedFrom is not null)
        {
            tags.Add(HttpTags.Redirect);
        }

        if (HttpReadings.IsWrite(method))
        {
            tags.Add(HttpTags.Write);
        }

        if (query.Length > 1)
        {
            tags.Add(HttpTags.QueryData);
        }

        if (secret)
        {
            tags.Add(HttpTags.SecretInRequest);
        }

        if (shape.SecretInCredentials)
        {
            tags.Add(HttpTags.CredentialInRequest);
        }

        var key = string.Concat(method, " ", host, " ", readPath, " ", uri?.OriginalString, " ", string.Join(',', shape.HeaderNames), shape.BodySize is null ? " -" : " " + shape.BodySize.Value.ToString(CultureInfo.InvariantCulture), shape.SecretInUrl ? " U" : " -", shape.SecretInBody ? "B" : "-", shape.SecretInHeaders ? "H" : "-", shape.SecretInCredentials ? "C" : "-", shape.Body is null ? "" : shape.Body.IsUnread ? " unread" : " read");

        var attributes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["http.method"] = method,
            ["http.scheme"] = scheme,
            ["http.host"] = host,
            ["http.port"] = port.ToString(CultureInfo.InvariantCulture),
            ["http.path"] = path,
        };
        if (shape.RedirectedFrom is not null)
        {
            attributes["http.redirect_from"] = shape.RedirectedFrom.ToolName;
        }

        if (reading is not null)
        {
            attributes[HttpReadings.ReadingAttribute] = reading;
        }

        return new ToolCallEvent(host, ToolKind.HttpRequest)
        {
            Source = host,
            Arguments = shape.Body?.HasValue == true
                ? WithBody(shape, s => WriteArguments(method, scheme, host, port, path, query, s))
                : Parse(key, () => WriteArguments(method, scheme, host, port, path, query, shape)),
            Tags = tags,
            Risk = secret || shape.SecretInCredentials ? RiskLevel.High : tags.Contains(HttpTags.Write) ? RiskLevel.Medium : RiskLevel.Low,
            CallId = _idPrefix + Interlocked.Increment(ref _nextId).ToString(CultureInfo.InvariantCulture),
            ParentCallId = shape.RedirectedFrom?.CallId ?? AgentGuardScope.CurrentCallId,
            Attributes = attributes,
        };
    }

    /// <summary>The parsed arguments for a request shape (method, URL, header names, body size, secret flags).</summary>
    private ToolArguments Parse(string key, Func<System.Buffers.ArrayBufferWriter<byte>> write)
    {
        var current = limits();
        if (_arguments.TryGetValue(key, out var cached) && cached.Limits == current)
        {
            return cached.Arguments;
        }

        var parsed = ToolArguments.FromUtf8Json(write().WrittenSpan, current);
        _arguments.Set(key, (current, parsed));
        return parsed;
    }

    /// <summary>
    /// Arguments that carry a body are parsed for each request. A JSON body that the parse refuses (a name repeated,
    /// which only the whole parse checks) is carried as its text instead, and unread.
    /// </summary>
    private ToolArguments WithBody(RequestShape shape, Func<RequestShape, System.Buffers.ArrayBufferWriter<byte>> write)
    {
        var current = limits();
        var parsed = ToolArguments.FromUtf8Json(write(shape).WrittenSpan, current);
        return parsed.IsMalformed && shape.Body!.IsJson
            ? ToolArguments.FromUtf8Json(write(shape with { Body = shape.Body.AsUnreadText() }).WrittenSpan, current)
            : parsed;
    }

    private static void AddNames(HttpHeaders headers, List<string> names)
    {
        foreach (var header in headers.NonValidated)
        {
            names.Add(header.Key);
        }
    }

    /// <summary>Writes the arguments as UTF-8 JSON directly (no intermediate objects).</summary>
    private static System.Buffers.ArrayBufferWriter<byte> WriteArguments(string method, string scheme, string host, int port, string path, string query, RequestShape shape)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(256 + query.Length + path.Length + (shape.Body?.Length ?? 0));
        using (var writer = new System.Text.Json.Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("method", method);
            writer.WriteString("scheme", scheme);
            writer.WriteString("host", host);
            writer.WriteNumber("port", port);
            writer.WriteString("path", path);
            writer.WritePropertyName("query");
            FormFields.Write(writer, query.Length > 1 ? query.AsSpan(1) : default);
            writer.WriteStartArray("headerNames");
            foreach (var name in shape.HeaderNames)
            {
                writer.WriteStringValue(name);
            }

            writer.WriteEndArray();
            if (shape.BodySize is { } size)
            {
                writer.WriteNumber("bodySize", size);
            }
            else
            {
                writer.WriteNull("bodySize");
            }

            writer.WriteBoolean("secretInUrl", shape.SecretInUrl);
            writer.WriteBoolean("secretInBody", shape.SecretInBody);
            writer.WriteBoolean("secretInHeaders", shape.SecretInHeaders);
            writer.WriteBoolean("secretInCredentialHeaders", shape.SecretInCredentials);
            shape.Body?.WriteTo(writer);
            writer.WriteEndObject();
        }

        return buffer;
    }

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

    /// <summary>
    /// Scans every header value (request and content headers, each value of a repeated header on its own): a secret in
    /// a credential header is the host's credential for the site; in any other header it is data leaving.
    /// </summary>
    private (bool Secret, bool Credential) InspectHeaders(HttpRequestMessage request)
    {
        var settings = options();
        if (detector is null || !settings.ScanHeaders)
        {
            return (false, false);
        }

        var credentialHeaders = settings.CredentialHeaders ?? AgentGuardHttpOptions.DefaultCredentialHeaders;
        var (secret, credential) = InspectHeaders(request.Headers, credentialHeaders);
        if (request.Content is not null)
        {
            var (contentSecret, contentCredential) = InspectHeaders(request.Content.Headers, credentialHeaders);
            secret |= contentSecret;
            credential |= contentCredential;
        }

        return (secret, credential);
    }

    private (bool Secret, bool Credential) InspectHeaders(HttpHeaders headers, IReadOnlyList<string> credentialHeaders)
    {
        bool secret = false, credential = false;
        foreach (var header in headers.NonValidated)
        {
            var isCredential = IsCredentialHeader(header.Key, credentialHeaders);
            if (isCredential ? credential : secret)
            {
                continue;
            }

            foreach (var value in header.Value)
            {
                if (HasSecret(value))
                {
                    if (isCredential)
                    {
                        credential = true;
                    }
                    else
                    {
                        secret = true;
                    }

                    break;
                }
            }
        }

        return (secret, credential);
    }

    private static bool IsCredentialHeader(string name, IReadOnlyList<string> credentialHeaders)
    {
        foreach (var credential in credentialHeaders)
        {
            if (string.Equals(name, credential, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Reads a text body of known, small size (or produced in memory) once: for secrets when scanning, and into the
    /// arguments (<see cref="BodyArgument"/>) when <see cref="AgentGuardHttpOptions.BodyInArguments"/>.
    /// </summary>
    private async ValueTask<(long? Size, bool Secret, BodyArgument? Body)> InspectBodyAsync(HttpContent? content, CancellationToken cancellationToken)
    {
        var settings = options();
        var inArguments = settings.BodyInArguments;
        if (content is null)
        {
            return (null, false, inArguments ? BodyArgument.None : null);
        }

        var scan = detector is not null && settings.ScanBody;
        var length = content.Headers.ContentLength;
        var unread = inArguments ? BodyArgument.Unread : null;
        if ((!scan && !inArguments) || !IsText(content.Headers.ContentType))
        {
            return (length, false, unread);
        }

        // Buffer only content whose size is known and small, or that is produced in memory (JSON, form): a live stream
        // of unknown size is never read here, so it is sent unchanged.
        var inMemory = content is ByteArrayContent or System.Net.Http.Json.JsonContent or MultipartContent;
        if ((length is null && !inMemory) || length > settings.MaxBodyScanBytes)
        {
            return (length, false, unread);
        }

        try
        {
            await content.LoadIntoBufferAsync(settings.MaxBodyScanBytes, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException)
        {
            return (content.Headers.ContentLength, false, unread);
        }

        var text = await content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var mediaType = content.Headers.ContentType?.MediaType;
        var body = !inArguments ? null
            : mediaType is not null && mediaType.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase) ? BodyArgument.Unread
            : BodyArgument.Of(mediaType, text, limits());
        return (content.Headers.ContentLength ?? text.Length, scan && HasSecret(text), body);
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

    /// <summary>What a request carries whichever way it is read: its URI, header names, body facts and the hop it follows.</summary>
    private sealed record RequestShape(Uri? Uri, List<string> HeaderNames, long? BodySize, bool SecretInUrl, bool SecretInBody, ToolCallEvent? RedirectedFrom, bool SecretInHeaders, bool SecretInCredentials, BodyArgument? Body);
}
