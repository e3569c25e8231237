namespace AgentGuard.Mcp;

/// <content>Phrases that count only where the words around them say so.</content>
internal static partial class ToolDescriptionScanner
{
    /// <summary>What must hold around a phrase for it to count.</summary>
    internal enum PhraseCondition
    {
        /// <summary>The phrase counts wherever it stands.</summary>
        None,

        /// <summary>Only where <see cref="ToolDescriptionScanner.NotDenied"/> holds.</summary>
        Undenied,

        /// <summary>Only where <see cref="ToolDescriptionScanner.SentToAWrittenAddress"/> holds.</summary>
        WrittenAddress,

        /// <summary>Only where <see cref="ToolDescriptionScanner.UsersCardDataAsked"/> holds.</summary>
        UsersCardData,

        /// <summary>Only where <see cref="ToolDescriptionScanner.TiedToANamedTool"/> holds.</summary>
        AfterNamedTool,

        /// <summary>Only where <see cref="ToolDescriptionScanner.FeedsNoOtherTool"/> holds.</summary>
        NotFeedingOtherTools,

        /// <summary>Only where <see cref="ToolDescriptionScanner.ObligedToDisclose"/> holds.</summary>
        UnderObligation,

        /// <summary>Only where <see cref="ToolDescriptionScanner.BeforeMovingVerb"/> holds.</summary>
        BeforeMovingVerb,

        /// <summary>Only where <see cref="ToolDescriptionScanner.OpensALink"/> holds.</summary>
        AsLink,

        /// <summary>Only where <see cref="ToolDescriptionScanner.AddsARecipient"/> holds.</summary>
        AddedRecipient,

        /// <summary>Only where <see cref="ToolDescriptionScanner.AboutOtherServersTools"/> holds.</summary>
        OtherServersTools,

        /// <summary>Only where <see cref="ToolDescriptionScanner.AboveEverything"/> holds.</summary>
        AboveEverything,

        /// <summary>Only where <see cref="ToolDescriptionScanner.NamesATool"/> holds.</summary>
        NamesATool,

        /// <summary>Only where <see cref="ToolDescriptionScanner.SaidOfThisTool"/> holds.</summary>
        SaidOfThisTool,

        /// <summary>Only where <see cref="ToolDescriptionScanner.AsksForTheCallingModel"/> holds.</summary>
        CallingModel,

        /// <summary>Only where <see cref="ToolDescriptionScanner.KeptFromTheUser"/> holds.</summary>
        KeptFromUser,

        /// <summary>Only where <see cref="ToolDescriptionScanner.SentOutside"/> holds.</summary>
        SentOutside,

        /// <summary>Only where <see cref="ToolDescriptionScanner.ClaimedForAnAiMaker"/> holds.</summary>
        AiMakerAuthority,

        /// <summary>Only where <see cref="ToolDescriptionScanner.TakesASecret"/> holds.</summary>
        SecretTaken,

        /// <summary>Only where <see cref="ToolDescriptionScanner.CustomSchemeResource"/> holds.</summary>
        CustomScheme,

        /// <summary>Only where <see cref="ToolDescriptionScanner.PrivilegeSought"/> holds.</summary>
        Privilege,

        /// <summary>Only where <see cref="ToolDescriptionScanner.ControlFollows"/> holds.</summary>
        ControlBypassed,

        /// <summary>Only where <see cref="ToolDescriptionScanner.SafetySetAside"/> holds.</summary>
        SafetyAside,

        /// <summary>Only where <see cref="ToolDescriptionScanner.ProtectionSwitchedOff"/> holds.</summary>
        ProtectionOff,

        /// <summary>Only where <see cref="ToolDescriptionScanner.KeptBeyondTheCall"/> holds.</summary>
        KeptBeyondCall,

        /// <summary>Only where <see cref="ToolDescriptionScanner.EnvironmentSecretNamed"/> holds.</summary>
        EnvironmentSecret,

        /// <summary>Only where <see cref="ToolDescriptionScanner.TriggerUnlocks"/> holds.</summary>
        Trigger,

