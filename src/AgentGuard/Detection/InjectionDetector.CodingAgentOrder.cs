using System.Buffers;

namespace AgentGuard;

/// <content>
/// An order to a coding agent planted in what it reads in a repository — a code comment, an issue, a README, a pull
/// request's description: an AI reader addressed by a comment tag (<c>TODO(ai):</c>), a mention (<c>@copilot</c>), a label or heading ("Agent:",
/// "Hint for AI code reviewers:"), a subject with a modal ("Coding assistants working on this repo must …") or a
/// conditional ("If an AI is reading this issue, …"), and handed an action on the repository, its secrets or the user's
/// things that no document has business ordering (<see cref="HarmfulActions"/>). Rules files written for agents by a
/// repository's owners order ordinary work ("must run the tests before committing") or forbid the harm ("must never push
/// to main"), and contributor guides address people: neither is an address to an AI reader with such an action.
/// </content>
internal sealed partial class InjectionDetector
{
    /// <summary>How far after the address the order is read: one line of a comment or an issue.</summary>
    private const int CodingOrderReach = 240;

    /// <summary>How far after a harmful verb its object is looked for.</summary>
    private const int HarmObjectReach = 100;

    /// <summary>The nouns of an AI reader, the first word of the address.</summary>
    private static readonly string[] CodingReaderNouns = ["ai", "ais", "agent", "agents", "assistant", "assistants", "llm", "llms", "copilot", "claude", "chatbot", "chatbots", "bot", "bots", "model", "models", "whoever"];

    /// <summary>Words that go on naming the reader after its first noun ("AI code reviewers", "coding agents").</summary>
    private static readonly string[] CodingReaderWords = ["ai", "coding", "code", "review", "reviewer", "reviewers", "assistant", "assistants", "agent", "agents", "bot", "bots", "tool", "tools", "model", "models", "llm", "llms", "helper", "helpers", "instructions", "instruction", "note", "notes", "task"];

    /// <summary>What an "automated" reader is called ("an automated reader of this file").</summary>
    private static readonly string[] AutomatedReaderNouns = ["reader", "readers", "system", "systems", "tool", "tools", "agent", "agents", "assistant", "assistants", "reviewer", "reviewers", "process", "processes", "bot", "bots", "parser", "parsers"];

    /// <summary>What the reader does to the text, naming it after its noun ("the assistant handling this ticket", "whoever triages this").</summary>
    private static readonly string[] ReaderActs =
    [
        "reading", "processing", "reviewing", "handling", "triaging", "parsing", "summarizing", "summarising", "analyzing", "analysing",
        "working", "looking", "assigned", "picking", "reads", "processes", "reviews", "handles", "triages", "parses", "picks", "works", "looks",
    ];

    /// <summary>A particle after a reader's act ("working on", "looking at").</summary>
    private static readonly string[] ReaderActParticles = ["on", "at", "up", "to", "through"];

    /// <summary>What points at the text the reader acts on ("this ticket", "the diff").</summary>
    private static readonly string[] ReaderActDeterminers = ["this", "the", "these", "that", "my", "our", "any"];

    /// <summary>Words allowed before a reader that opens its sentence as the subject ("All AI agents must …").</summary>
    private static readonly string[] CodingSubjectOpeners = ["a", "an", "all", "any", "every", "each", "the", "other", "automated", "coding", "code", "ai"];

    /// <summary>What binds the subject to its order ("… must turn off the hooks").</summary>
    private static readonly string[] CodingModals = [" must ", " should ", " need to ", " needs to ", " have to ", " has to ", " required to ", " expected to ", " asked to ", " instructed to ", " shall ", " are to ", " is to "];

    /// <summary>Words that deny the order before the verb in its clause ("must never push", "should not skip").</summary>
    private static readonly string[] Denials = ["not", "never", "no", "don't", "dont", "doesn't", "mustn't", "shouldn't", "cannot", "can't", "avoid"];

