using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace AgentGuard.Mcp;

/// <summary>
/// Computes tool definition pins: <c>sha256:&lt;hex&gt;</c> over the canonical JSON of the tool's <c>name</c>,
/// <c>description</c>, <c>inputSchema</c> and <c>annotations</c> (object keys sorted by ordinal, no white space,
/// absent members left out). Record the pin at approval; a definition that later hashes differently is hidden.
/// </summary>
public static class McpToolPins
{
    private const string Prefix = "sha256:";

    /// <summary>The pin of a tool definition as the SDK client sees it (e.g. <c>McpClientTool.ProtocolTool</c>).</summary>
    public static string Compute(Tool tool)
    {
        ArgumentNullException.ThrowIfNull(tool);
        var node = JsonSerializer.SerializeToNode(tool, McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(Tool)));
        return new PinHasher().Compute(node as JsonObject ?? []);
    }

    /// <summary>The pin of a tool definition in its wire form (one element of <c>tools/list</c>'s <c>tools</c>).</summary>
    public static string Compute(JsonObject tool)
    {
        ArgumentNullException.ThrowIfNull(tool);
        return new PinHasher().Compute(tool);
    }

    internal static bool TryNormalize(string? pin, out string normalized)
    {
        normalized = string.Empty;
        if (string.IsNullOrWhiteSpace(pin))
        {
            return false;
        }

        var hex = pin.Trim();
        if (hex.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            hex = hex[Prefix.Length..];
        }

        if (hex.Length != 64 || !hex.All(char.IsAsciiHexDigit))
        {
            return false;
        }

        normalized = Prefix + hex.ToLowerInvariant();
        return true;
    }

    /// <summary>Reusable canonical writer and hasher; one per connection (not thread-safe).</summary>
    internal sealed class PinHasher
    {
        private static readonly string[] Members = ["annotations", "description", "inputSchema", "name"]; // already in ordinal order
        private readonly ArrayBufferWriter<byte> _buffer = new(1024);
        private readonly Utf8JsonWriter _writer;

        public PinHasher()
        {
            _writer = new Utf8JsonWriter(_buffer, new JsonWriterOptions { SkipValidation = true, Indented = false });
        }

        /// <summary>The tool's JSON exactly as listed (not canonical), for the verdict cache; valid until the next call.</summary>
        public ReadOnlySpan<byte> WriteRaw(JsonObject tool)
        {
            _buffer.ResetWrittenCount();
            _writer.Reset(_buffer);
            tool.WriteTo(_writer);
            _writer.Flush();
            return _buffer.WrittenSpan;
        }

        public string Compute(JsonObject tool)
        {
            _buffer.ResetWrittenCount();
            _writer.Reset(_buffer);
            _writer.WriteStartObject();
            foreach (var member in Members)
            {
                if (tool.TryGetPropertyValue(member, out var value) && value is not null)
                {
                    _writer.WritePropertyName(member);
                    WriteCanonical(value);
                }
            }

            _writer.WriteEndObject();
            _writer.Flush();
            Span<byte> hash = stackalloc byte[32];
            SHA256.HashData(_buffer.WrittenSpan, hash);
            return string.Create(Prefix.Length + 64, hash, static (chars, digest) =>
            {
                Prefix.CopyTo(chars);
                Convert.TryToHexStringLower(digest, chars[Prefix.Length..], out _);
            });
        }

        private void WriteCanonical(JsonNode? node)
        {
            switch (node)
            {
                case null:
                    _writer.WriteNullValue();
                    break;
                case JsonObject obj:
                    WriteObject(obj);
                    break;
                case JsonArray array:
                    _writer.WriteStartArray();
                    for (var i = 0; i < array.Count; i++)
                    {
                        WriteCanonical(array[i]); // indexed: foreach would box the enumerator
                    }

                    _writer.WriteEndArray();
                    break;
                default:
                    node.WriteTo(_writer);
                    break;
            }
        }

        private void WriteObject(JsonObject obj)
        {
            var count = obj.Count;
            var entries = ArrayPool<KeyValuePair<string, JsonNode?>>.Shared.Rent(Math.Max(count, 1));
            try
            {
                var i = 0;
                var sorted = true;
                for (; i < count; i++)
                {
                    var entry = obj.GetAt(i); // indexed: foreach would box the enumerator
                    if (i > 0 && sorted && string.CompareOrdinal(entries[i - 1].Key, entry.Key) > 0)
                    {
                        sorted = false;
                    }

                    entries[i] = entry;
                }

                if (!sorted)
                {
                    Array.Sort(entries, 0, count, KeyComparer.Instance);
                }
                _writer.WriteStartObject();
                for (i = 0; i < count; i++)
                {
                    _writer.WritePropertyName(entries[i].Key);
                    WriteCanonical(entries[i].Value);
                }

                _writer.WriteEndObject();
            }
            finally
            {
                Array.Clear(entries, 0, count);
                ArrayPool<KeyValuePair<string, JsonNode?>>.Shared.Return(entries);
            }
        }
    }

    private sealed class KeyComparer : IComparer<KeyValuePair<string, JsonNode?>>
    {
        public static readonly KeyComparer Instance = new();

        public int Compare(KeyValuePair<string, JsonNode?> x, KeyValuePair<string, JsonNode?> y) => string.CompareOrdinal(x.Key, y.Key);
    }
}