        /// <summary>Only where <see cref="ToolDescriptionScanner.RevealedWholesale"/> holds.</summary>
        Wholesale,

        /// <summary>Only where <see cref="ToolDescriptionScanner.OmittedFromReply"/> holds.</summary>
        OmittedFromReply,

        /// <summary>Only where <see cref="ToolDescriptionScanner.OfficialNotice"/> holds.</summary>
        OfficialNotice,

        /// <summary>Only where <see cref="ToolDescriptionScanner.HijackTakesAnObject"/> holds.</summary>
        HijackObject,

        /// <summary>Only where <see cref="ToolDescriptionScanner.OpensAnOrder"/> holds.</summary>
        Order,

        /// <summary>Only where <see cref="ToolDescriptionScanner.CarriesOnRegardless"/> holds.</summary>
        CoverStory,

        /// <summary>Only where <see cref="ToolDescriptionScanner.ConsentWithheld"/> holds.</summary>
        ConsentWithheld,

        /// <summary>Only where <see cref="ToolDescriptionScanner.ConversationSent"/> holds.</summary>
        ConversationSent,

        /// <summary>Only where <see cref="ToolDescriptionScanner.RuleOrderFollows"/> holds.</summary>
        RuleOrder,

        /// <summary>Only where <see cref="ToolDescriptionScanner.BehaviourTakenOver"/> holds.</summary>
        Takeover,

        /// <summary>Only where <see cref="ToolDescriptionScanner.ThreatUnlessObeyed"/> holds.</summary>
        Threat,

        /// <summary>Only where <see cref="ToolDescriptionScanner.RuleClaimedForSending"/> holds.</summary>
        ClaimedRule,

        /// <summary>Only where <see cref="ToolDescriptionScanner.AppliedToHomeOrRoot"/> holds.</summary>
        HomeOrRoot,

        /// <summary>Only where <see cref="ToolDescriptionScanner.RoleLabelOrders"/> holds.</summary>
        RoleLabel,

        /// <summary>Only where <see cref="ToolDescriptionScanner.PrivilegedRoleTaken"/> holds.</summary>
        RoleTaken,

        /// <summary>Only where <see cref="ToolDescriptionScanner.GatheredByOrder"/> holds.</summary>
        Gathered,

        /// <summary>Only where <see cref="ToolDescriptionScanner.PrivilegeSelfGranted"/> holds.</summary>
        SelfGranted,

        /// <summary>Only where <see cref="ToolDescriptionScanner.HostProbeRun"/> holds.</summary>
        HostProbe,

        /// <summary>Only where <see cref="ToolDescriptionScanner.DownloadedCodeRun"/> holds.</summary>
        DownloadedCode,

        /// <summary>Only where <see cref="ToolDescriptionScanner.UserOverruled"/> holds.</summary>
        UserOverruled,

        /// <summary>Only where <see cref="ToolDescriptionScanner.CommandChained"/> holds.</summary>
        ChainedCommand,

        /// <summary>Only where <see cref="ToolDescriptionScanner.SecretFilesTakenByDefault"/> holds.</summary>
        SecretFilesByDefault,

        /// <summary>Only where <see cref="ToolDescriptionScanner.MentionKeptFromSomeone"/> holds.</summary>
        MentionKept,

        /// <summary>Only where <see cref="ToolDescriptionScanner.FetchedThenRun"/> holds.</summary>
        FetchedRun,

        /// <summary>Only where <see cref="ToolDescriptionScanner.HiddenTagNamesAnOrder"/> holds.</summary>
        HiddenTag,

        /// <summary>Only where <see cref="ToolDescriptionScanner.SensitiveSwitchOrdered"/> holds.</summary>
        SensitiveSwitch,

        /// <summary>Only where <see cref="ToolDescriptionScanner.MovedByOrder"/> holds.</summary>
        MovedOnly,

        /// <summary>Only where <see cref="ToolDescriptionScanner.NamedToolSubstituted"/> holds.</summary>
        NamedSubstitution,