    /// <summary>
    /// Actions on a repository, its secrets or the user's things, each a set of verbs and the objects one of them must
    /// take within <see cref="HarmObjectReach"/> characters: secrets or the user's things sent, committed or printed,
    /// a force-push to the main branch, a merge or approval of the change at hand, an issue closed or relabelled, hooks,
    /// tests and checks switched off, tests marked skipped or findings dismissed as false positives, private repositories
    /// listed or posted, a download piped into a shell, access granted; and secrets read, then handed on in the same order.
    /// </summary>
    private static readonly (string[] Verbs, SearchValues<string> Objects)[] HarmfulActions =
    [
        Harm(["push", "commit", "upload", "send", "post", "copy", "paste", "share", "publish", "exfiltrate", "leak", "attach", "forward", "email", "reply", "print", "echo", "dump", "log", "output", "display", "cat", "write"],
            [".env", "secret", "credential", "token", "password", "api key", "private key", "ssh", "id_rsa", ".aws", ".npmrc", "environment variable", "env var", "printenv", "os.environ", "process.env", "cookie",
                "user's calendar", "user's contacts", "user's document", "user's files", "user's email", "user's e-mail", "user's inbox", "user's messages", "user's data", "user's tax", "user's bank", "user's ssh", "user's keys", "user's photos", "user's history", "user's personal", "user's private", "tax documents", "bank statements"]),
        Harm(["upload", "exfiltrate", "leak", "send", "post", "forward", "transfer", "share"], ["to http", "to ftp", "phone number", "attendee list", "contact list", "date of birth", "social security", "passport", "home address"]),
        Harm(["call", "use", "invoke", "run", "pass", "submit", "enter", "fill", "provide", "supply"], ["user's password", "user's saved password", "saved password", "stored password", "user's credentials", "saved credentials", "stored credentials", "user's card", "user's api key"]),
        Harm(["delete", "remove", "rm", "wipe", "erase", "drop", "truncate", "purge"], ["the tests", "test suite", ".git", "database", "backups", "the logs", "audit log", "the repository", "the repo", "every file", "all files"]),
        Harm(["force-push", "push"], ["to main", "to master", "to the main branch", "to the default branch", "to production", "--force", "straight to main", "directly to main", "directly to master"]),
        Harm(["merge", "approve", "accept"], ["without", "pull request", "this pr", "the pr", "merge request", "this change", "this patch", "this diff", " it "]),
        Harm(["close", "label", "lock", "retitle", "delete"], ["this issue", "the issue", " it ", " it.", " it,", "as invalid", "wontfix", "won't fix", "as duplicate", "as spam", "this pr", "this pull request", "the repository", "the repo"]),
        Harm(["disable", "skip", "bypass", "turn", "silence", "suppress", "deactivate"], ["hook", "pre-commit", "test", "check", " ci", "lint", "review", "verification", "signing", "protection", "skipped", "xfail"]),
        Harm(["run", "execute", "exec", "install", "paste", "use"], ["| bash", "| sh", "|bash", "|sh", "| sudo", "iex ", "invoke-expression"]),
        Harm(["mark"], ["skipped", "xfail", "as invalid", "as duplicate", "as spam", "wontfix", "won't fix", "as resolved", "as passing", "false positive", "as safe", "as benign"]),
        Harm(["label", "classify", "dismiss", "resolve", "flag", "report"], ["false positive", "as safe", "as benign", "not a vulnerability", "not a real issue"]),
        Harm(["list", "post", "share", "publish", "copy", "paste", "include", "summarize", "summarise", "write", "upload", "push", "send"], ["private repo", "private ones", "private project", "private files"]),
        Harm(["add", "invite", "grant", "give", "make"], ["collaborator", "as admin", "as an admin", "as maintainer", "as a maintainer", "write access", "admin access", "as owner", "deploy key", "ssh key", "permission"]),
    ];

    /// <summary>One entry of <see cref="HarmfulActions"/>: its verbs, and its objects searched for without regard to case.</summary>
    private static (string[] Verbs, SearchValues<string> Objects) Harm(string[] verbs, string[] objects)
        => (verbs, SearchValues.Create(objects, StringComparison.OrdinalIgnoreCase));

    /// <summary>At an AI noun or a to-do tag: an address to an AI reader, then an action no document has business ordering.</summary>
    private static void CodingAgentOrder(ReadOnlySpan<char> text, int at, Span<double> weights)
    {
        if (weights[(int)Marker.AddressedToAi] >= 0.6)
        {
            return;
        }

        var order = CodingReaderAddressed(text, at);
        if (order < 0)
        {
            return;
        }

        var region = text.Slice(order, Math.Min(CodingOrderReach, text.Length - order));
        var lineBreak = region.IndexOf('\n');
        if (OrdersHarm(lineBreak < 0 ? region : region[..lineBreak]))
        {
            Raise(weights, Marker.AddressedToAi, 0.6);
        }
    }

