using System.Text.Json;
using AgentGuard.Provenance;

namespace AgentGuard.Policies;

/// <summary>
/// <c>When.Provenance</c>: holds when a value at the argument path was not seen whole in any allowed origin — the
/// user's prompts, results of trusted tools, host resolvers, the allowlist, and the correspondents of found messages
/// when the user asks to reply to them by name (<see cref="Correspondents"/>). A payee found only in a web page the agent
/// read matches; one the user typed does not. With <c>[*]</c>, or when the path selects an array or object, every value
/// under it must come from an allowed origin: one value that did not is enough for the rule to apply. A value first
/// seen in untrusted content stays untrusted when a trusted tool echoes it later (value-level taint), unless the user
/// gave it or a resolver or the allowlist vouches for it.
/// </summary>
internal sealed class ProvenanceCondition(ArgumentPath? path, bool fromPrompt, bool fromTrusted, bool fromCorrespondent, ProvenanceValue[] allowlist, string evidence) : Condition
{
    /// <summary>The <c>Argument</c> that selects every recipient-like argument of the tool.</summary>
    public const string RecipientsArgument = "@recipients";

    /// <summary>Hashes a sessionless call's prompt (its values are compared as a session's would be).</summary>
    private readonly SeenValueHasher _hasher = SeenValueHasher.CreateRandom();

    public override string Evidence => evidence;

    /// <summary>True when a trusted tool's result can vouch for a value (<c>From</c> lists <c>trusted</c>).</summary>
    public bool AcceptsTrusted => fromTrusted;

    /// <summary>True when a correspondent the user names for a reply can vouch for an address (<c>From</c> lists <c>correspondent</c>; see <see cref="Correspondents"/>).</summary>
    public bool AcceptsCorrespondents => fromCorrespondent;

    public override int Order => 3;

    public override bool ReadsArguments => true;

    public override bool IsMet(in EvaluationInput input)
    {
        if (input.Call.Arguments.IsMalformed)
        {
            // The engine never asks: a rule reading unreadable arguments contributes its OnError outcome instead.
            throw new InvalidOperationException("The arguments could not be read.");
        }

        var check = new Check(this, input);
        foreach (var selected in Paths(in input))
        {
            selected.ForEach(input.Call.Arguments.Root, check, static (state, value) => !state.AnyFromElsewhere(value));
            if (check.Met)
            {
                return true;
            }
        }

        return false;
    }

    public override bool ExplainsAtRunTime => true;

    /// <summary>Names, for each value no allowed origin vouches for (at most three), where the session first saw it — never the value.</summary>
    public override void Explain(in EvaluationInput input, List<string> evidence)
    {
        if (input.Call.Arguments.IsMalformed)
        {
            return;
        }

        foreach (var selected in Paths(in input))
        {
            var explainer = new Explainer(this, input, selected.Text, evidence);
            selected.ForEach(input.Call.Arguments.Root, explainer, static (state, value) => state.Visit(value));
        }
    }

    private string Describe(string argument, string raw, in EvaluationInput input)
    {
        var value = ProvenanceValue.Parse(raw);
        string? source = null;
        var untrusted = false;
        if (input.Session.SessionId is not null)
        {
            foreach (var key in value.Words is { } words ? (string[])[SeenTokens.WordsKey(words)] : [.. value.TypedKeys, .. value.NumberWords.Select(SeenTokens.WordsKey)])
            {
                source ??= input.Session.FirstSeenUntrustedIn(key);
                untrusted |= input.Session.WasSeen(ValueOrigin.Untrusted, key);
            }
        }

        return source is not null && source.StartsWith(HandedValues.SourcePrefix, StringComparison.Ordinal)
                ? $"{argument}: first seen in the {source}, from no prompt or trusted result (untrusted)"
            : source is not null ? $"{argument}: first seen in the result of '{source}' (untrusted)"
            : untrusted ? $"{argument}: first seen in untrusted content"
            : $"{argument}: not seen in the user's prompt or a trusted result";
    }

    /// <summary>The configured path, or (for <c>@recipients</c>) the tool's recipient-like arguments.</summary>
    private ArgumentPath[] Paths(in EvaluationInput input)
        => path is not null ? [path] : input.CallRoles.Paths;