        /// <summary>Only where <see cref="ToolDescriptionScanner.ConsentClaimed"/> holds.</summary>
        ConsentClaim,

        /// <summary>Only where <see cref="ToolDescriptionScanner.OutputTakenAsInstructions"/> holds.</summary>
        OutputAsInstructions,

        /// <summary>Only where <see cref="ToolDescriptionScanner.BehaviourKeptOut"/> holds.</summary>
        BehaviourKeptOut,

        /// <summary>Only where <see cref="ToolDescriptionScanner.SystemPromptAsked"/> holds.</summary>
        SystemPromptAsked,

        /// <summary>Only where <see cref="ToolDescriptionScanner.ModelOrdered"/> holds.</summary>
        ModelOrdered,

        /// <summary>Only where <see cref="ToolDescriptionScanner.ScriptNotNamed"/> holds.</summary>
        ScriptNotNamed,
    }

    /// <summary>The condition of a phrase of the table (a method, not a field: the phrase table is built from it).</summary>
    internal static PhraseCondition ConditionOf(string phrase) => phrase switch
    {
        "before using" or "before calling" or "before invoking" => PhraseCondition.AfterNamedTool,
        "system prompt" => PhraseCondition.SystemPromptAsked,
        "the model must" => PhraseCondition.ModelOrdered,
        "<script" => PhraseCondition.ScriptNotNamed,
        "other tool" => PhraseCondition.NotFeedingOtherTools,
        _ when Array.IndexOf(DisclosedObjects, phrase) >= 0 => PhraseCondition.UnderObligation,
        "silently" or "quietly" or "stealthily" or "discreetly" or "invisibly" => PhraseCondition.BeforeMovingVerb,
        "javascript:" => PhraseCondition.AsLink,
        "bcc" => PhraseCondition.AddedRecipient,
        "other servers" or "other mcp server" or "other mcp servers" or "another mcp server" => PhraseCondition.OtherServersTools,
        "best tool" or "best server" or "best function" or "greatest tool" or "ultimate tool" or "finest tool" => PhraseCondition.AboveEverything,
        "world's best" or "world's greatest" => PhraseCondition.NamesATool,
        "best in the world" => PhraseCondition.SaidOfThisTool,
        "calls this tool" or "calling this tool" or "invokes this tool" or "invoking this tool" => PhraseCondition.CallingModel,
        _ when Array.IndexOf(TellingVerbs, phrase) >= 0 => PhraseCondition.KeptFromUser,
        _ when Array.IndexOf(OutsideDestinations, phrase) >= 0 => PhraseCondition.SentOutside,
        _ when Array.IndexOf(AuthorityClaims, phrase) >= 0 => PhraseCondition.AiMakerAuthority,
        _ when Array.IndexOf(TheftVerbs, phrase) >= 0 => PhraseCondition.SecretTaken,
        _ when Array.IndexOf(SecretResources, phrase) >= 0 => PhraseCondition.CustomScheme,
        _ when Array.IndexOf(Privileges, phrase) >= 0 => PhraseCondition.Privilege,
        _ when Array.IndexOf(BypassVerbs, phrase) >= 0 => PhraseCondition.ControlBypassed,
        _ when Array.IndexOf(SwitchingOffPhrases, phrase) >= 0 => PhraseCondition.ProtectionOff,
        _ when Array.IndexOf(KeepingPhrases, phrase) >= 0 => PhraseCondition.KeptBeyondCall,
        _ when Array.IndexOf(EnvironmentSecretPhrases, phrase) >= 0 => PhraseCondition.EnvironmentSecret,
        _ when Array.IndexOf(SafetySetAsidePhrases, phrase) >= 0 => PhraseCondition.SafetyAside,
        _ when Array.IndexOf(TriggerWords, phrase) >= 0 => PhraseCondition.Trigger,
        _ when Array.IndexOf(WholesaleSecrets, phrase) >= 0 => PhraseCondition.Wholesale,
        _ when Array.IndexOf(OmittingVerbs, phrase) >= 0 => PhraseCondition.OmittedFromReply,
        "official" => PhraseCondition.OfficialNotice,
        "do not mention" => PhraseCondition.MentionKept,
        "hijack" => PhraseCondition.HijackObject,
        _ when Array.IndexOf(PretenceOrders, phrase) >= 0 || Array.IndexOf(ControlsLiftedOrders, phrase) >= 0 || phrase == "instead of answering" => PhraseCondition.Order,
        _ when Array.IndexOf(CoverStories, phrase) >= 0 => PhraseCondition.CoverStory,
        _ when Array.IndexOf(ConsentWords, phrase) >= 0 => PhraseCondition.ConsentWithheld,
        _ when Array.IndexOf(ConversationRecords, phrase) >= 0 => PhraseCondition.ConversationSent,
        _ when Array.IndexOf(AuthorityMarkers, phrase) >= 0 => PhraseCondition.RuleOrder,
        _ when Array.IndexOf(TakeoverVerbs, phrase) >= 0 => PhraseCondition.Takeover,
        _ when Array.IndexOf(BreakingConsequences, phrase) >= 0 => PhraseCondition.Threat,
        _ when Array.IndexOf(ClaimedRules, phrase) >= 0 => PhraseCondition.ClaimedRule,
        _ when Array.IndexOf(RecursiveModeCommands, phrase) >= 0 => PhraseCondition.HomeOrRoot,
        _ when Array.IndexOf(RoleLabels, phrase) >= 0 => PhraseCondition.RoleLabel,
        _ when Array.IndexOf(RoleTakingVerbs, phrase) >= 0 => PhraseCondition.RoleTaken,
        _ when Array.IndexOf(BrowserSecrets, phrase) >= 0 || Array.IndexOf(HostDetails, phrase) >= 0 => PhraseCondition.Gathered,
        _ when Array.IndexOf(SelfTakers, phrase) >= 0 => PhraseCondition.SelfGranted,
        _ when Array.IndexOf(DownloadAndRunPhrases, phrase) >= 0 => PhraseCondition.DownloadedCode,
        _ when Array.IndexOf(OverrulingPhrases, phrase) >= 0 => PhraseCondition.UserOverruled,
        _ when Array.IndexOf(ChainingPhrases, phrase) >= 0 => PhraseCondition.ChainedCommand,
        _ when Array.IndexOf(DefaultOnMarkers, phrase) >= 0 => PhraseCondition.SecretFilesByDefault,
        _ when Array.IndexOf(SshKeys, phrase) >= 0 => PhraseCondition.MovedOnly,
        _ when Array.IndexOf(CodeFetchingVerbs, phrase) >= 0 => PhraseCondition.FetchedRun,
        _ when Array.IndexOf(HiddenTagOpenings, phrase) >= 0 => PhraseCondition.HiddenTag,
        _ when Array.IndexOf(SwitchSettingVerbs, phrase) >= 0 => PhraseCondition.SensitiveSwitch,
        _ when Array.IndexOf(OwnTerminals, phrase) >= 0 => PhraseCondition.HostProbe,
        _ when Array.IndexOf(SubstitutionPhrases, phrase) >= 0 => PhraseCondition.NamedSubstitution,
        _ when Array.IndexOf(ConsentClaimPhrases, phrase) >= 0 => PhraseCondition.ConsentClaim,
        _ when Array.IndexOf(InstructionRanks, phrase) >= 0 => PhraseCondition.OutputAsInstructions,
        _ when Array.IndexOf(KeptOutPhrases, phrase) >= 0 => PhraseCondition.BehaviourKeptOut,
        _ when Array.IndexOf(UnaskedPhrases, phrase) >= 0 => PhraseCondition.Undenied,
        _ when Array.IndexOf(HandedOverForms, phrase) >= 0 => PhraseCondition.WrittenAddress,
        _ when Array.IndexOf(CardSecrets, phrase) >= 0 => PhraseCondition.UsersCardData,
        _ => PhraseCondition.None,
    };