    /// <summary>
    /// Where the order begins when an AI reader is addressed at <paramref name="at"/>, or -1: after a to-do tag naming it
    /// (<c>TODO(ai):</c>), after a label or heading that ends with it ("Agent:", "Hint for AI code reviewers:"), after a
    /// conditional's comma ("If an AI is reading this issue, …"), after the modal of a sentence it opens as the subject.
    /// </summary>
    private static int CodingReaderAddressed(ReadOnlySpan<char> text, int at)
    {
        var i = at;
        if (text[at..].StartsWith("todo(", StringComparison.OrdinalIgnoreCase))
        {
            i = at + "todo(".Length;
            var tag = ReaderWord(text, ref i);
            return IsOneOf(tag, CodingReaderNouns) && i < text.Length && text[i] == ')' ? i + 1 : -1;
        }

        var noun = ReaderWord(text, ref i);
        if (at > 0 && text[at - 1] == '@')
        {
            // "@copilot …", "cc @claude: …": a mention calls the bot by its handle; the order follows the handle.
            while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '-' or '_' or '[' or ']'))
            {
                i++;
            }

            return noun.Length > 0 && IsOneOf(noun[..Math.Min(noun.Length, noun.IndexOf('-') is > 0 and var dash ? dash : noun.Length)], CodingReaderNouns) ? i : -1;
        }

        if (AsciiCase.Equals(noun, "automated") && i + 1 < text.Length && text[i] == ' ')
        {
            // "an automated reader of this file", "Automated systems processing this export": the noun follows.
            var next = i + 1;
            noun = ReaderWord(text, ref next);
            i = IsOneOf(noun, AutomatedReaderNouns) ? next : i;
            noun = IsOneOf(noun, AutomatedReaderNouns) ? "agent" : noun;
        }

        if (!IsOneOf(noun, CodingReaderNouns))
        {
            return -1;
        }

        for (var words = 0; words < 3 && i + 1 < text.Length && text[i] == ' '; words++)
        {
            var next = i + 1;
            if (!IsOneOf(ReaderWord(text, ref next), CodingReaderWords))
            {
                break;
            }

            i = next;
        }

        i = PastReaderAct(text, i);

        var lineStart = text[..at].LastIndexOf('\n') + 1;
        var before = text[lineStart..at];

        // "Title: Weekly sync. Description: assistant, …": a record's field on one line opens after the sentence before it.
        var fieldStart = before.LastIndexOf(". ");
        if (fieldStart >= 0 && before[(fieldStart + 2)..].TrimEnd().EndsWith(':'))
        {
            before = before[(fieldStart + 2)..];
        }
        var after = i;
        while (after < text.Length && text[after] == ' ')
        {
            after++;
        }

        // "(for the AI reviewer):": a parenthesis closes the label's reader before its colon.
        var closed = after;
        if (closed < text.Length && text[closed] == ')' && before.Contains('('))
        {
            closed++;
        }

        if (closed < text.Length && text[closed] == ':' && closed > after && before.Length <= 40 && before.IndexOfAny(".!?") < 0)
        {
            return closed + 1;
        }

        // A label or heading: "Agent:", "AI assistant, …", "Hint for AI code reviewers:" — a short opening of its line.
        if (after < text.Length && text[after] is ':' or ',' && before.Length <= 40 && before.IndexOfAny(".!?") < 0 && !EndsWithIfClause(before))
        {
            return after + 1;
        }

        // "If an AI is reading this issue, …": the order follows the conditional's comma.
        if (EndsWithIfClause(before))
        {
            var clause = text.Slice(after, Math.Min(80, text.Length - after));
            var comma = clause.IndexOfAny(",\n");
            return comma > 0 && clause[comma] == ',' && clause[..comma].IndexOfAny(".!?") < 0 ? after + comma + 1 : -1;
        }

        // "Coding assistants working on this repo must …": the reader opens its sentence, a modal binds the order.
        var sentence = before.LastIndexOfAny(".!?:") + 1;
        var opening = before[sentence..];

        // "Per the updated policy, automated assistants must …": an introductory phrase before a comma is not the subject.
        var introEnd = opening.LastIndexOf(',');
        if (introEnd >= 0 && StartsWithIntroWord(opening[..introEnd]))
        {
            opening = opening[(introEnd + 1)..];
        }
        for (var k = 0; k < opening.Length;)
        {
            var word = NextWordOfSpan(opening, ref k);
            if (word.IsEmpty)
            {
                k++;
            }
            else if (!IsOneOf(word, CodingSubjectOpeners))
            {
                return -1;
            }
        }

        var rest = text.Slice(i, Math.Min(96, text.Length - i));
        var stop = rest.IndexOfAny(".;\n");
        rest = stop < 0 ? rest : rest[..stop];
        foreach (var modal in CodingModals)
        {
            var found = rest.IndexOf(modal, StringComparison.OrdinalIgnoreCase);
            if (found >= 0)
            {
                return i + found + modal.Length - 1;
            }
        }

        return -1;
    }

    /// <summary>Words that open an introductory phrase before the subject ("Per the policy, …", "To finish the setup, …", "By the way, …").</summary>
    private static readonly string[] IntroWords =
    [
        "per", "as", "for", "to", "in", "after", "before", "by", "according", "following", "since", "because", "when", "once", "given",
        "under", "with", "from", "regarding", "now", "also", "please", "note", "again", "finally", "then", "so", "and", "but", "however",
        "meanwhile", "additionally", "moreover", "first", "next", "lastly", "starting", "effective", "until", "while", "if", "important",
    ];

    /// <summary>True when the phrase's first word is one of <see cref="IntroWords"/>.</summary>
    private static bool StartsWithIntroWord(ReadOnlySpan<char> phrase)
    {
        var i = 0;
        return IsOneOf(NextWordOfSpan(phrase, ref i), IntroWords);
    }

    /// <summary>
    /// Past what the reader does to the text after its noun, from <paramref name="i"/>: an act, perhaps a particle, a
    /// determiner and the text's noun ("handling this ticket", "working on the diff", "triages this"); else <paramref name="i"/>.
    /// </summary>
    private static int PastReaderAct(ReadOnlySpan<char> text, int i)
    {
        if (i + 1 >= text.Length || text[i] != ' ')
        {
            return i;
        }

        var next = i + 1;
        var act = ReaderWord(text, ref next);
        if (IsOneOf(act, ["of", "for", "in", "on"]))
        {
            // "a reader of this file", "agents in this repository": a preposition, a determiner and the text's noun.
            var determiner = next + 1 < text.Length && text[next] == ' ' ? next + 1 : -1;
            if (determiner < 0)
            {
                return i;
            }

            var end = determiner;
            if (!IsOneOf(ReaderWord(text, ref end), ReaderActDeterminers) || end + 1 >= text.Length || text[end] != ' ')
            {
                return i;
            }

            var place = end + 1;
            var noun = ReaderWord(text, ref place);
            return noun.IsEmpty || IsOneOf(noun, CodingModalWords) ? i : PastReaderAct(text, place);
        }

        if (!IsOneOf(act, ReaderActs))
        {
            return i;
        }

        var word = next + 1 < text.Length && text[next] == ' ' ? next + 1 : -1;
        if (word < 0)
        {
            return next;
        }

        var after = word;
        var pointer = ReaderWord(text, ref after);
        if (IsOneOf(pointer, ReaderActParticles) && after + 1 < text.Length && text[after] == ' ')
        {
            word = after + 1;
            after = word;
            pointer = ReaderWord(text, ref after);
        }

        if (!IsOneOf(pointer, ReaderActDeterminers))
        {
            return next;
        }

        // "this" may stand alone ("whoever triages this should …"); "the", "these" … name the text ("the diff").
        var named = after;
        if (named + 1 < text.Length && text[named] == ' ' && char.IsAsciiLetter(text[named + 1]))
        {
            var probe = named + 1;
            var noun = ReaderWord(text, ref probe);
            if (!IsOneOf(noun, CodingModalWords))
            {
                return probe;
            }
        }

        return after;
    }

    /// <summary>The first words of <see cref="CodingModals"/>: a modal after "this" is the order's, not the text's noun.</summary>
    private static readonly string[] CodingModalWords = ["must", "should", "need", "needs", "have", "has", "required", "expected", "asked", "instructed", "shall", "are", "is"];

    /// <summary>True when the line opening ends with "if a(n)/any/the" (the reader's noun follows).</summary>
    private static bool EndsWithIfClause(ReadOnlySpan<char> before)
    {
        before = before.TrimEnd();
        return before.EndsWith("if an", StringComparison.OrdinalIgnoreCase) || before.EndsWith("if a", StringComparison.OrdinalIgnoreCase)
            || before.EndsWith("if any", StringComparison.OrdinalIgnoreCase) || before.EndsWith("if the", StringComparison.OrdinalIgnoreCase)
            || before.EndsWith("if you are an", StringComparison.OrdinalIgnoreCase) || before.EndsWith("if you're an", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The word at <paramref name="i"/>: letters, digits and inner hyphens ("force-push"), moving past it.</summary>
    private static ReadOnlySpan<char> ReaderWord(ReadOnlySpan<char> text, scoped ref int i)
    {
        var start = i;
        while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || (text[i] is '-' or '\'' && i > start && i + 1 < text.Length && char.IsAsciiLetter(text[i + 1]))))
        {
            i++;
        }

        return text[start..i];
    }

    /// <summary>Words skipped before an order's verb ("also commit", "then quietly push", "please approve").</summary>
    private static readonly string[] OrderAdverbs = ["also", "just", "first", "then", "now", "next", "immediately", "quietly", "silently", "simply", "please", "kindly", "always", "finally", "go", "ahead"];

    /// <summary>Verbs that gather what a later verb of the same order hands on (<see cref="SecretHandingVerbs"/>).</summary>
    private static readonly string[] GatheringVerbs = ["read", "query", "select", "export", "collect", "gather", "retrieve", "fetch", "dump", "list", "extract", "grab", "get"];

    /// <summary>Secrets and private things that, gathered and then handed on by a text's order, leave their owner.</summary>
    private static readonly SearchValues<string> GatheredSecrets = SearchValues.Create(
        [".env", "secret", "credential", "token", "password", "api key", "api_key", "private key", "id_rsa", ".aws", ".npmrc", "private repo", "private ones", "private project"],
        StringComparison.OrdinalIgnoreCase);

    /// <summary>Verbs that hand on what was gathered: into a reply, a comment, an issue, a file that others read.</summary>
    private static readonly string[] SecretHandingVerbs = ["post", "add", "include", "copy", "paste", "put", "write", "share", "publish", "reply", "comment", "send", "attach", "upload", "append", "insert"];

    /// <summary>True when a word of <see cref="SecretHandingVerbs"/> follows in the same order (after "and", "then" or a comma).</summary>
    private static bool HandsOnLater(ReadOnlySpan<char> rest)
    {
        var end = rest.IndexOfAny(".;\n");
        rest = end < 0 ? rest : rest[..end];
        ReadOnlySpan<char> previous = default;
        for (var i = 0; i < rest.Length;)
        {
            if (!char.IsAsciiLetter(rest[i]))
            {
                i++;
                continue;
            }

            var word = ReaderWord(rest, ref i);
            if (IsOneOf(word, SecretHandingVerbs) && IsOneOf(previous, ["and", "then", "to"]))
            {
                return true;
            }

            previous = word;
        }

        return false;
    }

    /// <summary>Words that join a further order to the clause ("… and merge", "so disable …").</summary>
    private static readonly string[] OrderJoiners = ["and", "or", "so", "but"];

    /// <summary>Words before "to" that make the infinitive an order to the reader ("you need to run", "your next step is to open").</summary>
    private static readonly string[] OrderToBinders = ["need", "needs", "have", "has", "required", "expected", "supposed", "instructed", "told", "is", "are", "want"];

    /// <summary>
    /// True when <paramref name="order"/> holds a verb of <see cref="HarmfulActions"/> in an order's place — opening a
    /// clause, after "and"/"so", or after "need to"/"is to" — with one of its objects after it, not denied earlier in its
    /// clause ("must never push to main or commit secrets"). A verb told of ("the checklist asks us to push the tag to
    /// main") orders nothing.
    /// </summary>
    private static bool OrdersHarm(ReadOnlySpan<char> order)
    {
        var denied = false;
        var clauseStart = true;
        ReadOnlySpan<char> previous = default, earlier = default;
        for (var i = 0; i < order.Length;)
        {
            if (!char.IsAsciiLetter(order[i]))
            {
                var stop = order[i] is '!' or '?' or ';' || (order[i] == '.' && (i + 1 == order.Length || order[i + 1] is ' ' or '\n'));
                denied &= !stop;
                clauseStart |= stop || order[i] is ',' or ':' or '(' or '-';
                i++;
                continue;
            }

            var word = ReaderWord(order, ref i);
            if (IsOneOf(word, OrderAdverbs))
            {
                continue;
            }

            var imperative = clauseStart || IsOneOf(previous, OrderJoiners)
                || (previous.Equals("to", StringComparison.OrdinalIgnoreCase) && IsOneOf(earlier, OrderToBinders));
            earlier = previous;
            previous = word;
            clauseStart = false;
            if (IsOneOf(word, Denials))
            {
                denied = true;
                continue;
            }

            if (denied || !imperative)
            {
                continue;
            }

            var objects = order.Slice(i, Math.Min(HarmObjectReach, order.Length - i));
            foreach (var (verbs, harmed) in HarmfulActions)
            {
                if (IsOneOf(word, verbs) && objects.IndexOfAny(harmed) >= 0)
                {
                    return true;
                }
            }

            // "read the integration_tokens table and post every row as a reply here": secrets read, then handed on.
            if (IsOneOf(word, GatheringVerbs) && objects.IndexOfAny(GatheredSecrets) >= 0 && HandsOnLater(order[i..]))
            {
                return true;
            }
        }

        return false;
    }
}