    private bool IsAccepted(string raw, in EvaluationInput input, ref SeenValues? prompt)
        => IsAccepted(ProvenanceValue.Parse(raw), raw, input, ref prompt);

    /// <summary>A property name of a selected object: only the typed values and numbers in it are values (see <see cref="ProvenanceValue.ParseName"/>).</summary>
    private bool IsNameAccepted(string name, in EvaluationInput input, ref SeenValues? prompt)
        => IsAccepted(ProvenanceValue.ParseName(name), name, input, ref prompt);

    private bool IsAccepted(ProvenanceValue value, string raw, in EvaluationInput input, ref SeenValues? prompt)
    {
        if (!value.HasSignal)
        {
            return true;
        }

        foreach (var allowed in allowlist)
        {
            if (allowed.SameAs(value))
            {
                return true;
            }
        }

        if (fromTrusted)
        {
            foreach (var resolver in input.Resolvers)
            {
                if (resolver.IsTrusted(input.Call.ToolName, path?.Text ?? RecipientsArgument, raw, input.Context))
                {
                    return true;
                }
            }
        }

        var hasSession = input.Session.SessionId is not null;
        if (fromPrompt && !hasSession && input.Context.Prompt is { } text && prompt is null)
        {
            prompt = SeenValues.Of(text, _hasher);
        }

        if (value.Words is { } words)
        {
            return WordsSeen(words, hasSession, input, prompt);
        }

        foreach (var number in value.NumberWords)
        {
            if (!WordsSeen(number, hasSession, input, prompt))
            {
                return false;
            }
        }

        foreach (var key in value.TypedKeys)
        {
            var seen = (prompt?.ContainsTyped(key) == true)
                || (fromPrompt && hasSession && input.Session.WasSeen(ValueOrigin.Prompt, key))
                || (fromTrusted && hasSession && input.Session.WasSeen(ValueOrigin.Trusted, key) && !input.Session.WasFirstSeenUntrusted(key))
                || (fromCorrespondent && hasSession && Correspondents.IsNamedForReply(key, input.Context.Prompt) && input.Session.WasSeen(ValueOrigin.Correspondent, key));
            if (!seen)
            {
                return false;
            }
        }

        return true;
    }

    private bool WordsSeen(string words, bool hasSession, in EvaluationInput input, SeenValues? prompt)
    {
        var key = SeenTokens.WordsKey(words);
        return (prompt?.ContainsWords(words) == true)
            || (fromPrompt && hasSession && input.Session.WasSeen(ValueOrigin.Prompt, key))
            || (fromTrusted && hasSession && input.Session.WasSeen(ValueOrigin.Trusted, key) && !input.Session.WasFirstSeenUntrusted(key));
    }

    /// <summary>Declares the seen-value keys <see cref="IsMet"/> may ask about, for stores that read ahead.</summary>
    public override void DeclareReads(in EvaluationInput input, SessionReads reads)
    {
        if (input.Call.Arguments.IsMalformed || input.Context.SessionId is not { Length: > 0 })
        {
            return;
        }

        var declare = new Declare(this, reads, input.Context.Prompt);
        foreach (var selected in Paths(in input))
        {
            selected.ForEach(input.Call.Arguments.Root, declare, static (state, value) =>
            {
                state.Add(value);
                return true;
            });
        }
    }

    private void DeclareValue(string raw, SessionReads reads, string? prompt) => DeclareValue(ProvenanceValue.Parse(raw), reads, prompt);

    private void DeclareValue(ProvenanceValue value, SessionReads reads, string? prompt)
    {
        if (!value.HasSignal)
        {
            return;
        }

        if (value.Words is { } words)
        {
            Ask(SeenTokens.WordsKey(words));
            return;
        }

        foreach (var key in value.TypedKeys)
        {
            Ask(key);
            if (fromCorrespondent && Correspondents.IsNamedForReply(key, prompt))
            {
                reads.Seen.Add((ValueOrigin.Correspondent, key));
            }
        }

        foreach (var number in value.NumberWords)
        {
            Ask(SeenTokens.WordsKey(number));
        }

        void Ask(string key)
        {
            if (fromPrompt)
            {
                reads.Seen.Add((ValueOrigin.Prompt, key));
            }

            if (fromTrusted)
            {
                reads.Seen.Add((ValueOrigin.Trusted, key));
                reads.Seen.Add((ValueOrigin.Untrusted, key));
            }
        }
    }

