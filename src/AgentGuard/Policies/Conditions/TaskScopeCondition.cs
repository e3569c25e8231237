using System.Text.Json;
using AgentGuard.Inference;
using AgentGuard.Provenance;

namespace AgentGuard.Policies;

/// <summary>
/// <c>When.OutsideTaskScope</c>: holds when the call is outside the session's task scope. With a host-supplied
/// <see cref="TaskScope"/>: the tool matches none of its globs, or a recipient-like argument holds a value it does not
/// list. Without one, the prompt-implied scope: a tool inferred to act on the world (a sink) is outside unless the
/// user's prompt names its action — the verb of its name or description, or an everyday synonym ("book" for
/// <c>reserve_hotel</c>, "payment" for <c>BankManagerPayBill</c>). Tools that only read are always inside (unless tagged
/// <c>destructive</c>); without a prompt, sinks are outside.
/// </summary>
internal sealed class TaskScopeCondition : Condition
{
    // A memo of the last prompt split into words, replaced whole (never mutated), so threads share it safely.
    private PromptWords? _lastPrompt;

    /// <summary>Everyday words for the same action: a prompt saying "book" implies a tool that reserves.</summary>
    private static readonly string[][] Synonyms =
    [
        ["send", "mail", "email", "message", "forward", "reply", "write", "tell", "share", "post", "notify", "invite"],
        ["pay", "payment", "transfer", "wire", "send", "deposit", "withdraw", "refund"],
        ["delete", "remove", "erase", "trash", "clear", "purge", "wipe", "drop", "destroy", "cancel", "discard", "empty", "uninstall"],
        ["terminate", "kill", "shutdown", "stop"],
        ["reserve", "book", "booking", "reservation"],
        ["create", "make", "add", "schedule", "setup", "plan", "arrange", "dispatch"],
        ["update", "change", "modify", "edit", "alter", "adjust", "amend", "set", "configure", "reset", "redirect", "move"],
        ["go", "move", "guide", "navigate", "drive", "send"],
        ["grant", "give", "share", "allow", "invite", "whitelist", "allowlist", "authorize", "permit"],
        ["unlock", "open"],
        ["place", "buy", "sell", "order", "purchase", "trade"],
        ["execute", "run", "exec", "eval"],
        ["fill", "autofill", "enter"],
        ["leave", "quit", "exit"],
        ["disable", "turn", "switch", "deactivate", "suspend"],
        ["approve", "accept", "confirm"],
        ["deploy", "release", "ship"],
        ["install", "setup"],
    ];

    /// <summary>The verbs of a tool that creates something (the synonym group of "create").</summary>
    internal static readonly string[] CreateWords = Array.Find(Synonyms, g => g[0] == "create")!;

    /// <summary>What a "manage" tool may be asked to do: change, create, delete, schedule, cancel.</summary>
    private static readonly string[] ManageWords =
        ["manage", "update", "change", "modify", "edit", "create", "add", "delete", "remove", "schedule", "cancel", "redirect", "reschedule", "return"];

    public override string Evidence => "outside the task scope";

    public override int Order => 3;

    public override bool ReadsArguments => true;

    public override bool IsMet(in EvaluationInput input)
    {
        var roles = input.CallRoles;
        if (input.Context.TaskScope is { } scope)
        {
            return !InHostScope(scope, input.Call, roles);
        }

        // A call tagged destructive (by configuration, the shell analyser or an MCP annotation) acts on the world
        // whatever its name says.
        if (!roles.IsSink && !input.Tags.Contains("destructive"))
        {
            return false;
        }

        // Without a prompt the scope cannot be told: the safe side is outside.
        if (input.Context.Prompt is not { Length: > 0 } prompt)
        {
            return true;
        }

        var words = WordsOf(prompt);
        return !PromptNames(words, roles.ActionWords) && !CreationRequests.AskFor(words, roles.ActionWords, input.Call.ToolName);
    }

    /// <summary>The prompt's words, split once per prompt: a session asks about the same prompt on every call.</summary>
    private string[] WordsOf(string prompt)
    {
        var last = Volatile.Read(ref _lastPrompt);
        if (last is not null && string.Equals(last.Prompt, prompt, StringComparison.Ordinal))
        {
            return last.Words;
        }

        var words = ToolRoleInference.Words(WithoutLinks(prompt).Replace("e-mail", "email", StringComparison.OrdinalIgnoreCase));
        Volatile.Write(ref _lastPrompt, new PromptWords(prompt, words));
        return words;
    }

