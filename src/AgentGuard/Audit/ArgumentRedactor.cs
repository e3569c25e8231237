using System.Text;
using System.Text.Json;

namespace AgentGuard;

/// <summary>
/// Writes arguments for audit with secrets removed: values at configured sensitive paths, values of secret-named keys
/// (<c>password</c>, <c>api_key</c>, <c>token</c>…), and any credential the <see cref="ISecretDetector"/> finds inside a string.
/// </summary>
internal sealed class ArgumentRedactor
{
    /// <summary>Audit events carry at most this much argument text; the rest is cut.</summary>
    internal const int MaxAuditLength = 16 * 1024;

    private static readonly string[] SecretKeyParts = ["password", "passwd", "pwd", "secret", "token", "apikey", "accesskey", "privatekey", "authorization", "credential", "connectionstring", "cookie", "sessionkey", "signature"];
    private readonly ISecretDetector? _detector;

    public ArgumentRedactor(IEnumerable<ISecretDetector> detectors) => _detector = detectors.FirstOrDefault();

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
        return findings.Count == 0 ? null : Replace(text, findings);
    }

    internal static string Replace(string text, List<SecretFinding> findings)
    {
        findings.Sort((a, b) => a.Start.CompareTo(b.Start));
        var builder = new StringBuilder(text.Length);
        var position = 0;
        foreach (var finding in findings)
        {
            if (finding.Start < position)
            {
                continue;
            }

            builder.Append(text, position, finding.Start - position).Append("[REDACTED:").Append(finding.Kind).Append(']');
            position = Math.Min(text.Length, finding.Start + finding.Length);
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
                    writer.WritePropertyName(property.Name);
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
