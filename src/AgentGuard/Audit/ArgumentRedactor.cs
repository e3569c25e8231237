using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Compliance.Redaction;

namespace AgentGuard;

/// <summary>
/// Writes arguments for audit with secrets removed: values at configured sensitive paths, values of secret-named keys
/// (<c>password</c>, <c>api_key</c>, <c>token</c>…), and any credential the <see cref="ISecretDetector"/> finds inside a
/// string or a property name, also once percent- or base64-encoded. A secret is replaced whole by
/// <c>[REDACTED:&lt;kind&gt;]</c>, or by <c>[REDACTED:&lt;kind&gt;:&lt;output&gt;]</c> when the host's
/// <see cref="IRedactorProvider"/> redacts <see cref="AgentGuardClassifications.Secret"/> to something (an HMAC).
/// </summary>
internal sealed class ArgumentRedactor
{
    /// <summary>Audit events carry at most this much argument text; the rest is cut.</summary>
    internal const int MaxAuditLength = 16 * 1024;

    private static readonly string[] SecretKeyParts = ["password", "passwd", "pwd", "secret", "token", "apikey", "accesskey", "privatekey", "authorization", "credential", "connectionstring", "cookie", "sessionkey", "signature"];
    private readonly ISecretDetector? _detector;
    private readonly Redactor? _redactor;

    public ArgumentRedactor(IEnumerable<ISecretDetector> detectors, IRedactorProvider? redactors = null)
    {
        _detector = detectors.FirstOrDefault();
        _redactor = redactors?.GetRedactor(AgentGuardClassifications.Secret);
    }

