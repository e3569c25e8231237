using System.Text.Json;

namespace AgentGuard.Http;

/// <summary>
/// Writes <c>name=value&amp;…</c> text (a query without its <c>?</c>, a form body) as a JSON object of name to value,
/// or to an array of values when a name repeats, in the order names first appear; names and values decoded.
/// </summary>
internal static class FormFields
{
    public static void Write(Utf8JsonWriter writer, ReadOnlySpan<char> pairs)
    {
        writer.WriteStartObject();
        if (!pairs.IsEmpty)
        {
            var names = new List<string>();
            var values = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            foreach (var range in pairs.Split('&'))
            {
                var pair = pairs[range];
                if (pair.IsEmpty)
                {
                    continue;
                }

                var eq = pair.IndexOf('=');
                var name = Decode(eq < 0 ? pair : pair[..eq]);
                if (!values.TryGetValue(name, out var list))
                {
                    values[name] = list = new List<string>(1);
                    names.Add(name);
                }

                list.Add(eq < 0 ? string.Empty : Decode(pair[(eq + 1)..]));
            }

            foreach (var name in names)
            {
                var list = values[name];
                if (list.Count == 1)
                {
                    writer.WriteString(name, list[0]);
                    continue;
                }

                writer.WriteStartArray(name);
                foreach (var value in list)
                {
                    writer.WriteStringValue(value);
                }

                writer.WriteEndArray();
            }
        }

        writer.WriteEndObject();
    }

    private static string Decode(ReadOnlySpan<char> text) => Uri.UnescapeDataString(text.ToString().Replace('+', ' '));
}