    /// <summary>True when the phrase at <paramref name="at"/>..<paramref name="end"/> counts under <paramref name="condition"/>.</summary>
    internal static bool Holds(PhraseCondition condition, ReadOnlySpan<char> text, int at, int end) => condition switch
    {
        PhraseCondition.AfterNamedTool => TiedToANamedTool(text, at, end),
        PhraseCondition.NotFeedingOtherTools => FeedsNoOtherTool(text, at),
        PhraseCondition.UnderObligation => ObligedToDisclose(text, at) || HandedOverBeforeUse(text, at, end) || ConversationSent(text, at, end) || MovedByOrder(text, at, end)
            || EnvironmentSecretNamed(text, at, end) || AnsweredWithASecret(text, at, end) || HandedForNoUse(text, at, end),
        PhraseCondition.BeforeMovingVerb => BeforeMovingVerb(text, end),
        PhraseCondition.AsLink => OpensALink(text, end),
        PhraseCondition.AddedRecipient => AddsARecipient(text, at, end),
        PhraseCondition.OtherServersTools => AboutOtherServersTools(text, at, end),
        PhraseCondition.AboveEverything => AboveEverything(text, end),
        PhraseCondition.NamesATool => NamesATool(text, end),
        PhraseCondition.SaidOfThisTool => SaidOfThisTool(text, at),
        PhraseCondition.CallingModel => AsksForTheCallingModel(text, at),
        PhraseCondition.KeptFromUser => KeptFromTheUser(text, at, end),
        PhraseCondition.MentionKept => MentionKeptFromSomeone(text, end),
        PhraseCondition.FetchedRun => FetchedThenRun(text, at, end),
        PhraseCondition.HiddenTag => HiddenTagNamesAnOrder(text, end),
        PhraseCondition.SensitiveSwitch => SensitiveSwitchOrdered(text, at, end),
        PhraseCondition.SentOutside => SentOutside(text, at, end),
        PhraseCondition.AiMakerAuthority => ClaimedForAnAiMaker(text, end),
        PhraseCondition.SecretTaken => TakesASecret(text, end),
        PhraseCondition.CustomScheme => CustomSchemeResource(text, at, end),
        PhraseCondition.Privilege => PrivilegeSought(text, at),
        PhraseCondition.ControlBypassed => (OpensAnOrder(text, at) && ControlFollows(text, end)) || ProtectionSwitchedOff(text, at, end),
        PhraseCondition.ProtectionOff => ProtectionSwitchedOff(text, at, end),
        PhraseCondition.KeptBeyondCall => KeptBeyondTheCall(text, at, end),
        PhraseCondition.EnvironmentSecret => EnvironmentSecretNamed(text, at, end),
        PhraseCondition.SafetyAside => OpensAnOrder(text, at) && SafetySetAside(text, end),
        PhraseCondition.Trigger => TriggerUnlocks(text, at, end),
        PhraseCondition.Wholesale => RevealedWholesale(text, at),
        PhraseCondition.OmittedFromReply => OmittedFromReply(text, end),
        PhraseCondition.OfficialNotice => OfficialNotice(text, at, end),
        PhraseCondition.HijackObject => HijackTakesAnObject(text, end),
        PhraseCondition.Order => OpensAnOrder(text, at),
        PhraseCondition.Undenied => NotDenied(text, at, end),
        PhraseCondition.WrittenAddress => SentToAWrittenAddress(text, at, end),
        PhraseCondition.UsersCardData => UsersCardDataAsked(text, at, end),
        PhraseCondition.CoverStory => CarriesOnRegardless(text, at),
        PhraseCondition.ConsentWithheld => ConsentWithheld(text, at, end),
        PhraseCondition.ConversationSent => ConversationSent(text, at, end),
        PhraseCondition.RuleOrder => RuleOrderFollows(text, end),
        PhraseCondition.Takeover => BehaviourTakenOver(text, end),
        PhraseCondition.Threat => ThreatUnlessObeyed(text, at, end),
        PhraseCondition.ClaimedRule => RuleClaimedForSending(text, at, end),
        PhraseCondition.HomeOrRoot => AppliedToHomeOrRoot(text, end),
        PhraseCondition.RoleLabel => RoleLabelOrders(text, at, end),
        PhraseCondition.RoleTaken => PrivilegedRoleTaken(text, at, end),
        PhraseCondition.Gathered => GatheredByOrder(text, at),
        PhraseCondition.SelfGranted => PrivilegeSelfGranted(text, at, end),
        PhraseCondition.DownloadedCode => DownloadedCodeRun(text, at, end),
        PhraseCondition.HostProbe => HostProbeRun(text, at, end),
        PhraseCondition.UserOverruled => UserOverruled(text, at, end),
        PhraseCondition.ChainedCommand => CommandChained(text, at, end),
        PhraseCondition.SecretFilesByDefault => SecretFilesTakenByDefault(text, at),
        PhraseCondition.MovedOnly => MovedByOrder(text, at, end),
        PhraseCondition.NamedSubstitution => NamedToolSubstituted(text, at, end),
        PhraseCondition.ConsentClaim => ConsentClaimed(text, at, end),
        PhraseCondition.OutputAsInstructions => OutputTakenAsInstructions(text, at, end),
        PhraseCondition.BehaviourKeptOut => BehaviourKeptOut(text, at, end),
        PhraseCondition.SystemPromptAsked => SystemPromptAsked(text, at, end),
        PhraseCondition.ModelOrdered => ModelOrdered(text, end),
        PhraseCondition.ScriptNotNamed => ScriptNotNamed(text, end),
        _ => true,
    };

