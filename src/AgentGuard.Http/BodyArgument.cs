using System.Text.Json;

namespace AgentGuard.Http;

/// <summary>
/// A request body as the event's arguments carry it: <c>$.body</c> is JSON as its value, a form as its fields, other
/// text as a string; <c>$.bodyUnread</c> is true when the body could not be read as fields (too large, a live stream,
/// not text, or JSON that is invalid or names a field twice), so a rule on a body field can refuse what it cannot see.
/// </summary>
internal sealed class BodyArgument
{
    private readonly string? _json;
    private readonly string? _form;
    private readonly string? _text;

    private BodyArgument(string? json, string? form, string? text, bool unread)
    {
        _json = json;
        _form = form;
        _text = text;
        IsUnread = unread;
    }

    /// <summary>A request without a body.</summary>
    public static BodyArgument None { get; } = new(null, null, null, unread: false);

    /// <summary>A body the guard did not read.</summary>
    public static BodyArgument Unread { get; } = new(null, null, null, unread: true);

    /// <summary>True when the body may carry fields the arguments do not show.</summary>
    public bool IsUnread { get; }

    /// <summary>True when the body is in the arguments; such arguments are not shared between requests.</summary>
    public bool HasValue => _json is not null || _form is not null || _text is not null;

    /// <summary>The characters the body adds to the arguments, about.</summary>
    public int Length => (_json ?? _form ?? _text)?.Length ?? 0;

    /// <summary>True when the body is written as JSON that only the whole arguments' parse checks for repeated names.</summary>
    public bool IsJson => _json is not null;

    /// <summary>Reads a body's text as its media type says, and as a server that parses any body as JSON may.</summary>
    public static BodyArgument Of(string? mediaType, string text, ToolArgumentLimits limits)
    {
        if (string.Equals(mediaType, "application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            return new BodyArgument(null, text, null, unread: false);
        }

        var typedJson = mediaType is not null && mediaType.EndsWith("json", StringComparison.OrdinalIgnoreCase);
        var start = text.AsSpan().TrimStart();
        var opensObject = start.StartsWith('{');
        if (!typedJson && !opensObject && !start.StartsWith('['))
        {
            return new BodyArgument(null, null, text, unread: false);
        }

        // One level of the arguments' depth is the arguments object itself.
        if (IsOneValue(text, Math.Max(1, limits.MaxDepth - 1), limits.MaxLength))
        {
            return new BodyArgument(text, null, null, unread: false);
        }

        // Text that only looks like an array ("[INFO] …") is text; an object or a typed JSON body that does not parse
        // strictly may still be read as fields by a lenient server.
        return new BodyArgument(null, null, text, unread: typedJson || opensObject);
    }

    /// <summary>
    /// The same body as text, unread: for JSON that is valid alone but that the arguments' parse refused (a name
    /// repeated, ignoring case, as binders compare them).
    /// </summary>
    public BodyArgument AsUnreadText() => new(null, null, _json ?? _text, unread: true);

    /// <summary>Writes <c>body</c> (when read) and <c>bodyUnread</c>.</summary>
    public void WriteTo(Utf8JsonWriter writer)
    {
        if (_json is not null)
        {
            writer.WritePropertyName("body");

            // Checked to be exactly one JSON value within the limits (IsOneValue); the arguments' parse reads it again.
            writer.WriteRawValue(_json, skipInputValidation: true);
        }
        else if (_form is not null)
        {
            writer.WritePropertyName("body");
            FormFields.Write(writer, _form);
        }
        else if (_text is not null)
        {
            writer.WriteString("body", _text);
        }

        writer.WriteBoolean("bodyUnread", IsUnread);
    }

    /// <summary>True when the text is exactly one strict JSON value no deeper than <paramref name="maxDepth"/>.</summary>
    private static bool IsOneValue(string text, int maxDepth, int maxLength)
    {
        if (text.Length > maxLength)
        {
            return false;
        }

        var utf8 = System.Text.Encoding.UTF8.GetBytes(text);
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = maxDepth });
        try
        {
            while (reader.Read())
            {
            }

            return reader.BytesConsumed > 0;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
