using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace AgentGuard.Policies;

/// <summary>
/// <c>When.Arguments[i]</c>: a test of the value at a path in the arguments. With <c>[*]</c> in the path, the test
/// holds when any value there passes (for <c>NotOneOf</c> and <c>Exists: false</c>, when all do).
/// </summary>
internal sealed class ArgumentCondition : Condition
{
    private readonly ArgumentPath _path;
    private readonly Test _test;
    private readonly string? _text;
    private readonly string[] _set;
    private readonly RuleRegex? _regex;
    private readonly double _number;
    private readonly string _evidence;
    private readonly bool _hasWildcard;

    public ArgumentCondition(ArgumentPath path, Test test, string? text, string[] set, RuleRegex? regex, double number)
    {
        _path = path;
        _test = test;
        _text = text;
        _set = set;
        _regex = regex;
        _number = number;
        _hasWildcard = path.HasWildcard;
        _evidence = test switch
        {
            Test.Equal => $"{path} = '{text}'",
            Test.OneOf => $"{path} in [{string.Join(",", set)}]",
            Test.NotOneOf => $"{path} not in [{string.Join(",", set)}]",
            Test.Regex => $"{path} matches /{regex}/",
            Test.Contains => $"{path} contains '{text}'",
            Test.GreaterThan => $"{path} > {number.ToString(CultureInfo.InvariantCulture)}",
            Test.LessThan => $"{path} < {number.ToString(CultureInfo.InvariantCulture)}",
            Test.Exists => $"{path} exists",
            _ => $"{path} is absent",
        };
    }

    public enum Test
    {
        Equal,
        OneOf,
        NotOneOf,
        Regex,
        Contains,
        GreaterThan,
        LessThan,
        Exists,
        Absent,
    }

    public override string Evidence => _evidence;

    public override int Order => 1;

    public override bool ReadsArguments => true;

    public override bool IsMet(in EvaluationInput input)
    {
        var arguments = input.Call.Arguments;
        if (arguments.IsMalformed)
        {
            // The engine never asks: a rule reading unreadable arguments contributes its OnError outcome instead.
            throw new InvalidOperationException("The arguments could not be read.");
        }

        var negative = _test is Test.NotOneOf or Test.Absent;
        if (!_hasWildcard)
        {
            return _path.TryEvaluate(arguments.Root, out var single) ? Passes(single) : negative;
        }

        var state = new VisitState(this);
        _path.ForEach(arguments.Root, state, static (s, value) =>
        {
            s.Seen = true;
            var passed = s.Owner.Passes(value);
            if (s.Owner._test is Test.NotOneOf or Test.Absent)
            {
                s.Result &= passed;
                return s.Result;
            }

            s.Result |= passed;
            return !s.Result;
        });

        if (!state.Seen)
        {
            return negative;
        }

        return state.Result;
    }

    /// <summary>
    /// Whether <paramref name="value"/> passes the test. A string written without escapes is tested on its characters
    /// decoded into a buffer (no string is made); any other value on its text as a string, exactly as before.
    /// </summary>
    internal bool Passes(JsonElement value)
    {
        switch (_test)
        {
            case Test.Exists:
                return value.ValueKind is not JsonValueKind.Null;
            case Test.Absent:
                return value.ValueKind is JsonValueKind.Null;
            default:
                break;
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            var utf8 = JsonStringText.Utf8(value);
            if (utf8.Length <= JsonStringText.StackBytes)
            {
                Span<char> buffer = stackalloc char[JsonStringText.StackBytes];
                if (JsonStringText.TryDecode(utf8, buffer, out var written))
                {
                    return PassesText(buffer[..written]);
                }
            }
            else
            {
                var rented = ArrayPool<char>.Shared.Rent(utf8.Length);
                try
                {
                    if (JsonStringText.TryDecode(utf8, rented, out var written))
                    {
                        return PassesText(rented.AsSpan(0, written));
                    }
                }
                finally
                {
                    ArrayPool<char>.Shared.Return(rented);
                }
            }

            // Escaped or not UTF-8: GetString decodes the escapes, or throws as it always did.
            return PassesText(value.GetString() ?? string.Empty);
        }

        return _test switch
        {
            Test.GreaterThan => value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var greater) && greater > _number,
            Test.LessThan => value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var less) && less < _number,
            _ => PassesText(AsText(value)),
        };
    }

    /// <summary>The test on a value's text (a string value's characters, or another value's JSON text).</summary>
    private bool PassesText(ReadOnlySpan<char> text) => _test switch
    {
        Test.Equal => text.Equals(_text, StringComparison.OrdinalIgnoreCase),
        Test.OneOf => In(text, _set),
        Test.NotOneOf => !In(text, _set),
        Test.Contains => text.Contains(_text!, StringComparison.OrdinalIgnoreCase),
        Test.Regex => _regex!.IsMatch(text),
        Test.GreaterThan => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var greater) && greater > _number,
        Test.LessThan => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var less) && less < _number,
        _ => false,
    };

    private static bool In(ReadOnlySpan<char> value, string[] set)
    {
        foreach (var item in set)
        {
            if (value.Equals(item, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static string AsText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Null => string.Empty,
        _ => value.GetRawText(),
    };

    private sealed class VisitState(ArgumentCondition owner)
    {
        public ArgumentCondition Owner { get; } = owner;

        public bool Seen { get; set; }

        public bool Result { get; set; } = owner._test is Test.NotOneOf or Test.Absent;
    }
}