    /// <summary>
    /// A scheme ending at <paramref name="end"/> ("javascript:") is a link's start: code follows it without a space
    /// ("javascript:alert(1)", <c>href="javascript:void(…)"</c>). The language named as a label ("JavaScript: .js files") is not.
    /// </summary>
    internal static bool OpensALink(ReadOnlySpan<char> text, int end) => end < text.Length && !char.IsWhiteSpace(text[end]);

    /// <summary>Words that make "hijack" an act on something ("Hijack all email", "hijacking the session").</summary>
    internal static readonly string[] HijackedObjects =
        ["the", "all", "any", "every", "each", "their", "your", "its", "this", "these", "those", "user", "users", "his", "her", "our", "my"];

    /// <summary>
    /// "hijack" (or "hijacks", "hijacking", "hijacked", read to the word's end from <paramref name="end"/>) takes an object: "Hijack all
    /// email communications", "hijacking the user's session". A network's event ("a BGP hijack event", "route leaks and
    /// hijacks", "the potential hijacker AS") hijacks nothing.
    /// </summary>
    internal static bool HijackTakesAnObject(ReadOnlySpan<char> text, int end)
    {
        var from = end;
        while (from < text.Length && char.IsLetter(text[from]))
        {
            from++;
        }

        var ending = text[end..from];
        return (ending.IsEmpty || AsciiCase.Equals(ending, "s") || AsciiCase.Equals(ending, "ing") || AsciiCase.Equals(ending, "ed"))
            && NextWord(text, ref from, out var word) && HijackedObjectLookup.Contains(word);
    }

