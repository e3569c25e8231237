using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace AgentGuard.Policies;

/// <summary>
/// The keys an options type accepts, read once from its public properties the way the configuration binder binds
/// them (names ignore case; <see cref="ConfigurationKeyNameAttribute"/> renames; lists take <c>0</c>, <c>1</c>, …;
/// dictionaries take any key). Used to reject keys the binder would silently ignore, such as <c>DefaultDescision</c>.
/// </summary>
internal sealed class ConfigurationShape
{
    private readonly Dictionary<string, ConfigurationShape>? _properties;
    private readonly ConfigurationShape? _items;
    private readonly Type _type;

    private ConfigurationShape(Type type, Dictionary<string, ConfigurationShape>? properties, ConfigurationShape? items, ShapeKind kind)
    {
        _type = type;
        _properties = properties;
        _items = items;
        Kind = kind;
    }

    /// <summary>What a key of this shape holds.</summary>
    public enum ShapeKind
    {
        /// <summary>A single value (string, number, boolean, time span).</summary>
        Value,

        /// <summary>A section with named properties.</summary>
        Object,

        /// <summary>A list: keys <c>0</c>, <c>1</c>, … of the item shape.</summary>
        List,

        /// <summary>A map: any key, of the item shape.</summary>
        Map,
    }

    public ShapeKind Kind { get; }

    /// <summary>The property names, as the binder knows them.</summary>
    public IEnumerable<string> PropertyNames => _properties?.Keys ?? Enumerable.Empty<string>();

    /// <summary>Reads the shape of <paramref name="type"/>.</summary>
    public static ConfigurationShape Of([DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)] Type type)
        => Build(type, new Dictionary<Type, ConfigurationShape>());

    /// <summary>The shape of a named property, or null when the type has no such property.</summary>
    public ConfigurationShape? Property(string name)
        => _properties is not null && _properties.TryGetValue(name, out var shape) ? shape : null;

    /// <summary>The shape of a list's or map's items.</summary>
    public ConfigurationShape? Items => _items;

    /// <summary>True when <paramref name="value"/> can be bound to this value shape; false with the expected form otherwise.</summary>
    public bool Accepts(string value, out string expected)
    {
        var type = Nullable.GetUnderlyingType(_type) ?? _type;
        expected = string.Empty;
        if (type == typeof(bool))
        {
            expected = "true or false";
            return bool.TryParse(value, out _);
        }

        if (type == typeof(int) || type == typeof(long))
        {
            expected = "a whole number";
            return long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _);
        }

        if (type == typeof(double) || type == typeof(float) || type == typeof(decimal))
        {
            expected = "a number";
            return double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _);
        }

        if (type == typeof(TimeSpan))
        {
            expected = "a time span such as \"00:05:00\"";
            return TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out _);
        }

        if (type.IsEnum)
        {
            expected = "one of " + string.Join(", ", Enum.GetNames(type));
            return Enum.TryParse(type, value, ignoreCase: true, out _);
        }

        return true;
    }

    [UnconditionalSuppressMessage("Trimming", "IL2072", Justification = "Options types are rooted by their registrations; only public properties are read.")]
    [UnconditionalSuppressMessage("Trimming", "IL2062", Justification = "Options types are rooted by their registrations; only public properties are read.")]
    private static ConfigurationShape Build([DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)] Type type, Dictionary<Type, ConfigurationShape> seen)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (underlying.IsPrimitive || underlying.IsEnum || underlying == typeof(string) || underlying == typeof(decimal) || underlying == typeof(TimeSpan) || underlying == typeof(Uri))
        {
            return new ConfigurationShape(underlying, null, null, ShapeKind.Value);
        }

        if (ItemType(underlying, typeof(IDictionary<,>)) is { } mapValue)
        {
            return new ConfigurationShape(underlying, null, Build(mapValue, seen), ShapeKind.Map);
        }

        if (underlying.IsArray || ItemType(underlying, typeof(IEnumerable<>)) is not null)
        {
            var item = underlying.IsArray ? underlying.GetElementType()! : ItemType(underlying, typeof(IEnumerable<>))!;
            return new ConfigurationShape(underlying, null, Build(item, seen), ShapeKind.List);
        }

        if (seen.TryGetValue(underlying, out var known))
        {
            return known;
        }

        var properties = new Dictionary<string, ConfigurationShape>(StringComparer.OrdinalIgnoreCase);
        var shape = new ConfigurationShape(underlying, properties, null, ShapeKind.Object);
        seen[underlying] = shape;
        foreach (var property in underlying.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || (property.SetMethod is not { IsPublic: true } && !IsCollection(property.PropertyType)))
            {
                continue;
            }

            var name = property.GetCustomAttribute<ConfigurationKeyNameAttribute>()?.Name ?? property.Name;
            properties[name] = Build(property.PropertyType, seen);
        }

        return shape;
    }

    private static bool IsCollection(Type type) => type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type);

    [UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "Options properties are List<T>, T[] or Dictionary<K, V>, whose collection interfaces trimming keeps.")]
    private static Type? ItemType(Type type, Type generic)
    {
        if (type.IsGenericType && type.GetGenericTypeDefinition() == generic)
        {
            return type.GetGenericArguments()[^1];
        }

        foreach (var contract in type.GetInterfaces())
        {
            if (contract.IsGenericType && contract.GetGenericTypeDefinition() == generic)
            {
                return contract.GetGenericArguments()[^1];
            }
        }

        return null;
    }
}