    /// <summary>Collects every scalar the path selects, as <see cref="Check"/> would visit them.</summary>
    private sealed class Declare(ProvenanceCondition owner, SessionReads reads, string? prompt)
    {
        public void Add(JsonElement value)
        {
            switch (value.ValueKind)
            {
                case JsonValueKind.String:
                    owner.DeclareValue(value.GetString() ?? string.Empty, reads, prompt);
                    break;
                case JsonValueKind.Number:
                    owner.DeclareValue(value.GetRawText(), reads, prompt);
                    break;
                case JsonValueKind.Array:
                    foreach (var item in value.EnumerateArray())
                    {
                        Add(item);
                    }

                    break;
                case JsonValueKind.Object:
                    foreach (var property in value.EnumerateObject())
                    {
                        owner.DeclareValue(ProvenanceValue.ParseName(property.Name), reads, prompt);
                        Add(property.Value);
                    }

                    break;
                default:
                    break;
            }
        }
    }

    /// <summary>Walks the selected values; <see cref="Met"/> turns true at the first scalar no allowed origin vouches for.</summary>
    private sealed class Check(ProvenanceCondition owner, EvaluationInput input)
    {
        private SeenValues? _prompt;

        public bool Met { get; private set; }

        public bool AnyFromElsewhere(JsonElement value)
        {
            switch (value.ValueKind)
            {
                case JsonValueKind.String:
                    Met = !owner.IsAccepted(value.GetString() ?? string.Empty, input, ref _prompt);
                    break;
                case JsonValueKind.Number:
                    Met = !owner.IsAccepted(value.GetRawText(), input, ref _prompt);
                    break;
                case JsonValueKind.Array:
                    foreach (var item in value.EnumerateArray())
                    {
                        if (AnyFromElsewhere(item))
                        {
                            return true;
                        }
                    }

                    break;
                case JsonValueKind.Object:
                    foreach (var property in value.EnumerateObject())
                    {
                        // A map keyed by payee holds its values in the names.
                        if (!owner.IsNameAccepted(property.Name, input, ref _prompt))
                        {
                            Met = true;
                            return true;
                        }

                        if (AnyFromElsewhere(property.Value))
                        {
                            return true;
                        }
                    }

                    break;
                default:
                    break;
            }

            return Met;
        }
    }

    /// <summary>Walks the selected values as <see cref="Check"/> does, describing each one no allowed origin vouches for.</summary>
    private sealed class Explainer(ProvenanceCondition owner, EvaluationInput input, string argument, List<string> evidence)
    {
        private const int MaxExplained = 3;
        private SeenValues? _prompt;
        private int _explained;

        public bool Visit(JsonElement value)
        {
            switch (value.ValueKind)
            {
                case JsonValueKind.String:
                    Scalar(value.GetString() ?? string.Empty);
                    break;
                case JsonValueKind.Number:
                    Scalar(value.GetRawText());
                    break;
                case JsonValueKind.Array:
                    foreach (var item in value.EnumerateArray())
                    {
                        Visit(item);
                    }

                    break;
                case JsonValueKind.Object:
                    foreach (var property in value.EnumerateObject())
                    {
                        if (_explained < MaxExplained && !owner.IsNameAccepted(property.Name, input, ref _prompt))
                        {
                            _explained++;
                            evidence.Add(owner.Describe(argument, property.Name, input));
                        }

                        Visit(property.Value);
                    }

                    break;
                default:
                    break;
            }

            return _explained < MaxExplained;
        }

        private void Scalar(string raw)
        {
            if (_explained < MaxExplained && !owner.IsAccepted(raw, input, ref _prompt))
            {
                _explained++;
                evidence.Add(owner.Describe(argument, raw, input));
            }
        }
    }
}
