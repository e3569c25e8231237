using System.Globalization;
using System.Runtime.CompilerServices;

namespace AgentGuard.Policies;

/// <summary>
/// Binds one entry of <c>Rules</c> from its keys (paths relative to the entry, each with its value, later providers'
/// values already merged in), exactly as the configuration binder binds a section holding those keys: an object is
/// created when a key lies below it, list items are added in index order and only when their value is not null, and
/// a value that is null or empty leaves its setting as it is. Written by hand for the options types of a rule.
/// </summary>
/// <remarks>
/// Returns null — the entry is then checked and bound the usual way — whenever the key checker could find something
/// to report or the binder could fail: a key no setting of a rule has, a map's entries (<c>When.Attributes</c>), a
/// value of the wrong form (including a whole number too large for its setting), a section or list given a value.
/// So an entry bound here is one the key checker accepts and the configuration binder binds to the same options.
/// </remarks>
internal static class RuleOptionsBinder
{
    /// <summary>The rule the keys describe, or null when they must be checked and bound the usual way.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static RuleOptions? Bind(List<(RuleKey Key, string? Value)> keys, Pending pending)
    {
        var rule = new RuleOptions();
        pending.Clear();
        foreach (var (key, value) in keys)
        {
            if (!Rule(rule, key.Segments, value, pending))
            {
                return null;
            }
        }

        pending.Flush();
        return rule;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool Rule(RuleOptions rule, ReadOnlySpan<string> path, string? value, Pending pending)
    {
        if (path.IsEmpty)
        {
            return Section(value);
        }

        var rest = path[1..];
        switch (path[0])
        {
            case "Id" when rest.IsEmpty:
                rule.Id = value ?? rule.Id;
                return true;
            case "Effect" when rest.IsEmpty:
                rule.Effect = value ?? rule.Effect;
                return true;
            case "Reason" when rest.IsEmpty:
                rule.Reason = value ?? rule.Reason;
                return true;
            case "Message" when rest.IsEmpty:
                rule.Message = value ?? rule.Message;
                return true;
            case "OnError" when rest.IsEmpty:
                rule.OnError = value ?? rule.OnError;
                return true;
            case "Alert" when rest.IsEmpty:
                if (!Flag(value, out var alert))
                {
                    return false;
                }

                rule.Alert = alert ?? rule.Alert;
                return true;
            case "StopAgent" when rest.IsEmpty:
                if (!Flag(value, out var stop))
                {
                    return false;
                }

                rule.StopAgent = stop ?? rule.StopAgent;
                return true;
            case "Match":
                if (rest.IsEmpty)
                {
                    return Section(value);
                }

                rule.Match ??= new MatchOptions();
                return Match(rule.Match, rest, value, pending);
            case "When":
                if (rest.IsEmpty)
                {
                    return Section(value);
                }

                rule.When ??= new WhenOptions();
                return When(rule.When, rest, value, pending);
            default:
                return false;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool Match(MatchOptions match, ReadOnlySpan<string> path, string? value, Pending pending)
    {
        var rest = path[1..];
        switch (path[0])
        {
            case "Tools":
                return Items(match.Tools, rest, value, pending);
            case "Kinds":
                return Items(match.Kinds, rest, value, pending);
            case "Sources":
                return Items(match.Sources, rest, value, pending);
            case "Tags":
                return Items(match.Tags, rest, value, pending);
            case "MinRisk" when rest.IsEmpty:
                match.MinRisk = value ?? match.MinRisk;
                return true;
            default:
                return false;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool When(WhenOptions when, ReadOnlySpan<string> path, string? value, Pending pending)
    {
        var rest = path[1..];
        switch (path[0])
        {
            case "Environments":
                return Items(when.Environments, rest, value, pending);
            case "Teams":
                return Items(when.Teams, rest, value, pending);
            case "Agents":
                return Items(when.Agents, rest, value, pending);
            case "DataTags":
                return Items(when.DataTags, rest, value, pending);
            case "SessionLabels":
                return Items(when.SessionLabels, rest, value, pending);
            case "Arguments":
                if (rest.IsEmpty)
                {
                    return Section(value);
                }

                if (!Index(rest[0], out var index))
                {
                    return false;
                }

                var argument = pending.Argument(when, index);
                return rest.Length == 1 ? Section(value) : Argument(argument, rest[1..], value, pending);
            case "Attributes" or "AttributesAnyOf" or "Counters":
                // A map's entries have names no shape knows: such an entry is bound the usual way.
                return rest.IsEmpty && Section(value);
            case "User":
                if (rest.IsEmpty)
                {
                    return Section(value);
                }

                when.User ??= new UserConditionOptions();
                return User(when.User, rest, value, pending);
            case "Sequence":
                if (rest.IsEmpty)
                {
                    return Section(value);
                }

                when.Sequence ??= new SequenceConditionOptions();
                return Sequence(when.Sequence, rest, value, pending);
            case "RateLimit":
                if (rest.IsEmpty)
                {
                    return Section(value);
                }

                when.RateLimit ??= new RateLimitOptions();
                return RateLimit(when.RateLimit, rest, value);
            case "Provenance":
                if (rest.IsEmpty)
                {
                    return Section(value);
                }

                when.Provenance ??= new ProvenanceConditionOptions();
                return Provenance(when.Provenance, rest, value, pending);
            case "CarriesSessionData":
                if (rest.IsEmpty)
                {
                    return Section(value);
                }

                when.CarriesSessionData ??= new CarriesSessionDataOptions();
                if (rest.Length == 1 && rest[0] == "Argument")
                {
                    when.CarriesSessionData.Argument = value ?? when.CarriesSessionData.Argument;
                    return true;
                }

                return false;
            case "OutsideTaskScope" when rest.IsEmpty:
                if (!Flag(value, out var outside))
                {
                    return false;
                }

                when.OutsideTaskScope = outside ?? when.OutsideTaskScope;
                return true;
            case "ToolNamedByResult" when rest.IsEmpty:
                if (!Flag(value, out var named))
                {
                    return false;
                }

                when.ToolNamedByResult = named ?? when.ToolNamedByResult;
                return true;
            default:
                return false;
        }
    }

    private static bool User(UserConditionOptions user, ReadOnlySpan<string> path, string? value, Pending pending)
    {
        var rest = path[1..];
        switch (path[0])
        {
            case "Ids":
                return Items(user.Ids, rest, value, pending);
            case "Groups":
                return Items(user.Groups, rest, value, pending);
            case "NotGroups":
                return Items(user.NotGroups, rest, value, pending);
            case "Roles":
                return Items(user.Roles, rest, value, pending);
            case "External" when rest.IsEmpty:
                if (!Flag(value, out var external))
                {
                    return false;
                }

                user.External = external ?? user.External;
                return true;
            case "Anonymous" when rest.IsEmpty:
                if (!Flag(value, out var anonymous))
                {
                    return false;
                }

                user.Anonymous = anonymous ?? user.Anonymous;
                return true;
            default:
                return false;
        }
    }

    private static bool Argument(ArgumentConditionOptions argument, ReadOnlySpan<string> path, string? value, Pending pending)
    {
        var rest = path[1..];
        switch (path[0])
        {
            case "Path" when rest.IsEmpty:
                argument.Path = value ?? argument.Path;
                return true;
            case "Equals" when rest.IsEmpty:
                argument.EqualTo = value ?? argument.EqualTo;
                return true;
            case "OneOf":
                return Items(argument.OneOf, rest, value, pending);
            case "NotOneOf":
                return Items(argument.NotOneOf, rest, value, pending);
            case "Regex" when rest.IsEmpty:
                argument.Regex = value ?? argument.Regex;
                return true;
            case "CaseSensitive" when rest.IsEmpty:
                if (!Flag(value, out var caseSensitive))
                {
                    return false;
                }

                argument.CaseSensitive = caseSensitive ?? argument.CaseSensitive;
                return true;
            case "Contains" when rest.IsEmpty:
                argument.Contains = value ?? argument.Contains;
                return true;
            case "GreaterThan" when rest.IsEmpty:
                if (!Number(value, out var greater))
                {
                    return false;
                }

                argument.GreaterThan = greater ?? argument.GreaterThan;
                return true;
            case "LessThan" when rest.IsEmpty:
                if (!Number(value, out var less))
                {
                    return false;
                }

                argument.LessThan = less ?? argument.LessThan;
                return true;
            case "Exists" when rest.IsEmpty:
                if (!Flag(value, out var exists))
                {
                    return false;
                }

                argument.Exists = exists ?? argument.Exists;
                return true;
            default:
                return false;
        }
    }

    private static bool Sequence(SequenceConditionOptions sequence, ReadOnlySpan<string> path, string? value, Pending pending)
    {
        var rest = path[1..];
        switch (path[0])
        {
            case "Tools":
                return Items(sequence.Tools, rest, value, pending);
            case "Tags":
                return Items(sequence.Tags, rest, value, pending);
            case "AtLeast" when rest.IsEmpty:
                if (!Whole(value, out var atLeast))
                {
                    return false;
                }

                sequence.AtLeast = atLeast ?? sequence.AtLeast;
                return true;
            case "WithinCalls" when rest.IsEmpty:
                if (!Whole(value, out var withinCalls))
                {
                    return false;
                }

                sequence.WithinCalls = withinCalls ?? sequence.WithinCalls;
                return true;
            case "Within" when rest.IsEmpty:
                sequence.Within = value ?? sequence.Within;
                return true;
            case "OnlyAllowed" when rest.IsEmpty:
                if (!Flag(value, out var onlyAllowed))
                {
                    return false;
                }

                sequence.OnlyAllowed = onlyAllowed ?? sequence.OnlyAllowed;
                return true;
            default:
                return false;
        }
    }

    private static bool RateLimit(RateLimitOptions rateLimit, ReadOnlySpan<string> path, string? value)
    {
        if (path.Length != 1)
        {
            return false;
        }

        switch (path[0])
        {
            case "Max":
                if (!Whole(value, out var max))
                {
                    return false;
                }

                rateLimit.Max = max ?? rateLimit.Max;
                return true;
            case "Per":
                rateLimit.Per = value ?? rateLimit.Per;
                return true;
            case "By":
                rateLimit.By = value ?? rateLimit.By;
                return true;
            default:
                return false;
        }
    }

    private static bool Provenance(ProvenanceConditionOptions provenance, ReadOnlySpan<string> path, string? value, Pending pending)
    {
        var rest = path[1..];
        switch (path[0])
        {
            case "Argument" when rest.IsEmpty:
                provenance.Argument = value ?? provenance.Argument;
                return true;
            case "From":
                if (rest.IsEmpty)
                {
                    return Section(value);
                }

                // Null until the list has an item, as the binder leaves it.
                provenance.From ??= [];
                return Items(provenance.From, rest, value, pending);
            case "Allowlist":
                return Items(provenance.Allowlist, rest, value, pending);
            default:
                return false;
        }
    }

    /// <summary>A list of values: its own key (a section's value must be empty), or one item.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool Items(List<string> list, ReadOnlySpan<string> rest, string? value, Pending pending)
    {
        if (rest.IsEmpty)
        {
            return Section(value);
        }

        if (rest.Length != 1 || !Index(rest[0], out var index))
        {
            return false;
        }

        pending.Item(list, index, value);
        return true;
    }

    /// <summary>The key of a section or list itself: the key checker reports one given a value.</summary>
    private static bool Section(string? value) => string.IsNullOrEmpty(value);

    private static bool Index(string segment, out int index) => int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out index);

    /// <summary>A true/false setting: null when the value is null or empty (the setting keeps its value); false when not a boolean.</summary>
    private static bool Flag(string? value, out bool? parsed)
    {
        parsed = null;
        if (string.IsNullOrEmpty(value))
        {
            return true;
        }

        if (!bool.TryParse(value, out var flag))
        {
            return false;
        }

        parsed = flag;
        return true;
    }

    /// <summary>A whole-number setting, parsed as the binder parses it.</summary>
    private static bool Whole(string? value, out int? parsed)
    {
        parsed = null;
        if (string.IsNullOrEmpty(value))
        {
            return true;
        }

        if (!int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
        {
            return false;
        }

        parsed = number;
        return true;
    }

    /// <summary>A number setting, parsed as the binder parses it.</summary>
    private static bool Number(string? value, out double? parsed)
    {
        parsed = null;
        if (string.IsNullOrEmpty(value))
        {
            return true;
        }

        if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return false;
        }

        parsed = number;
        return true;
    }

    /// <summary>
    /// List items and argument conditions seen so far, added to their lists in index order at the end. One per reader,
    /// cleared for each entry (so binding an entry allocates only what the entry keeps).
    /// </summary>
    internal sealed class Pending
    {
        private List<(List<string> List, int Index, string? Value)>? _items;
        private WhenOptions? _argumentsOf;
        private SortedDictionary<int, ArgumentConditionOptions>? _arguments;

        public void Item(List<string> list, int index, string? value) => (_items ??= []).Add((list, index, value));

        public void Clear()
        {
            _items?.Clear();
            _argumentsOf = null;
            _arguments?.Clear();
        }

        public ArgumentConditionOptions Argument(WhenOptions when, int index)
        {
            _argumentsOf = when;
            _arguments ??= [];
            if (!_arguments.TryGetValue(index, out var argument))
            {
                _arguments[index] = argument = new ArgumentConditionOptions();
            }

            return argument;
        }

        public void Flush()
        {
            if (_items is not null)
            {
                // Each list's items are distinct positions; only their order within the list matters.
                _items.Sort(static (a, b) => a.Index.CompareTo(b.Index));
                foreach (var (list, _, value) in _items)
                {
                    if (value is not null)
                    {
                        list.Add(value);
                    }
                }
            }

            if (_arguments is { Count: > 0 })
            {
                _argumentsOf!.Arguments.AddRange(_arguments.Values);
            }
        }
    }
}