    public static bool IsSecretKey(string key)
    {
        Span<char> normalized = stackalloc char[Math.Min(key.Length, 64)];
        var length = 0;
        foreach (var c in key)
        {
            if (length == normalized.Length)
            {
                break;
            }

            if (char.IsLetterOrDigit(c))
            {
                normalized[length++] = char.ToLowerInvariant(c);
            }
        }

        foreach (var part in SecretKeyParts)
        {
            if (normalized[..length].Contains(part, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    public string Redact(ToolArguments arguments, IReadOnlyList<ArgumentPath> sensitivePaths)
    {
        if (arguments.IsMalformed)
        {
            return JsonSerializer.Serialize("<unreadable: " + arguments.Length + " characters>", AuditJsonContext.Default.String);
        }

        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, arguments.Root, [], sensitivePaths);
        }

        var json = Encoding.UTF8.GetString(buffer.WrittenSpan);
        return json.Length <= MaxAuditLength ? json : JsonSerializer.Serialize(json[..MaxAuditLength] + "…(truncated)", AuditJsonContext.Default.String);
    }

    /// <summary>Replaces every secret the detector finds in <paramref name="text"/>; returns null when there is none.</summary>
    public string? RedactText(string text, List<SecretFinding>? findings = null)
    {
        if (_detector is null)
        {
            return null;
        }

        findings ??= [];
        _detector.Find(text, findings);
        RedactorEncodedSecrets.Find(_detector, text, findings);
        return findings.Count == 0 ? null : Replace(text, findings, _redactor);
    }

    internal static string Replace(string text, List<SecretFinding> findings) => Replace(text, findings, null);

    /// <summary>The first <paramref name="limit"/> characters of <paramref name="text"/>, extended to the end of a token cut there (at most 4 K more).</summary>
    internal static string ToTokenEnd(string text, int limit)
    {
        if (limit >= text.Length)
        {
            return text;
        }

        var end = limit;
        while (end < text.Length && end - limit < 4096 && !char.IsWhiteSpace(text[end]) && text[end] is not ('"' or '\'' or '<' or ','))
        {
            end++;
        }

        return end == limit ? text[..limit] : text[..end];
    }

    /// <summary>
    /// Replaces findings in <paramref name="text"/>, of which only the first <paramref name="scanned"/> characters were
    /// scanned: a secret cut by the scan limit is redacted to the end of its token, never leaving its tail.
    /// </summary>
    internal static string Replace(string text, int scanned, List<SecretFinding> findings)
    {
        for (var k = 0; k < findings.Count; k++)
        {
            var end = findings[k].Start + findings[k].Length;
            if (end >= scanned && end < text.Length)
            {
                while (end < text.Length && !char.IsWhiteSpace(text[end]) && text[end] is not ('"' or '\'' or '<' or ',' or ';'))
                {
                    end++;
                }

                findings[k] = findings[k] with { Length = end - findings[k].Start };
            }
        }

        return Replace(text, findings, null);
    }

    /// <summary>
    /// What is actually replaced for each finding: the finding widened to the credential-shaped run of characters it
    /// sits in (<c>user:pass</c> around a reported <c>pass</c>, the rest of a token cut short), so no fragment of a
    /// secret stays next to its redaction. Separators that carry meaning (=, /, @, ?, &amp;, quotes, spaces) end a run.
    /// </summary>
    internal static List<SecretFinding> RedactionSpans(string text, List<SecretFinding> findings)
    {
        var spans = new List<SecretFinding>(findings.Count);
        foreach (var finding in findings)
        {
            var start = Math.Clamp(finding.Start, 0, text.Length);
            var end = Math.Clamp(finding.Start + finding.Length, start, text.Length);
            while (start > 0 && IsRunChar(text[start - 1]) && !AfterUnicodeEscape(text, start))
            {
                start--;
            }

            while (end < text.Length && IsRunChar(text[end]))
            {
                end++;
            }

            end = WidenedOverClosers(text, start, end);
            end = RedactorJoinedTokens.Widened(text, start, end);
            end = RedactorWholeValues.Widened(text, start, end);
            (start, end) = RedactorUnquotedValues.Widened(text, finding.Kind, start, end);
            (start, end) = RedactorConcatenatedLiterals.Widened(text, start, end);
            (start, end) = RedactorLineContinuations.Widened(text, start, end);
            (start, end) = RedactorSecretElements.Widened(text, start, end);
            (start, end) = RedactorSecretNamedValues.Widened(text, start, end);
            spans.Add(finding with { Start = start, Length = end - start });
        }

        return spans;
    }

    /// <summary>
    /// The end of a span that stopped at a character the run leaves out but the secret holds: a bracket closing one the
    /// span opened (<c>prefix_{hardcoded9}</c>), or question marks that end the value (<c>1qay@WXS????</c>) rather than
    /// start a query (<c>?page=2</c>) — after them comes the end, white space or punctuation, not a name.
    /// </summary>
    private static int WidenedOverClosers(string text, int start, int end)
    {
        while (end < text.Length)
        {
            var c = text[end];
            if (c is '}' or ']' or ')' && Opens(text.AsSpan(start, end - start), c))
            {
                end++;
            }
            else if (c == '?')
            {
                var after = end;
                while (after < text.Length && text[after] == '?')
                {
                    after++;
                }

                // A name or a value right after them makes them a query's start (?page=2, ?abc), anything else its end.
                if (after < text.Length && (char.IsAsciiLetterOrDigit(text[after]) || text[after] is '_' or '-' or '%' or '.'))
                {
                    return end;
                }

                end = after;
            }
            else
            {
                return end;
            }

            while (end < text.Length && IsRunChar(text[end]))
            {
                end++;
            }
        }

        return end;
    }

    /// <summary>True when <paramref name="span"/> holds more openers than closers of the bracket <paramref name="closer"/> closes.</summary>
    private static bool Opens(ReadOnlySpan<char> span, char closer)
    {
        var opener = closer switch { '}' => '{', ']' => '[', _ => '(' };
        var depth = 0;
        foreach (var c in span)
        {
            depth += c == opener ? 1 : c == closer ? -1 : 0;
        }

        return depth > 0;
    }

    /// <summary>
    /// True when a JSON <c>\uXXXX</c> escape ends right before <paramref name="at"/> (a value after a serializer's escaped
    /// quote, <c>\u0027r8Kd…</c>): its hex digits are the escape's, and taking them in would leave a bare backslash.
    /// </summary>
    private static bool AfterUnicodeEscape(string text, int at)
        => at >= 6 && text[at - 6] == '\\' && text[at - 5] == 'u' && char.IsAsciiHexDigit(text[at - 4]) && char.IsAsciiHexDigit(text[at - 3])
        && char.IsAsciiHexDigit(text[at - 2]) && char.IsAsciiHexDigit(text[at - 1]);

    private static bool IsRunChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '+' or '.' or ':' or '%' or '!' or '$' or '*' or '^' or '~';

    private static string Replace(string text, List<SecretFinding> findings, Redactor? redactor)
    {
        findings = RedactionSpans(text, findings);
        findings.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.Length.CompareTo(a.Length));
        var builder = new StringBuilder(text.Length);
        var position = 0;
        foreach (var finding in findings)
        {
            var end = Math.Min(text.Length, finding.Start + finding.Length);
            if (end <= position)
            {
                continue;
            }

            // Overlapping findings (a key inside a base64 run also seen decoded) are redacted as one.
            var start = Math.Max(position, finding.Start);
            builder.Append(text, position, start - position).Append("[REDACTED:").Append(finding.Kind);
            if (redactor is not null)
            {
                var secret = text.Substring(start, end - start);
                var output = redactor.Redact(secret);
                if (output.Length > 0 && !output.Contains(secret, StringComparison.Ordinal))
                {
                    builder.Append(':').Append(output);
                }
            }

            builder.Append(']');
            position = end;
        }

        return builder.Append(text, position, text.Length - position).ToString();
    }

    private void Write(Utf8JsonWriter writer, JsonElement element, List<object> location, IReadOnlyList<ArgumentPath> sensitivePaths)
    {
        if (location.Count > 0 && IsSensitive(location, sensitivePaths))
        {
            writer.WriteStringValue("[REDACTED]");
            return;
        }

        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in element.EnumerateObject())
                {
                    // A secret can be a property name ({"ghp_…": true}): names are redacted like values.
                    writer.WritePropertyName(RedactText(property.Name) ?? property.Name);
                    if (IsSecretKey(property.Name) && property.Value.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array or JsonValueKind.Null))
                    {
                        writer.WriteStringValue("[REDACTED]");
                        continue;
                    }

                    location.Add(property.Name);
                    Write(writer, property.Value, location, sensitivePaths);
                    location.RemoveAt(location.Count - 1);
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    location.Add(index++);
                    Write(writer, item, location, sensitivePaths);
                    location.RemoveAt(location.Count - 1);
                }

                writer.WriteEndArray();
                break;
            case JsonValueKind.String:
                var text = element.GetString() ?? string.Empty;
                writer.WriteStringValue(RedactText(text) ?? text);
                break;
            default:
                element.WriteTo(writer);
                break;
        }
    }

    private static bool IsSensitive(List<object> location, IReadOnlyList<ArgumentPath> sensitivePaths)
    {
        foreach (var path in sensitivePaths)
        {
            if (path.MatchesLocation(location))
            {
                return true;
            }
        }

        return false;
    }
}
