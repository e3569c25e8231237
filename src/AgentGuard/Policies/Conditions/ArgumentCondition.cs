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

    private bool Passes(JsonElement value)
    {
        switch (_test)
        {
            case Test.Exists:
                return value.ValueKind is not JsonValueKind.Null;
            case Test.Absent:
                return value.ValueKind is JsonValueKind.Null;
            case Test.GreaterThan:
                return TryNumber(value, out var greater) && greater > _number;
            case Test.LessThan:
                return TryNumber(value, out var less) && less < _number;
            default:
                break;
        }

        var text = AsText(value);
        return _test switch
        {
            Test.Equal => string.Equals(text, _text, StringComparison.OrdinalIgnoreCase),
            Test.OneOf => In(text, _set),
            Test.NotOneOf => !In(text, _set),
            Test.Contains => text.Contains(_text!, StringComparison.OrdinalIgnoreCase),
            Test.Regex => _regex!.IsMatch(text),
            _ => false,
        };
    }

    private static string AsText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString() ?? string.Empty,
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Null => string.Empty,
        _ => value.GetRawText(),
    };

    private static bool TryNumber(JsonElement value, out double number)
    {
        if (value.ValueKind == JsonValueKind.Number)
        {
            return value.TryGetDouble(out number);
        }

        number = 0;
        return value.ValueKind == JsonValueKind.String
            && double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out number);
    }

    private sealed class VisitState(ArgumentCondition owner)
    {
        public ArgumentCondition Owner { get; } = owner;

        public bool Seen { get; set; }

        public bool Result { get; set; } = owner._test is Test.NotOneOf or Test.Absent;
    }
}