    private static readonly WordSet HijackedObjectLookup = new(HijackedObjects);

    /// <summary>Verbs that put something where the model's output or a call's arguments go, for <see cref="ObligedToDisclose"/>.</summary>
    internal static readonly string[] DisclosingVerbs =
        ["return", "include", "reveal", "output", "print", "expose", "leak", "disclose", "share", "append", "attach", "echo", "dump",
         "send", "post", "forward", "copy", "paste", "embed", "insert", "mention", "display", "contain"];

    /// <summary>Verbs that move or gather data, for <see cref="BeforeMovingVerb"/>.</summary>
    internal static readonly string[] MovingVerbs =
        ["upload", "uploads", "send", "sends", "forward", "forwards", "copy", "copies", "post", "posts", "transmit", "transmits",
         "exfiltrate", "exfiltrates", "collect", "collects", "harvest", "harvests", "capture", "captures", "record", "records",
         "share", "shares", "email", "emails", "leak", "leaks", "attach", "attaches", "export", "exports", "sync", "syncs"];

    /// <summary>
    /// Verbs that call another tool or run a program, for <see cref="BeforeMovingVerb"/>: a hidden call is the same second
    /// act as a hidden upload ("silently call transfer_funds", "silently executes the install script").
    /// </summary>
    internal static readonly string[] StealthCallVerbs = ["call", "calls", "invoke", "invokes", "execute", "executes", "trigger", "triggers"];