    /// <summary>
    /// The prompt with its links and addresses blanked: a URL's path is not the user's verb (<c>blog.example/post</c>
    /// does not ask to post, <c>/delete-account-guide</c> does not ask to delete).
    /// </summary>
    internal static string WithoutLinks(string prompt)
    {
        if (!prompt.Contains("://", StringComparison.Ordinal) && !prompt.Contains("www.", StringComparison.OrdinalIgnoreCase) && !prompt.Contains('@'))
        {
            return prompt;
        }

        var text = prompt.ToCharArray();
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && !char.IsWhiteSpace(text[i]))
            {
                continue;
            }

            var token = prompt.AsSpan(start, i - start);
            if (token.Contains("://", StringComparison.Ordinal) || token.StartsWith("www.", StringComparison.OrdinalIgnoreCase) || token.Contains('@'))
            {
                text.AsSpan(start, i - start).Fill(' ');
            }

            start = i + 1;
        }

        return new string(text);
    }

    /// <summary>True when the prompt's <paramref name="words"/> name one of the tool's verbs or an everyday synonym (on a common stem); "manage" takes change, create, delete, schedule and the like.</summary>
    private static bool PromptNames(string[] words, string[] verbs)
    {
        foreach (var verb in verbs)
        {
            IEnumerable<string> accepted = verb == "manage"
                ? ManageWords
                : Synonyms.Where(g => g.Contains(verb)).SelectMany(g => g).Append(verb);
            foreach (var candidate in accepted)
            {
                for (var i = 0; i < words.Length; i++)
                {
                    if (words[i].Length >= 2 && Stem(words[i], candidate) && !IsContentNoun(words, i))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    /// <summary>Words that name what the user reads as often as an action: "the latest post", "my emails".</summary>
    private static readonly HashSet<string> ContentNouns = new(StringComparer.Ordinal)
    {
        "post", "posts", "message", "messages", "mail", "mails", "email", "emails", "tweet", "tweets", "reply", "replies", "invite", "invites",
    };

    /// <summary>What a noun follows and a verb does not: an article, a possessive, a demonstrative or a word such as "latest".</summary>
    private static readonly HashSet<string> Determiners = new(StringComparer.Ordinal)
    {
        "the", "a", "an", "this", "that", "these", "those", "my", "your", "our", "their", "his", "her", "its", "latest", "last",
        "recent", "new", "newest", "first", "next", "previous", "each", "every", "any", "some", "all", "unread",
    };

    /// <summary>
    /// True when the word at <paramref name="at"/> is one of <see cref="ContentNouns"/> and one of the two words before it
    /// is a determiner ("the latest post", "the blog post", "my emails"): the thing read, not the action asked for.
    /// </summary>
    private static bool IsContentNoun(string[] words, int at)
        => ContentNouns.Contains(words[at])
            && ((at >= 1 && Determiners.Contains(words[at - 1])) || (at >= 2 && Determiners.Contains(words[at - 2])));

    /// <summary>True when <paramref name="a"/> is <paramref name="b"/> or a form of it (a common stem of five letters, or <paramref name="b"/> whole at its start).</summary>
    internal static bool Stem(string a, string b)
    {
        var common = 0;
        while (common < a.Length && common < b.Length && a[common] == b[common])
        {
            common++;
        }

        // Whole short words ("go", "pay", "run") or a common stem of five letters ("reserv-ation", "transfer-s").
        return common == b.Length ? common == a.Length || b.Length >= 3 : common >= 5;
    }

    private static bool InHostScope(TaskScope scope, ToolCallEvent call, ToolRoles roles)
    {
        if (!scope.Tools.Any(t => !string.IsNullOrWhiteSpace(t) && Glob.Create(t).IsMatch(call.ToolName)))
        {
            return false;
        }

        if (scope.Values.Count == 0 || call.Arguments.IsMalformed)
        {
            return true;
        }

        var allowed = scope.Values.Select(ProvenanceValue.Parse).ToArray();
        var inside = true;
        foreach (var path in roles.Paths)
        {
            path.ForEach(call.Arguments.Root, allowed, (values, element) =>
            {
                inside &= Listed(values, element);
                return inside;
            });
        }

        return inside;
    }

    private static bool Listed(ProvenanceValue[] allowed, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
            case JsonValueKind.Number:
                var value = ProvenanceValue.Parse(element.ValueKind == JsonValueKind.String ? element.GetString() ?? string.Empty : element.GetRawText());
                return !value.HasSignal || allowed.Any(a => a.SameAs(value));
            case JsonValueKind.Array:
                return element.EnumerateArray().All(e => Listed(allowed, e));
            case JsonValueKind.Object:
                return element.EnumerateObject().All(p => Listed(allowed, p.Value));
            default:
                return true;
        }
    }

    private sealed record PromptWords(string Prompt, string[] Words);
}
