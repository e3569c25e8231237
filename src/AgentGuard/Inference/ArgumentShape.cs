using System.Text.Json;

namespace AgentGuard.Inference;

/// <summary>
/// The top-level argument names of one call whose values are scalars or arrays of scalars, and which are arrays: the
/// key under which the roles role inference read from them, in place of a parameter schema, are remembered for a tool
/// that has none. Two calls with the same names and array-ness have the same shape, whatever the order of their properties.
/// </summary>
internal sealed class ArgumentShape
{
    private readonly string[] _names;
    private readonly bool[] _isArray;

    private ArgumentShape(string[] names, bool[] isArray)
    {
        _names = names;
        _isArray = isArray;
    }

    /// <summary>True when <paramref name="arguments"/> is an object with at least one property.</summary>
    public static bool HasNames(ToolArguments arguments)
        => !arguments.IsMalformed && arguments.Root.ValueKind == JsonValueKind.Object && arguments.Root.GetPropertyCount() > 0;

    /// <summary>
    /// The shape of flat <paramref name="arguments"/> (an object whose values are scalars or arrays of scalars), or null
    /// for arguments that nest objects: their roles depend on the nested names too, and are inferred per call.
    /// </summary>
    public static ArgumentShape? Read(JsonElement arguments)
    {
        var names = new List<string>();
        var isArray = new List<bool>();
        if (arguments.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in arguments.EnumerateObject())
            {
                if (!IsFlat(property.Value))
                {
                    return null;
                }

                names.Add(property.Name);
                isArray.Add(property.Value.ValueKind == JsonValueKind.Array);
            }
        }

        return new ArgumentShape([.. names], [.. isArray]);
    }

    private static bool IsFlat(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Object)
        {
            return false;
        }

        if (value.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in value.EnumerateArray())
            {
                if (item.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>True when <paramref name="arguments"/> has exactly these names, with the same array-ness (compared without allocating).</summary>
    public bool Matches(JsonElement arguments)
    {
        if (arguments.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        var count = 0;
        foreach (var property in arguments.EnumerateObject())
        {
            if (++count > _names.Length || !Has(property))
            {
                return false;
            }
        }

        return count == _names.Length;
    }

    private bool Has(JsonProperty property)
    {
        for (var i = 0; i < _names.Length; i++)
        {
            if (property.NameEquals(_names[i]))
            {
                return _isArray[i] == (property.Value.ValueKind == JsonValueKind.Array) && IsFlat(property.Value);
            }
        }

        return false;
    }
}
