using System.Globalization;
using System.Text.Json;

namespace AgentGuard;

/// <summary>
/// A compiled path into a tool call's arguments: <c>$.recipient</c>, <c>$.payment.amount</c>, <c>$.items[0].id</c>,
/// <c>$['odd name']</c>, or <c>$.items[*].id</c> (every element).
/// </summary>
/// <remarks>
/// Property names match case-insensitively, as the binders of Semantic Kernel, M.E.AI and ASP.NET bind them:
/// <c>$.iban</c> selects <c>{"IBAN": …}</c>. Arguments whose names differ only in case are refused when parsed (see
/// <see cref="ToolArguments"/>), so a path never has to choose between two values. A path must start with <c>$</c>,
/// and a path that could never select anything (arguments are always a JSON object, so <c>$[0]</c> or <c>$[*]</c>)
/// is rejected.
/// </remarks>
public sealed class ArgumentPath
{
    private readonly Segment[] _segments;

    private ArgumentPath(string text, Segment[] segments)
    {
        Text = text;
        _segments = segments;
        HasWildcard = Array.Exists(segments, s => s.IsAnyElement);
    }

    /// <summary>The path as written.</summary>
    public string Text { get; }

    /// <summary>True when the path contains <c>[*]</c> and may point at more than one value.</summary>
    public bool HasWildcard { get; }

    /// <summary>Parses <paramref name="text"/>.</summary>
    /// <exception cref="FormatException">The text is not a path this class understands; the message says where.</exception>
    public static ArgumentPath Parse(string text)
    {
        if (!TryParse(text, out var path, out var error))
        {
            throw new FormatException(error);
        }

        return path;
    }

    /// <summary>Parses <paramref name="text"/>, reporting an error instead of throwing.</summary>
    public static bool TryParse(string? text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ArgumentPath? path, out string? error)
    {
        path = null;
        error = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "the path is empty (write it as \"$.name\")";
            return false;
        }

        text = text.Trim();
        if (text[0] != '$')
        {
            error = $"'{text}' does not start with '$' (write \"$.{text.TrimStart('.')}\")";
            return false;
        }

        var segments = new List<Segment>();
        var i = 1;
        while (i < text.Length)
        {
            if (text[i] == '.')
            {
                var start = ++i;
                while (i < text.Length && text[i] != '.' && text[i] != '[')
                {
                    i++;
                }

                if (i == start)
                {
                    error = $"'{text}' has an empty name at position {start}";
                    return false;
                }

                var name = text[start..i];
                if (name == "*")
                {
                    error = $"'{text}' uses '.*', which is not supported (use [*] on an array)";
                    return false;
                }

                segments.Add(Segment.Property(name));
            }
            else if (text[i] == '[')
            {
                var close = text.IndexOf(']', i);
                if (close < 0)
                {
                    error = $"'{text}' has '[' at position {i} without a closing ']'";
                    return false;
                }

                var inner = text[(i + 1)..close].Trim();
                if (inner == "*")
                {
                    segments.Add(Segment.AnyElement);
                }
                else if (inner.Length >= 2 && (inner[0] == '\'' || inner[0] == '"') && inner[^1] == inner[0])
                {
                    segments.Add(Segment.Property(inner[1..^1]));
                }
                else if (int.TryParse(inner, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
                {
                    segments.Add(Segment.Element(index));
                }
                else
                {
                    error = $"'{text}' has '[{inner}]', which is neither an index, '*' nor a quoted name";
                    return false;
                }

                i = close + 1;
            }
            else
            {
                error = $"'{text}' has an unexpected '{text[i]}' at position {i} (write \"$.a.b\" or \"$.a[0]\")";
                return false;
            }
        }

        if (segments.Count > 0 && !segments[0].IsName)
        {
            error = $"'{text}' can never select anything: tool arguments are a JSON object, so the path must start with a name (\"$.name[...]\")";
            return false;
        }

        path = new ArgumentPath(text, [.. segments]);
        return true;
    }

    /// <summary>Finds the first value at this path (in document order when the path contains <c>[*]</c>).</summary>
    public bool TryEvaluate(JsonElement root, out JsonElement value) => TryFirst(root, 0, out value);

    /// <summary>
    /// Visits every value at this path (more than one when the path contains <c>[*]</c>), in document order, until the
    /// visitor returns false. Returns false when the visitor stopped the walk.
    /// </summary>
    public bool ForEach<TState>(JsonElement root, TState state, Func<TState, JsonElement, bool> visitor)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        return Visit(root, 0, state, visitor);
    }

