using System.Text;
using System.Text.Json;

namespace AgentGuard;

/// <summary>
/// Splits a trusted tool's result into what third parties wrote (the configured <c>UntrustedFields</c>) and the rest.
/// A result that is not JSON cannot be split: all of it is untrusted (the safe side).
/// </summary>
internal static class UntrustedFields
{
    /// <summary>The <c>UntrustedFields</c> entry for every string value of three or more words.</summary>
    public const string FreeText = "free-text";

    private const int FreeTextWords = 3;

    /// <summary>The untrusted and trusted text of <paramref name="text"/>, or null when no field is configured.</summary>
    public static (string Untrusted, string Trusted)? Split(string text, ArgumentPath?[] fields)
    {
        if (fields.Length == 0)
        {
            return null;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException)
        {
            return (text, string.Empty);
        }

        using (document)
        {
            var untrusted = new HashSet<string>(StringComparer.Ordinal);
            foreach (var field in fields)
            {
                if (field is null)
                {
                    Strings(document.RootElement, s => { if (s.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= FreeTextWords) untrusted.Add(s); });
                }
                else
                {
                    field.ForEach(document.RootElement, untrusted, static (set, element) =>
                    {
                        Strings(element, s => set.Add(s));
                        return true;
                    });
                }
            }

            var trusted = new StringBuilder();
            Strings(document.RootElement, s =>
            {
                if (!untrusted.Contains(s))
                {
                    trusted.Append(s).Append('\n');
                }
            });
            return (string.Join('\n', untrusted), trusted.ToString());
        }
    }

    private static void Strings(JsonElement element, Action<string> visit)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                visit(element.GetString() ?? string.Empty);
                break;
            case JsonValueKind.Number:
                visit(element.GetRawText());
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Strings(item, visit);
                }

                break;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Strings(property.Value, visit);
                }

                break;
            default:
                break;
        }
    }
}