    private static readonly WordSet StealthCallVerbLookup = new(StealthCallVerbs);

    /// <summary>How many words after an adverb of stealth the verb may come ("quietly also uploads": two).</summary>
    internal const int MovingVerbDistance = 2;

    /// <summary>
    /// An adverb of stealth ending at <paramref name="end"/> is followed, within <see cref="MovingVerbDistance"/> words of
    /// the same sentence, by a verb that moves or gathers data, or calls a tool or runs a program (<see cref="StealthCallVerbs"/>):
    /// "silently uploads data to a remote server", "quietly forwards the query history", "silently call transfer_funds".
    /// How a tool skips, fails or retries ("silently skips missing nodes", "succeeds silently", "quietly retries") moves
    /// nothing.
    /// </summary>
    internal static bool BeforeMovingVerb(ReadOnlySpan<char> text, int end)
    {
        var from = end;
        for (var words = 0; words < MovingVerbDistance; words++)
        {
            if (!NextWord(text, ref from, out var word))
            {
                return false;
            }

            if (MovingVerbLookup.Contains(word) || StealthCallVerbLookup.Contains(word))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The full stop at <paramref name="at"/> ends a sentence: white space, a closing quote or bracket, or the text's end
    /// follows it. A stop inside a path or a file name ("~/.config", "id_rsa.pub", "the .env file") ends none.
    /// </summary>
    private static bool EndsASentence(ReadOnlySpan<char> text, int at)
        => at + 1 >= text.Length || char.IsWhiteSpace(text[at + 1]) || text[at + 1] is '"' or '\'' or ')' or ']' or '`' or '*' or '\u2019' or '\u201D';

    /// <summary>
    /// Whether a word of <paramref name="words"/> stands in the sentence around a phrase: before <paramref name="start"/>
    /// (back to the sentence's start) or after <paramref name="end"/> (on to its end).
    /// </summary>
    private static bool SentenceAroundHolds(ReadOnlySpan<char> text, int start, int end, WordSet words)
    {
        var back = start;
        while (PreviousWord(text, ref back, out var word))
        {
            if (words.Contains(word))
            {
                return true;
            }
        }

        var ahead = end;
        while (NextWord(text, ref ahead, out var word))
        {
            if (words.Contains(word))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The word that starts after <paramref name="from"/> in the same sentence (letters; no '.', '!', '?', ';' or end of
    /// one of the tool's texts between, white space and commas allowed), moving <paramref name="from"/> to its end; false at the sentence's end.
    /// </summary>
    private static bool NextWord(ReadOnlySpan<char> text, ref int from, out ReadOnlySpan<char> word)
    {
        word = default;
        var s = from;
        while (s < text.Length && !char.IsLetter(text[s]))
        {
            if (text[s] is '!' or '?' or ';' or '\u2029' || (text[s] == '.' && EndsASentence(text, s)))
            {
                return false;
            }

            s++;
        }

        var e = s;
        while (e < text.Length && char.IsLetter(text[e]))
        {
            e++;
        }

        word = text[s..e];
        from = e;
        return e > s;
    }

    /// <summary>True when one of the next <paramref name="distance"/> words after <paramref name="from"/>, in the same sentence, is in <paramref name="words"/>.</summary>
    private static bool WordWithin(ReadOnlySpan<char> text, int from, int distance, WordSet words)
    {
        for (var count = 0; count < distance && NextWord(text, ref from, out var word); count++)
        {
            if (words.Contains(word))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Words that make the verb an obligation ("must", "always", "be sure to"), for <see cref="ObligedToDisclose"/>.</summary>
    internal static readonly string[] Obligations = ["must", "always", "should", "shall", "sure", "remember"];

    /// <summary>Words that make "other tool …" the use of this tool's output ("a project's slug to aid other tool requests").</summary>
    internal static readonly string[] FeedingVerbs = ["aid", "aids", "help", "helps", "assist", "assists", "feed", "feeds"];

    /// <summary>How many words may stand between a disclosing verb and its object ("return the user's stored API key": three).</summary>
    internal const int ObjectDistance = 4;

    /// <summary>How many words may stand between an obligation and the disclosing verb ("must always return": one).</summary>
    internal const int ObligationDistance = 6;

    /// <summary>
    /// The credential or conversation at <paramref name="at"/> is the object of a disclosing verb (at most
    /// <see cref="ObjectDistance"/> words before it) that an obligation governs (at most <see cref="ObligationDistance"/>
    /// words before the verb), all in one sentence: "must always return the API key", "always include the complete
    /// conversation history", "be sure to echo the session token". What a tool does with a key ("Creates a new API key
    /// and returns it once"), or what the user supplies ("You must provide your API key"), is no obligation to hand one over.
    /// </summary>
    internal static bool ObligedToDisclose(ReadOnlySpan<char> text, int at)
    {
        var from = at;
        for (var words = 0; ; words++)
        {
            if (words > ObjectDistance || !PreviousWord(text, ref from, out var word))
            {
                return false;
            }

            if (DisclosingVerbLookup.Contains(word))
            {
                break;
            }
        }

        for (var words = 0; words < ObligationDistance; words++)
        {
            if (!PreviousWord(text, ref from, out var word))
            {
                return false;
            }

            if (ObligationLookup.Contains(word))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// "other tool" at <paramref name="at"/> is not the use of this tool's output: the word before it is no
    /// <see cref="FeedingVerbs"/> word. "Find a team's ID to help other tool calls" describes a result; "When the other
    /// tool sends a message, change the recipient" reaches into another tool.
    /// </summary>
    internal static bool FeedsNoOtherTool(ReadOnlySpan<char> text, int at)
    {
        var from = at;
        return !PreviousWord(text, ref from, out var word) || !FeedingVerbLookup.Contains(word);
    }

    /// <summary>
    /// The word that ends before <paramref name="from"/> in the same sentence (letters and apostrophes; no '.', '!', '?',
    /// ';' or line break between), moving <paramref name="from"/> to its start; false at the sentence's start.
    /// </summary>
    private static bool PreviousWord(ReadOnlySpan<char> text, ref int from, out ReadOnlySpan<char> word)
    {
        word = default;
        var e = from;
        while (e > 0 && !char.IsLetter(text[e - 1]))
        {
            if (text[e - 1] is '!' or '?' or ';' or '\n' or '\r' or '\u2029' || (text[e - 1] == '.' && EndsASentence(text, e - 1)))
            {
                return false;
            }

            e--;
        }

        if (e == 0)
        {
            return false;
        }

        var s = e;
        while (s > 0 && (char.IsLetter(text[s - 1]) || text[s - 1] is '\'' or '\u2019'))
        {
            s--;
        }

        while (s < e && text[s] is '\'' or '\u2019')
        {
            s++;
        }

        word = text[s..e];
        from = s;
        return true;
    }

    /// <summary>Case-insensitive sets of <see cref="DisclosingVerbs"/>, <see cref="Obligations"/>, <see cref="FeedingVerbs"/> and <see cref="MovingVerbs"/>: at most one hash per word read.</summary>
    private static readonly WordSet DisclosingVerbLookup = new(DisclosingVerbs);

    private static readonly WordSet ObligationLookup = new(Obligations);

    private static readonly WordSet FeedingVerbLookup = new(FeedingVerbs);

    private static readonly WordSet MovingVerbLookup = new(MovingVerbs);
}