    /// <inheritdoc />
    public override string ToString() => Text;

    /// <summary>True when a location (property names and array indexes from the root) is the one this path points at.</summary>
    internal bool MatchesLocation(IReadOnlyList<object> location)
    {
        if (location.Count != _segments.Length)
        {
            return false;
        }

        for (var i = 0; i < _segments.Length; i++)
        {
            if (!_segments[i].Matches(location[i]))
            {
                return false;
            }
        }

        return true;
    }

    private bool Visit<TState>(JsonElement current, int index, TState state, Func<TState, JsonElement, bool> visitor)
    {
        for (; index < _segments.Length; index++)
        {
            var segment = _segments[index];
            if (segment.IsAnyElement)
            {
                if (current.ValueKind != JsonValueKind.Array)
                {
                    return true;
                }

                foreach (var item in current.EnumerateArray())
                {
                    if (!Visit(item, index + 1, state, visitor))
                    {
                        return false;
                    }
                }

                return true;
            }

            if (!segment.TryStep(current, out current))
            {
                return true;
            }
        }

        return current.ValueKind == JsonValueKind.Undefined || visitor(state, current);
    }

    /// <summary>The first value below <paramref name="current"/> from segment <paramref name="index"/> on, without a visitor (no allocation).</summary>
    private bool TryFirst(JsonElement current, int index, out JsonElement value)
    {
        for (; index < _segments.Length; index++)
        {
            var segment = _segments[index];
            if (segment.IsAnyElement)
            {
                if (current.ValueKind == JsonValueKind.Array)
                {
                    foreach (var item in current.EnumerateArray())
                    {
                        if (TryFirst(item, index + 1, out value))
                        {
                            return true;
                        }
                    }
                }

                value = default;
                return false;
            }

            if (!segment.TryStep(current, out current))
            {
                value = default;
                return false;
            }
        }

        value = current;
        return current.ValueKind != JsonValueKind.Undefined;
    }

    private readonly struct Segment
    {
        private readonly string? _name;
        private readonly byte[]? _utf8Name;
        private readonly bool _asciiName;
        private readonly int _index;

        private Segment(string? name, int index)
        {
            _name = name;
            _index = index;
            if (name is not null)
            {
                // Encoded once here, not on every look-up of a call's arguments.
                _utf8Name = JsonNames.Utf8Of(name);
                _asciiName = System.Text.Ascii.IsValid(name);
            }
        }

        public static Segment AnyElement => new(null, -1);

        public bool IsAnyElement => _name is null && _index < 0;

        public bool IsName => _name is not null;

        public static Segment Property(string name) => new(name, -1);

        public static Segment Element(int index) => new(null, index);

        public bool Matches(object step) => step switch
        {
            string name => _name is not null && string.Equals(_name, name, StringComparison.OrdinalIgnoreCase),
            int index => _name is null && (_index < 0 || _index == index),
            _ => false,
        };

        public bool TryStep(JsonElement current, out JsonElement next)
        {
            if (_name is not null)
            {
                if (current.ValueKind == JsonValueKind.Object && JsonNames.TryGetProperty(current, _name, _utf8Name!, _asciiName, out next))
                {
                    return true;
                }
            }
            else if (current.ValueKind == JsonValueKind.Array && _index < current.GetArrayLength())
            {
                next = current[_index];
                return true;
            }

            next = default;
            return false;
        }
    }
}
