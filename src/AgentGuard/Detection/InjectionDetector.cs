using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace AgentGuard;

/// <summary>
/// The default <see cref="IInjectionDetector"/>: deterministic, weighted markers of instructions aimed at the model —
/// "ignore previous instructions", text addressed to the AI, fake system/role tags, hidden Unicode, instructions in
/// HTML comments and markdown images, exfiltration and tool-invocation instructions, secrecy towards the user. One
/// vectorized pass finds anchor words; each family's regex runs only at its anchors. The score combines the markers'
/// weights as independent evidence (1 − Π(1 − wᵢ)), so one strong marker or two medium ones cross the default 0.5.
/// </summary>
internal sealed partial class InjectionDetector : IInjectionDetector
{
    /// <summary>
    /// Anchors of at least three characters, lower case, none starting with a space (they are found at word starts and at
    /// the punctuation they start with, and indexed by their first two characters); a hit inside a word is skipped. Nouns that address the model
    /// (" ai ", "assistant", " llm") and objects of prompt leaks ("system prompt") are checked backwards for the
    /// greeting, "note to", "if you are" or verb that precedes them.
    /// </summary>
    private static readonly (string Anchor, Family Family)[] AnchorTable =
    [
        ("ignore", Family.Ignore), ("disregard", Family.Ignore), ("forget", Family.Ignore), ("override", Family.Ignore), ("bypass", Family.Ignore), ("skip ", Family.Ignore), ("neglect", Family.Ignore),
        ("you are now", Family.RoleChange), ("you are no longer", Family.RoleChange), ("you're now", Family.RoleChange), ("you're no longer", Family.RoleChange), ("from now on", Family.FromNowOn),
        ("top of your", Family.ReadersTask), ("addition to your", Family.ReadersTask), ("besides your", Family.ReadersTask), ("apart from your", Family.ReadersTask), ("aside from your", Family.ReadersTask), ("alongside your", Family.ReadersTask),
        ("your new", Family.NewTask), ("your real", Family.NewTask), ("your actual", Family.NewTask), ("your true", Family.NewTask), ("your primary", Family.NewTask), ("your only", Family.NewTask), ("your updated", Family.NewTask), ("your task", Family.NewTask), ("your goal", Family.NewTask), ("your objective", Family.NewTask), ("your mission", Family.NewTask), ("your purpose", Family.NewTask), ("your assignment", Family.NewTask), ("new goal", Family.NewTask), ("new objective", Family.NewTask), ("new task", Family.NewTask), ("new mission", Family.NewTask), ("new instruction", Family.NewTask), ("updated goal", Family.NewTask), ("updated objective", Family.NewTask), ("updated task", Family.NewTask), ("updated instruction", Family.NewTask), ("revised goal", Family.NewTask), ("revised task", Family.NewTask), ("revised instruction", Family.NewTask), ("changed goal", Family.NewTask),
        ("instruction", Family.NewInstructions),
        ("ai ", Family.AiNoun), ("ai,", Family.AiNoun), ("ai:", Family.AiNoun), ("ai.", Family.AiNoun), ("ai\n", Family.AiNoun), ("ais ", Family.AiNoun), ("ai_", Family.AiNoun), ("ai-", Family.AiNoun), ("aiinstruction", Family.AiNoun), ("aidirective", Family.AiNoun), ("ainote", Family.AiNoun),
        ("assistant", Family.AiNoun), ("assistent", Family.ForeignAssistant), ("asistente", Family.ForeignAssistant), ("ki,", Family.ForeignAssistant), ("ki:", Family.ForeignAssistant), ("ki!", Family.ForeignAssistant), ("ia,", Family.ForeignAssistant), ("ia:", Family.ForeignAssistant), ("ia!", Family.ForeignAssistant), ("a.i", Family.DottedAi), ("a. i", Family.DottedAi), ("k.i.", Family.ForeignAssistant), ("i.a.", Family.ForeignAssistant), ("model,", Family.GreetedModel), ("model:", Family.GreetedModel), ("model!", Family.GreetedModel), ("models,", Family.GreetedModel), ("models:", Family.GreetedModel), ("models!", Family.GreetedModel), ("llm", Family.AiNoun), ("language model", Family.AiNoun), ("agent", Family.AiNoun), ("chatbot", Family.AiNoun), ("copilot", Family.AiNoun), ("gpt", Family.AiNoun), ("claude", Family.AiNoun), ("automated", Family.AiNoun), ("chatgpt", Family.ReaderNamed), ("gemini", Family.ReaderNamed), ("summarizer", Family.ReaderNamed), ("summariser", Family.ReaderNamed), ("approved", Family.ConsentClaimed), ("authorized", Family.ConsentClaimed), ("authorised", Family.ConsentClaimed), ("consented", Family.ConsentClaimed), ("okayed", Family.ConsentClaimed), ("signed off", Family.ConsentClaimed), ("given permission", Family.ConsentClaimed), ("given consent", Family.ConsentClaimed), ("given their", Family.ConsentClaimed), ("given explicit", Family.ConsentClaimed), ("given full", Family.ConsentClaimed), ("given standing", Family.ConsentClaimed), ("given blanket", Family.ConsentClaimed), ("given advance", Family.ConsentClaimed), ("given prior", Family.ConsentClaimed), ("need to ask", Family.ConfirmationWaived), ("need to check", Family.ConfirmationWaived), ("need to confirm", Family.ConfirmationWaived), ("need to consult", Family.ConfirmationWaived), ("need to verify", Family.ConfirmationWaived), ("need to get", Family.ConfirmationWaived), ("without asking", Family.ConfirmationWaived), ("without checking", Family.ConfirmationWaived), ("without confirming", Family.ConfirmationWaived), ("without consulting", Family.ConfirmationWaived), ("without verifying", Family.ConfirmationWaived), ("without getting", Family.ConfirmationWaived), ("not ask", Family.ConfirmationWaived), ("don't ask", Family.ConfirmationWaived), ("never ask", Family.ConfirmationWaived), ("not check", Family.ConfirmationWaived), ("don't check", Family.ConfirmationWaived), ("not confirm", Family.ConfirmationWaived), ("don't confirm", Family.ConfirmationWaived), ("need to be", Family.ConfirmationWaived), ("need to run", Family.ConfirmationWaived), ("without running", Family.ConfirmationWaived), ("skip the user", Family.ConfirmationWaived), ("skip the customer", Family.ConfirmationWaived), ("skip the owner", Family.ConfirmationWaived), ("wait for the user", Family.ConfirmationWaived), ("wait for the customer", Family.ConfirmationWaived), ("wait for the owner", Family.ConfirmationWaived), ("no user confirmation", Family.ConfirmationWaived), ("no user approval", Family.ConfirmationWaived), ("no customer approval", Family.ConfirmationWaived), ("update to your", Family.RulesChanged), ("updates to your", Family.RulesChanged), ("change to your", Family.RulesChanged), ("changes to your", Family.RulesChanged), ("amendment to your", Family.RulesChanged), ("amendments to your", Family.RulesChanged), ("addition to your", Family.RulesChanged), ("additions to your", Family.RulesChanged), ("revision to your", Family.RulesChanged), ("correction to your", Family.RulesChanged), ("override to your", Family.RulesChanged), ("overrides to your", Family.RulesChanged), ("your guidelines", Family.RulesChanged), ("your instructions have", Family.RulesChanged), ("your rules have", Family.RulesChanged), ("your directives", Family.RulesChanged), ("your system prompt has", Family.RulesChanged), ("your prompt has", Family.RulesChanged), ("your configuration has", Family.RulesChanged), ("new guidelines for", Family.RulesChanged), ("updated guidelines for", Family.RulesChanged), ("new rules for", Family.RulesChanged), ("updated rules for", Family.RulesChanged), ("revised rules for", Family.RulesChanged), ("new instructions for", Family.RulesChanged), ("updated instructions for", Family.RulesChanged), ("revised instructions for", Family.RulesChanged), ("new directives for", Family.RulesChanged),
        ("important:", Family.Urgent), ("important!", Family.Urgent), ("urgent", Family.Urgent), ("you must", Family.Urgent), ("immediately", Family.Urgent),
        ("<system", Family.RoleTag), ("</system", Family.RoleTag), ("[inst]", Family.RoleTag), ("[/inst]", Family.RoleTag), ("<<sys>>", Family.RoleTag), ("### ", Family.RoleTag), ("[system", Family.RoleTag), ("system message:", Family.RoleTag), ("system prompt:", Family.RoleTag), ("<assistant>", Family.RoleTag), ("</user>", Family.RoleTag), ("<instructions>", Family.RoleTag), ("{{system", Family.RoleTag), ("system override", Family.RoleTag), ("admin override", Family.RoleTag), ("developer mode", Family.RoleTag), ("system:", Family.RoleTag),
        ("<!--", Family.HtmlComment),
        ("</email", Family.ContainerClose), ("</e-mail", Family.ContainerClose), ("</mail", Family.ContainerClose), ("</document", Family.ContainerClose), ("</context", Family.ContainerClose), ("</tool_", Family.ContainerClose), ("</function_", Family.ContainerClose), ("</search_result", Family.ContainerClose), ("</webpage", Family.ContainerClose), ("</web_page", Family.ContainerClose),
        ("[/email", Family.ContainerClose), ("[/e-mail", Family.ContainerClose), ("[/document", Family.ContainerClose), ("[/context", Family.ContainerClose), ("[end", Family.ContainerClose),
        ("display:none", Family.HiddenCss), ("hidden>", Family.HiddenCss), ("display: none", Family.HiddenCss), ("font-size:0", Family.HiddenCss), ("font-size: 0", Family.HiddenCss),
        ("send", Family.SendTo), ("forward", Family.SendTo), ("email", Family.SendTo), ("e-mail", Family.SendTo), ("post it", Family.SendTo), ("post the", Family.SendTo), ("post all", Family.SendTo), ("post them", Family.SendTo), ("post this", Family.SendTo), ("upload", Family.SendTo), ("transmit", Family.SendTo), ("exfiltrate", Family.SendTo), ("leak", Family.SendTo), ("copy", Family.SendTo), ("submit", Family.SendTo), ("share", Family.SendTo), ("relay", Family.SendTo), ("export", Family.SendTo), ("human:", Family.HumanTurn), ("speak ", Family.StandingOrder), ("talk ", Family.StandingOrder), ("append ", Family.StandingOrder), ("prepend ", Family.StandingOrder), ("add ", Family.StandingOrder), ("include ", Family.StandingOrder), ("sign ", Family.StandingOrder), ("end ", Family.StandingOrder), ("finish ", Family.StandingOrder), ("begin ", Family.StandingOrder), ("start ", Family.StandingOrder), ("deliver", Family.SendTo), ("convey", Family.SendTo), ("direct", Family.SendTo), ("channel", Family.SendTo), ("route", Family.SendTo), ("routing", Family.SendTo), ("dispatch", Family.SendTo), ("halt", Family.HaltedAnswer), ("terminate", Family.HaltedAnswer), ("cease", Family.HaltedAnswer), ("abort", Family.HaltedAnswer), ("stop ", Family.HaltedAnswer), ("restriction", Family.LiftedRestrictions), ("guardrail", Family.LiftedRestrictions), ("safeguard", Family.LiftedRestrictions), ("filter", Family.LiftedRestrictions), ("polic", Family.LiftedRestrictions), ("rules ", Family.LiftedRestrictions),
        ("include", Family.EmbedInUrl), ("append", Family.EmbedInUrl), ("add the", Family.EmbedInUrl), ("add it", Family.EmbedInUrl), ("add them", Family.EmbedInUrl), ("embed", Family.EmbedInUrl), ("encode", Family.EmbedInUrl), ("insert", Family.EmbedInUrl),
        ("call", Family.CallTool), ("use the", Family.CallTool), ("use your", Family.CallTool), ("invoke", Family.CallTool), ("run the", Family.CallTool), ("run this", Family.CallTool), ("execute", Family.CallTool), ("trigger", Family.CallTool), ("activate", Family.CallTool), ("eval", Family.CallTool),
        ("please", Family.Please), ("kindly", Family.Please), ("could you", Family.Question), ("can you", Family.Question), ("would you", Family.Question), ("will you", Family.Question),
        ("your response", Family.YourOutput), ("your reply", Family.YourOutput), ("your answer", Family.YourOutput), ("your output", Family.YourOutput), ("your code", Family.YourOutput), ("your solution", Family.YourOutput), ("your implementation", Family.YourOutput), ("your algorithm", Family.YourOutput), ("your summary", Family.YourOutput), ("your final", Family.YourOutput), ("your message", Family.YourOutput), ("your replies", Family.YourOutput), ("your responses", Family.YourOutput),
        ("adhere", Family.Follow), ("obey", Family.Follow), ("comply", Family.Follow), ("follow", Family.Follow), ("carry out", Family.Follow), ("perform the", Family.Follow),
        ("answer:", Family.FakeCompletion), ("task complete", Family.FakeCompletion), ("task is complete", Family.FakeCompletion), ("end of", Family.FakeCompletion),
        ("this is the", Family.Claims), ("this is your", Family.Claims), ("i am the", Family.Claims), ("i'm the", Family.Claims), ("message from", Family.Claims), ("instructions from", Family.Claims), ("request from", Family.Claims), ("note from", Family.Claims), ("the user", Family.Claims),
        ("before", Family.Ordering), ("instead of", Family.Ordering), ("instead", Family.WorkSwapped), ("rather than", Family.Ordering), ("first", Family.Ordering),
        ("while ", Family.AnswerClock), ("whilst ", Family.AnswerClock), ("when ", Family.AnswerClock), ("whenever ", Family.AnswerClock), ("prior to", Family.AnswerClock), ("as soon as", Family.AnswerClock), ("at the point", Family.AnswerClock), ("once you", Family.AnswerClock), ("if you begin", Family.AnswerClock), ("if you start", Family.AnswerClock), ("if you summari", Family.AnswerClock), ("if you describ", Family.AnswerClock), ("if you answer", Family.AnswerClock), ("if you respond", Family.AnswerClock), ("if you read", Family.AnswerClock), ("if you review", Family.AnswerClock), ("if you are asked", Family.AnswerClock), ("if you're asked", Family.AnswerClock), ("if asked", Family.AnswerClock), ("after reading", Family.AnswerClock), ("after processing", Family.AnswerClock), ("after receiving", Family.AnswerClock), ("after opening", Family.AnswerClock), ("after you", Family.AnswerClock), ("upon ", Family.AnswerClock), ("as you ", Family.AnswerClock),
        ("to complete", Family.AnswerClock), ("to finish", Family.AnswerClock), ("to finali", Family.AnswerClock), ("to conclude", Family.AnswerClock), ("to wrap up", Family.AnswerClock),
        ("before you", Family.Principal), ("after you", Family.Principal), ("from me", Family.Principal), ("it's me", Family.Principal),
        ("message from me", Family.Principal), ("note from me", Family.Principal),
        ("the task", Family.Principal), ("my task", Family.Principal), ("your task", Family.Principal), ("your current task", Family.Principal), ("your original", Family.Principal),
        ("###(", Family.RoleTag), ("##instruction", Family.RoleTag), ("##response", Family.RoleTag), ("todo", Family.ToDo),
        ("orders", Family.Orders), ("reply ", Family.ReplyManner), ("respond ", Family.ReplyManner), ("answer ", Family.ReplyManner),
        ("hypothetical", Family.Hypothetical), ("world where", Family.Hypothetical), ("universe where", Family.Hypothetical), ("scenario where", Family.Hypothetical),
        ("if asked", Family.Conditional), ("if questioned", Family.Conditional), ("if user", Family.Conditional), ("if the user", Family.Conditional), ("if a user", Family.Conditional), ("if any user", Family.Conditional), ("if someone", Family.Conditional), ("if anyone", Family.Conditional), ("if you are asked", Family.Conditional), ("if you're asked", Family.Conditional),
        ("assistant:", Family.FakeTurn), ("invisible to", Family.HiddenClaim), ("<instruction>", Family.RoleTag), ("[admin", Family.RoleTag),
        ("using", Family.CallTool), ("ignora", Family.Ignore), ("ignoriere", Family.Ignore), ("olvida", Family.Ignore), ("oubliez", Family.Ignore), ("vergiss", Family.Ignore), ("as your ", Family.ReaderOverruled), ("priority over", Family.ReaderOverruled), ("precedence over", Family.ReaderOverruled), ("what were you", Family.ReaderOverruled), ("act as a", Family.ReaderOverruled), ("act as dan", Family.ReaderOverruled), ("do anything now", Family.ReaderOverruled), ("unfiltered", Family.ReaderOverruled), ("uncensored", Family.ReaderOverruled), ("unrestricted", Family.ReaderOverruled), ("jailbroken", Family.ReaderOverruled), ("negeer", Family.IgnoreInAnotherTongue), ("vergeet", Family.IgnoreInAnotherTongue), ("zignoruj", Family.IgnoreInAnotherTongue), ("ignoruj", Family.IgnoreInAnotherTongue), ("zapomnij", Family.IgnoreInAnotherTongue), ("zabudni", Family.IgnoreInAnotherTongue), ("yok say", Family.IgnoreInAnotherTongue), ("abaikan", Family.IgnoreInAnotherTongue), ("lupakan", Family.IgnoreInAnotherTongue), ("ignorera", Family.IgnoreInAnotherTongue), ("ignorer ", Family.IgnoreInAnotherTongue), ("glem ", Family.IgnoreInAnotherTongue),
        ("let's", Family.Steering), ("let us", Family.Steering), ("suggest", Family.Steering), ("recommend", Family.Steering), ("advise", Family.Steering), ("por favor", Family.Please), ("per favore", Family.Please), ("veuillez", Family.Please), ("bitte", Family.Please),
        ("all ", Family.Ranked), ("every other", Family.Ranked), ("every previous", Family.Ranked), ("every prior", Family.Ranked), ("any other", Family.Ranked), ("any prior", Family.Ranked), ("any previous", Family.Ranked),
        ("previous and", Family.Ranked), ("previous or", Family.Ranked), ("prior and", Family.Ranked), ("prior or", Family.Ranked), ("preceding and", Family.Ranked), ("past and", Family.Ranked), ("earlier and", Family.Ranked),
        ("update:", Family.AuthorityNotice), ("notice:", Family.AuthorityNotice), ("alert:", Family.AuthorityNotice),
        ("iban", Family.PayeeChanged), ("bank details", Family.PayeeChanged), ("banking details", Family.PayeeChanged), ("account number", Family.PayeeChanged), ("account details", Family.PayeeChanged), ("payment details", Family.PayeeChanged), ("wire instructions", Family.PayeeChanged),
        ("gift card", Family.GiftCardCodes),
        ("id_rsa", Family.KeyFile), ("id_ed25519", Family.KeyFile), ("id_ecdsa", Family.KeyFile), ("id_dsa", Family.KeyFile), ("aws/credentials", Family.KeyFile),
        ("git-credentials", Family.KeyFile), ("netrc", Family.KeyFile), ("pgpass", Family.KeyFile), ("etc/shadow", Family.KeyFile), ("kube/config", Family.KeyFile),
        ("password manager export", Family.KeyFile), ("wallet.dat", Family.KeyFile),
        ("developer mode", Family.ModeUnlocked), ("dev mode", Family.ModeUnlocked), ("debug mode", Family.ModeUnlocked), ("god mode", Family.ModeUnlocked), ("maintenance mode", Family.ModeUnlocked), ("admin mode", Family.ModeUnlocked), ("sudo mode", Family.ModeUnlocked), ("dan mode", Family.ModeUnlocked), ("evil mode", Family.ModeUnlocked), ("jailbreak", Family.ModeUnlocked),
        ("unrestricted mode", Family.ModeUnlocked), ("unfiltered mode", Family.ModeUnlocked), ("uncensored mode", Family.ModeUnlocked), ("jailbroken mode", Family.ModeUnlocked), ("unlocked mode", Family.ModeUnlocked), ("no limits mode", Family.ModeUnlocked), ("no-limits mode", Family.ModeUnlocked),
        ("safety ", Family.ModeUnlocked), ("guardrail", Family.ModeUnlocked), ("censorship", Family.ModeUnlocked), ("content filter", Family.ModeUnlocked), ("content polic", Family.ModeUnlocked), ("ethical ", Family.ModeUnlocked), ("moral ", Family.ModeUnlocked), ("alignment ", Family.ModeUnlocked),
        ("without restriction", Family.ModeUnlocked), ("without any restriction", Family.ModeUnlocked), ("without filter", Family.ModeUnlocked), ("without any filter", Family.ModeUnlocked), ("without refus", Family.ModeUnlocked), ("without limit", Family.ModeUnlocked), ("without any limit", Family.ModeUnlocked),
        ("ask the user", Family.SecretAskedInChat), ("ask them", Family.SecretAskedInChat), ("ask the customer", Family.SecretAskedInChat), ("ask users", Family.SecretAskedInChat), ("ask customers", Family.SecretAskedInChat), ("prompt the user", Family.SecretAskedInChat), ("request the user", Family.SecretAskedInChat),
        ("every url", Family.CredentialInLinks), ("every link", Family.CredentialInLinks), ("every page", Family.CredentialInLinks), ("every request", Family.CredentialInLinks), ("every site", Family.CredentialInLinks), ("every outgoing", Family.CredentialInLinks), ("every web", Family.CredentialInLinks),
        ("each url", Family.CredentialInLinks), ("each link", Family.CredentialInLinks), ("each page", Family.CredentialInLinks), ("each request", Family.CredentialInLinks), ("each site", Family.CredentialInLinks), ("each outgoing", Family.CredentialInLinks), ("each web", Family.CredentialInLinks),
        ("all url", Family.CredentialInLinks), ("all link", Family.CredentialInLinks), ("all page", Family.CredentialInLinks), ("all request", Family.CredentialInLinks), ("all site", Family.CredentialInLinks), ("all outgoing", Family.CredentialInLinks), ("all web", Family.CredentialInLinks), ("any url", Family.CredentialInLinks), ("any link", Family.CredentialInLinks), ("any page", Family.CredentialInLinks),
        ("conversation}", Family.ConversationInUrl), ("conversation]", Family.ConversationInUrl), ("chat_history}", Family.ConversationInUrl), ("chat_history]", Family.ConversationInUrl), ("chathistory}", Family.ConversationInUrl), ("history}", Family.ConversationInUrl), ("history]", Family.ConversationInUrl), ("messages}", Family.ConversationInUrl), ("messages]", Family.ConversationInUrl), ("context}", Family.ConversationInUrl), ("context]", Family.ConversationInUrl), ("system_prompt}", Family.ConversationInUrl), ("system_prompt]", Family.ConversationInUrl), ("prompt}", Family.ConversationInUrl), ("prompt]", Family.ConversationInUrl), ("memory}", Family.ConversationInUrl), ("memory]", Family.ConversationInUrl), ("transcript}", Family.ConversationInUrl), ("transcript]", Family.ConversationInUrl), ("chat}", Family.ConversationInUrl), ("chat]", Family.ConversationInUrl),
        ("private repo", Family.PrivateDisclosed), ("private ones", Family.PrivateDisclosed), ("private project", Family.PrivateDisclosed), ("whoever", Family.CodingReader), ("model reading", Family.CodingReader), ("model processing", Family.CodingReader), ("model reviewing", Family.CodingReader), ("model handling", Family.CodingReader), ("models reading", Family.CodingReader), ("models processing", Family.CodingReader),
        ("shell=true", Family.UnsafeCode), ("shell = true", Family.UnsafeCode), ("shell: true", Family.UnsafeCode), ("os.system(", Family.UnsafeCode), ("os.popen(", Family.UnsafeCode), ("eval(", Family.UnsafeCode), ("exec(", Family.UnsafeCode), ("execsync(", Family.UnsafeCode), ("verify=false", Family.UnsafeCode), ("verify = false", Family.UnsafeCode), ("rejectunauthorized", Family.UnsafeCode), ("insecureskipverify", Family.UnsafeCode), ("node_tls_reject_unauthorized", Family.UnsafeCode), ("cert_none", Family.UnsafeCode), ("dangerouslysetinnerhtml", Family.UnsafeCode), ("pickle.load", Family.UnsafeCode), ("yaml.load(", Family.UnsafeCode), ("loader=yaml", Family.UnsafeCode), ("yaml.unsafe_load", Family.UnsafeCode), ("binaryformatter", Family.UnsafeCode), ("unserialize(", Family.UnsafeCode), ("marshal.load", Family.UnsafeCode), ("weights_only=false", Family.UnsafeCode), ("hardcode", Family.UnsafeCode), ("hard-code", Family.UnsafeCode), ("concatenat", Family.UnsafeCode), ("sanitiz", Family.UnsafeCode), ("sanitis", Family.UnsafeCode), ("safe_load", Family.UnsafeCode), ("parameteriz", Family.UnsafeCode), ("parametriz", Family.UnsafeCode),
        ("cancel", Family.Ignore), ("discard", Family.Ignore), ("abandon", Family.Ignore), ("scrap ", Family.Ignore), ("revoke", Family.Ignore), ("nullify", Family.Ignore), ("belay", Family.Ignore), ("drop ", Family.Ignore), ("void ", Family.Ignore), ("abort ", Family.Ignore),
        ("never mind", Family.InstructionSwapped), ("nevermind", Family.InstructionSwapped), ("changed my mind", Family.InstructionSwapped), ("change of plan", Family.InstructionSwapped), ("just kidding", Family.InstructionSwapped), ("scratch that", Family.InstructionSwapped), ("on second thought", Family.InstructionSwapped), ("actually do that", Family.InstructionSwapped),
        ("there is a change", Family.InstructionSwapped), ("there has been a change", Family.InstructionSwapped), ("results of this instruction", Family.InstructionSwapped), ("result of this instruction", Family.InstructionSwapped),
        ("discontinu", Family.AnswerStop), ("do not continue", Family.AnswerStop), ("do not proceed", Family.AnswerStop), ("do not provide", Family.AnswerStop), ("provide no ", Family.AnswerStop), ("no further", Family.AnswerStop), ("refuse to", Family.AnswerStop), ("end the repl", Family.AnswerStop), ("end the resp", Family.AnswerStop), ("end your repl", Family.AnswerStop), ("end your resp", Family.AnswerStop), ("decline to", Family.AnswerStop), ("do not output", Family.AnswerStop), ("avoid producing", Family.AnswerStop), ("refrain from", Family.AnswerStop), ("no response", Family.AnswerStop), ("no answer", Family.AnswerStop),
        ("simulat", Family.ActedFailure), ("emulat", Family.ActedFailure), ("imitat", Family.ActedFailure), ("act as if", Family.ActedFailure), ("act as though", Family.ActedFailure), ("behave as if", Family.ActedFailure), ("behave as though", Family.ActedFailure), ("pretend", Family.ActedFailure), ("feign", Family.ActedFailure), ("interrupt", Family.ActedFailure), ("mimic", Family.ActedFailure), ("replicat", Family.ActedFailure), ("portray", Family.ActedFailure),
        ("invit", Family.LinkForTheUser), ("encouraging", Family.LinkForTheUser), ("nudging", Family.LinkForTheUser), ("steering", Family.LinkForTheUser), ("guiding", Family.LinkForTheUser), ("reminding", Family.LinkForTheUser), ("informing", Family.LinkForTheUser), ("notifying", Family.LinkForTheUser), ("remind the reader", Family.LinkForTheUser), ("advising", Family.LinkForTheUser), ("telling", Family.LinkForTheUser), ("mention that", Family.LinkForTheUser), ("urging", Family.LinkForTheUser), ("prompt", Family.LinkForTheUser), ("instruct", Family.LinkForTheUser), ("request the", Family.LinkForTheUser), ("ask the", Family.LinkForTheUser), ("ask reader", Family.LinkForTheUser), ("ask user", Family.LinkForTheUser), ("recommendation", Family.LinkForTheUser),
        ("snippet", Family.HandedCode), ("code block", Family.HandedCode), ("code excerpt", Family.HandedCode), ("code section", Family.HandedCode), ("code segment", Family.HandedCode), ("code fragment", Family.HandedCode),
        ("hey ", Family.GreetedMachine), ("hi ", Family.GreetedMachine), ("hello ", Family.GreetedMachine), ("dear ", Family.GreetedMachine), ("attention ", Family.GreetedMachine), ("whoever", Family.WhoeverProcesses), ("whichever", Family.WhicheverReader), ("bot:", Family.ReaderByJob), ("bots:", Family.ReaderByJob), ("model ", Family.ReaderByJob), ("bot ", Family.ReaderByJob), ("for the ai", Family.ReaderOnlyNote), ("for ai", Family.ReaderOnlyNote), ("ai only", Family.ReaderOnlyNote), ("ai-only", Family.ReaderOnlyNote), ("for the model", Family.ReaderOnlyNote), ("for the assistant", Family.ReaderOnlyNote), ("for the llm", Family.ReaderOnlyNote), ("llm-only", Family.ReaderOnlyNote), ("for llms", Family.ReaderOnlyNote), ("for ais", Family.ReaderOnlyNote), ("for the llms", Family.ReaderOnlyNote), ("for models", Family.ReaderOnlyNote), ("for autonomous", Family.ReaderOnlyNote), ("model summarizing", Family.ModelReading), ("model summarising", Family.ModelReading), ("model reading", Family.ModelReading), ("model processing", Family.ModelReading), ("model handling", Family.ModelReading), ("model reviewing", Family.ModelReading), ("model analyzing", Family.ModelReading), ("model analysing", Family.ModelReading), ("model answering", Family.ModelReading), ("model parsing", Family.ModelReading),
        ("any bot", Family.MachineSubject), ("every bot", Family.MachineSubject), ("all bots", Family.MachineSubject), ("any model", Family.MachineSubject), ("every model", Family.MachineSubject), ("all models", Family.MachineSubject), ("any ai", Family.MachineSubject), ("every ai", Family.MachineSubject), ("all ai", Family.MachineSubject), ("any agent", Family.MachineSubject), ("every agent", Family.MachineSubject), ("all agents", Family.MachineSubject), ("any assistant", Family.MachineSubject), ("any llm", Family.MachineSubject), ("any chatbot", Family.MachineSubject),
        ("everything else", Family.Ranked), ("the rest", Family.Ranked), ("the others", Family.Ranked), ("no other", Family.Ranked),
        ("memory", Family.PlantedMemory), ("memories", Family.PlantedMemory), ("memorize", Family.PlantedMemory), ("memorise", Family.PlantedMemory), ("future conversation", Family.PlantedMemory), ("future session", Family.PlantedMemory), ("future chat", Family.PlantedMemory), ("future interaction", Family.PlantedMemory),
        ("insert a", Family.PlantedRemark), ("interject", Family.PlantedRemark), ("incorporate", Family.PlantedRemark), ("weave", Family.PlantedRemark), ("slip ", Family.PlantedRemark), ("append a", Family.PlantedRemark), ("conclude by", Family.PlantedRemark), ("include a", Family.PlantedRemark), ("add a", Family.PlantedRemark), ("drop in", Family.PlantedRemark),
        ("malicious", Family.VouchedVerdict), ("harmless", Family.VouchedVerdict), ("legitimate", Family.VouchedVerdict), ("trustworthy", Family.VouchedVerdict), ("is safe", Family.VouchedVerdict), ("are safe", Family.VouchedVerdict),
        ("apply the", Family.AppliedBlock), ("apply this", Family.AppliedBlock), ("execute the", Family.AppliedBlock), ("execute this", Family.AppliedBlock), ("enforce the", Family.AppliedBlock),
        ("casually", Family.PlantedRemark), ("discreetly", Family.PlantedRemark), ("subtly", Family.PlantedRemark), ("in passing", Family.PlantedRemark), ("smoothly", Family.PlantedRemark), ("seamlessly", Family.PlantedRemark), ("tactfully", Family.PlantedRemark),
        ("api key", Family.HandedSecret), ("api-key", Family.HandedSecret), ("apikey", Family.HandedSecret), ("credential", Family.HandedSecret), ("password", Family.HandedSecret), ("passphrase", Family.HandedSecret),
        ("token", Family.HandedSecret), ("secret key", Family.HandedSecret), ("private key", Family.HandedSecret), ("ssh key", Family.HandedSecret), ("seed phrase", Family.HandedSecret), ("recovery phrase", Family.HandedSecret),
        ("task", Family.Heralded), ("assignment", Family.Heralded), ("steps", Family.Heralded), ("action", Family.Heralded), ("undertaking", Family.Heralded), ("command", Family.Heralded), ("imperative", Family.Heralded),
        ("what follows", Family.Heralded), ("what comes next", Family.Heralded), ("what lies ahead", Family.Heralded), ("what's next", Family.Heralded), ("what is next", Family.Heralded), ("next part", Family.Heralded), ("next section", Family.Heralded), ("next segment", Family.Heralded), ("next set", Family.Heralded), ("about to ", Family.Heralded), ("the following is", Family.Heralded), ("directions", Family.Heralded),
        ("directive", Family.Announced), ("guideline", Family.Announced), ("guidance", Family.Announced), ("mandate", Family.Announced), ("protocol", Family.Announced), ("procedure", Family.Announced), ("advisor", Family.Announced), ("prescription", Family.Announced),
        ("do not", Family.Secrecy), ("don't", Family.Secrecy), ("dont ", Family.Secrecy), ("never", Family.Secrecy), ("without", Family.Secrecy), ("not mention", Family.Secrecy), ("not tell", Family.Secrecy), ("keep this", Family.Secrecy), ("keep it ", Family.Secrecy),
        ("output only", Family.CannedReply), ("output exactly", Family.CannedReply), ("say only", Family.CannedReply), ("say exactly", Family.CannedReply), ("print only", Family.CannedReply), ("print exactly", Family.CannedReply), ("output solely", Family.CannedReply), ("say solely", Family.CannedReply), ("print solely", Family.CannedReply), ("output exclusively", Family.CannedReply), ("output verbatim", Family.CannedReply), ("display only", Family.CannedReply), ("display solely", Family.CannedReply), ("display exclusively", Family.CannedReply), ("return only", Family.CannedReply), ("return solely", Family.CannedReply), ("emit only", Family.CannedReply), ("show only", Family.CannedReply), ("issue only", Family.CannedReply), ("issue solely", Family.CannedReply), ("print exclusively", Family.CannedReply), ("return exclusively", Family.CannedReply), ("deliver only", Family.CannedReply), ("produce only", Family.CannedReply), ("generate only", Family.CannedReply),
        ("output specifically", Family.CannedReply), ("output the exact", Family.CannedReply), ("say the exact", Family.CannedReply), ("reply using the", Family.CannedReply), ("respond using the", Family.CannedReply), ("reply with the exact", Family.CannedReply), ("respond with the exact", Family.CannedReply), ("reply with the full", Family.CannedReply), ("respond with the full", Family.CannedReply), ("the reply", Family.CannedReply), ("the response", Family.CannedReply), ("the output", Family.CannedReply), ("the answer", Family.CannedReply), ("match your", Family.CannedReply), ("match the", Family.CannedReply), ("ensure the", Family.CannedReply), ("ensure your", Family.CannedReply), ("ensure that", Family.CannedReply), ("make sure", Family.CannedReply), ("provide just", Family.CannedReply), ("provide only", Family.CannedReply), ("give just", Family.CannedReply), ("give only", Family.CannedReply), ("use just", Family.CannedReply), ("use only", Family.CannedReply), ("use the words", Family.CannedReply), ("use the exact", Family.CannedReply), ("use the phrase", Family.CannedReply), ("use the string", Family.CannedReply), ("deliver the", Family.CannedReply),
        ("tell the user", Family.TellTheUser), ("tell user", Family.TellTheUser), ("tell all user", Family.TellTheUser), ("inform the user", Family.TellTheUser), ("inform user", Family.TellTheUser), ("inform all user", Family.TellTheUser),
        ("notify the user", Family.TellTheUser), ("notify user", Family.TellTheUser), ("warn the user", Family.TellTheUser), ("warn user", Family.TellTheUser), ("remind the user", Family.TellTheUser), ("remind user", Family.TellTheUser), ("tell readers", Family.TellTheUser), ("tell the reader", Family.TellTheUser), ("inform readers", Family.TellTheUser), ("inform the reader", Family.TellTheUser), ("direct readers", Family.TellTheUser), ("direct the reader", Family.TellTheUser), ("direct users", Family.TellTheUser), ("direct the user", Family.TellTheUser), ("remind readers", Family.TellTheUser), ("warn readers", Family.TellTheUser), ("tell visitors", Family.TellTheUser), ("direct visitors", Family.TellTheUser),
        ("let the user", Family.TellTheUser), ("let users", Family.TellTheUser), ("let all user", Family.TellTheUser), ("let your user", Family.TellTheUser), ("urge", Family.TellTheUser), ("alert the user", Family.TellTheUser), ("alert user", Family.TellTheUser), ("alert all user", Family.TellTheUser), ("encourage", Family.TellTheUser), ("convince", Family.TellTheUser), ("persuade", Family.TellTheUser), ("instruct the user", Family.TellTheUser), ("instruct user", Family.TellTheUser), ("instruct all user", Family.TellTheUser),
        ("system instructions", Family.PromptObject), ("instructions you", Family.PromptObject),
        ("system prompt", Family.PromptObject), ("system message", Family.PromptObject), ("your instructions", Family.PromptObject), ("your prompt", Family.PromptObject), ("your rules", Family.PromptObject), ("initial prompt", Family.PromptObject), ("initial instructions", Family.PromptObject), ("hidden prompt", Family.PromptObject), ("original instructions", Family.PromptObject), ("hidden instructions", Family.PromptObject), ("your config", Family.OwnSetting), ("your current config", Family.OwnSetting), ("your full config", Family.OwnSetting), ("your entire config", Family.OwnSetting), ("your complete config", Family.OwnSetting), ("your internal config", Family.OwnSetting), ("your system config", Family.OwnSetting), ("your exact config", Family.OwnSetting), ("your whole config", Family.OwnSetting), ("your active config", Family.OwnSetting), ("your own config", Family.OwnSetting), ("your hidden config", Family.OwnSetting), ("your model config", Family.OwnSetting), ("your entire system config", Family.OwnSetting), ("your full system config", Family.OwnSetting), ("your current system config", Family.OwnSetting), ("your complete system config", Family.OwnSetting), ("your id", Family.OwnSetting), ("your unique id", Family.OwnSetting), ("your internal id", Family.OwnSetting), ("your own id", Family.OwnSetting),
        ("repeat ", Family.ReadersSetting), ("recite ", Family.ReadersSetting), ("reveal the", Family.ReadersSetting), ("reveal all", Family.ReadersSetting), ("reveal everything", Family.ReadersSetting), ("print the", Family.ReadersSetting), ("print all", Family.ReadersSetting), ("print everything", Family.ReadersSetting), ("output the", Family.ReadersSetting), ("output all", Family.ReadersSetting), ("output everything", Family.ReadersSetting), ("display the", Family.ReadersSetting), ("write out", Family.ReadersSetting), ("show me", Family.ReadersSetting), ("show the", Family.ReadersSetting), ("show all", Family.ReadersSetting), ("show everything", Family.ReadersSetting), ("go line by line", Family.ReadersSetting), ("go word by word", Family.ReadersSetting), ("what's the", Family.ReadersSetting), ("what is the", Family.ReadersSetting), ("what are the", Family.ReadersSetting), ("what was the", Family.ReadersSetting), ("what were the", Family.ReadersSetting), ("what's your", Family.ReadersSetting), ("what is your", Family.ReadersSetting), ("what are your", Family.ReadersSetting), ("what was your", Family.ReadersSetting), ("what were your", Family.ReadersSetting), ("you are ", Family.ReadersSetting), ("if you are told", Family.ReadersSetting), ("if you are asked", Family.ReadersSetting), ("if you are instructed", Family.ReadersSetting), ("if you are requested", Family.ReadersSetting), ("if you are prompted", Family.ReadersSetting), ("if you are tasked", Family.ReadersSetting), ("if you're ", Family.ReadersSetting), ("when you are ", Family.ReadersSetting), ("whenever you are ", Family.ReadersSetting), ("regardless of", Family.ReadersSetting), ("irrespective of", Family.ReadersSetting), ("notwithstanding", Family.ReadersSetting),
    ];

    /// <summary>The first characters of anchors that do not start with a letter ('&lt;', '[', '#', '{'), and '!' of a markdown image: candidates wherever they occur.</summary>
    private static readonly string NonLetterStartsAndBang = new([.. AnchorTable.Select(a => a.Anchor[0]).Where(c => !char.IsAsciiLetter(c)).Append('<').Append('!').Distinct()]);

    /// <summary>
    /// Anchors by (lower-case first letter, lower-case second character): a word start is compared only with the anchors
    /// that begin with its first two characters (usually none, at most a handful).
    /// </summary>
    private static readonly PairTable<AnchorEntry> ByPair = BuildPairs();

    /// <summary>The first four characters of every anchor: most word starts of prose end with this one lookup.</summary>
    private static readonly PhrasePrefilter Prefilter = new(AnchorTable.Select(a => a.Anchor));

    /// <summary>Anchors grouped by lower-case first character, so a hit is dispatched with a handful of comparisons.</summary>
    private static readonly AnchorEntry[][] ByFirstChar = BuildDispatch();

    /// <summary>
    /// Zero-width, joiner (counted between ASCII characters only), interlinear-annotation, bidi-control, variation-selector
    /// (U+FE00..U+FE0F) and tag-character or supplementary variation-selector (high surrogate of U+E0000..U+E01EF) code
    /// units, and the first characters of "ignore" in Japanese and Chinese (<see cref="IgnoreInCjk"/>).
    /// </summary>
    private static readonly SearchValues<char> Hidden = SearchValues.Create("\u200B\u200C\u200D\uFFF9\uFFFA\uFFFB\u2060\u2061\u2062\u2063\u2064\uFEFF\u180E\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\uDB40\u7121\u5FFD\uFE00\uFE01\uFE02\uFE03\uFE04\uFE05\uFE06\uFE07\uFE08\uFE09\uFE0A\uFE0B\uFE0C\uFE0D\uFE0E\uFE0F");

    private static readonly SearchValues<char> TemplateTokenChars = SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_");
    private static readonly SearchValues<char> TemplateChars = SearchValues.Create("{}$<[");

    /// <summary>What an exfiltration instruction sends to; without one nearby, "send" is just a verb.</summary>
    private static readonly SearchValues<string> SendTargets = SearchValues.Create(["http", "ftp://", "www.", "url", "endpoint", "webhook", "server", "address", "inbox", "domain", "site", "link"], StringComparison.OrdinalIgnoreCase);

    /// <summary>Sensitive objects that turn "send … to https://…" into an exfiltration instruction.</summary>
    private static readonly string[] SensitiveObjects =
        ["password", "credential", "api key", "api_key", "api-key", "apikey", "secret", "token", "conversation", "chat history", "system prompt", "previous messages", "the user's", "the users", "contact", "inbox", "ssh", "private", "confidential", ".env", "all of the", "all the", "all your", "all their", "all emails", "all files", "all messages", "all documents", "all data", "all records", "contents", "content of", "entire", "full history", "full conversation", "full list", "database", "customer data", "customer list", "customer records", "session", "cookie", "internal", "2fa", "codes", "security code", "verification code", "one-time", "passcode", "login code", "recovery code", "backup code", "access code", "reset link"];

    /// <summary>
    /// <see cref="SensitiveObjects"/> by lower-case first character: a send match is a few dozen characters, where one
    /// multi-string search over 45 strings costs far more than a lookup per position.
    /// </summary>
    private static readonly string[][] SensitiveByFirstChar = [.. Enumerable.Range(0, 128).Select(c => SensitiveObjects.Where(o => o[0] == c).ToArray())];

    /// <summary>The first two characters of every <see cref="SensitiveObjects"/> entry.</summary>
    private static readonly AsciiPairs SensitivePairs = new(SensitiveObjects);

    /// <summary>
    /// What a tool-invocation instruction names (besides a snake_case name: "_" is searched for on its own, as a
    /// one-character string slows the multi-string search).
    /// </summary>
    private static readonly string[] ToolNounList = ["tool", "function", "command", "action", "plugin", "api", "endpoint", "skill", "capabilit", "code", "script", "payload"];

    /// <summary><see cref="ToolNounList"/> by lower-case first character: a word is compared only with the nouns it can start with.</summary>
    private static readonly string[][] ToolNounsByFirstChar = [.. Enumerable.Range(0, 128).Select(c => ToolNounList.Where(n => n[0] == c).ToArray())];

    private static readonly SearchValues<string> ToolNounWords = SearchValues.Create(ToolNounList, StringComparison.OrdinalIgnoreCase);

    /// <summary>Where an embedding instruction puts data.</summary>
    private static readonly SearchValues<string> UrlNouns = SearchValues.Create(["url", "link", "query", "image", "request"], StringComparison.OrdinalIgnoreCase);

    private static readonly SearchValues<char> SentenceEnds = SearchValues.Create("\n!?;");

    private static readonly string[] StrongQualifiers = ["previous", "prior", "above", "earlier", "preceding", "all", "your", "system", "initial", "original", "safety", "any", "existing", "developer", "default", "given"];

    public InjectionAssessment Assess(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var none = default(NoReader);
        return Assess(text, ref none);
    }

    /// <summary>
    /// The characters besides word starts at which the detector's walk stops (a second reader's
    /// <see cref="IWordStartReader.WalkCharacters"/> must include them).
    /// </summary>
    internal static string WalkCharacters => NonLetterStartsAndBang;

    /// <summary>Every anchor the walk's stops are compared with (lower-case ASCII), for a reader's <see cref="IWordStartReader.Look"/>.</summary>
    internal static IEnumerable<string> AnchorPhrases => AnchorTable.Select(a => a.Anchor);

    /// <summary>
    /// <see cref="Assess(string)"/> of a span (no string copy of a text assembled elsewhere), with <paramref name="reader"/>
    /// told of every stop of the one word-start walk over <paramref name="text"/> (also when the text is too short to assess).
    /// </summary>
    internal InjectionAssessment Assess<TReader>(ReadOnlySpan<char> text, ref TReader reader)
        where TReader : struct, IWordStartReader
        => Assess(text, ref reader, out _);

    /// <summary>
    /// <see cref="Assess{TReader}(ReadOnlySpan{char}, ref TReader)"/>, also handing out the plain reading it read
    /// (<see cref="PlainReading.Of(ReadOnlySpan{char})"/>; null when no line changes or the text is too short to assess), so a second reader
    /// of the walk reads the folded lines without folding them again.
    /// </summary>
    internal InjectionAssessment Assess<TReader>(ReadOnlySpan<char> text, ref TReader reader, out string? plainReading)
        where TReader : struct, IWordStartReader
    {
        plainReading = null;
        if (text.Length < 4)
        {
            foreach (var at in new WordStarts(text, reader.WalkCharacters, reader.NonAscii))
            {
                reader.At(text, at, IWordStartReader.Unlooked);
            }

            return InjectionAssessment.None;
        }

        // A JSON result is read as the model reads it: its strings' escapes decoded, and each of its values as a text of
        // its own (JsonEscapes, JsonValuesReading); markup with its character references decoded (CharacterReferences). A
        // second reader reads descriptions, which are decoded strings already.
        string? jsonValues = null;
        if (typeof(TReader) == typeof(NoReader))
        {
            jsonValues = JsonValuesReading.Of(text);
            text = JsonEscapes.Decoded(text, asRead: true) is { } decoded ? decoded : text;
            text = CharacterReferences.Decoded(text) is { } rendered ? rendered : text;
            jsonValues = jsonValues is null ? null : CharacterReferences.Decoded(jsonValues) ?? jsonValues;
        }

        // One slot per marker, one more that counts the raises (Raise keeps it), so the walk sees a change with one compare,
        // and the weight word the checks last looked for (see HoldsWeightWord).
        Span<double> weights = stackalloc double[WeightSlots];
        ScanWholeText(text, weights);
        // Without a second reader, a text that changes only in its spacing is walked once, respaced, instead of twice.
        plainReading = ScanPlainReading(text, weights, mayRespace: typeof(TReader) == typeof(NoReader), out var respaced, out var read);
        ScanValues(jsonValues, weights, resultRespaced: respaced is not null);
        ScanValueReadings(jsonValues, weights, resultRead: read);
        var walked = respaced is null ? text : respaced.AsSpan();
        if (ScanPhrases(walked, weights, ref reader))
        {
            // The reader has its answer: what the openings could add changes nothing it reads (weights only rise).
            return Combine(weights);
        }

        ScanOpenings(walked, weights);
        return Combine(weights);
    }

    /// <summary>
    /// The readings of the whole text that run before the word walk: hidden characters, encodings (hex, base64, binary,
    /// ROT13, reversed text, Morse), and the languages the walk does not stop in. One list for <see cref="Assess(string)"/>
    /// and <see cref="AssessAtEveryPosition"/>, so the reference walk reads what the real one reads.
    /// </summary>
    private static void ScanWholeText(ReadOnlySpan<char> text, Span<double> weights)
    {
        ScanHidden(text, weights, depth: 0);
        ScanEncoded(text, weights);
        ScanRotated(text, weights);
        ScanReversed(text, weights);
        ScanMorse(text, weights);
        ScanOtherTongues(text, weights);
        ScanCyrillicIgnore(text, weights);
        ScanIgnoreInOtherTongues(text, weights);
    }

    /// <summary>
    /// The two anchors that start with punctuation, at <paramref name="at"/>: a Markdown image (<c>![</c>) and a role tag
    /// (<c>&lt;|</c>). True when the stop is a <c>!</c>, which starts no other anchor.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool PunctuationAnchors(ReadOnlySpan<char> text, int at, char c, Span<double> weights)
    {
        if (c == '!')
        {
            if (at + 1 < text.Length && text[at + 1] == '[')
            {
                Guarded(text, at, "![", Family.MarkdownImage, weights);
            }

            return true;
        }

        if (c == '<' && at + 1 < text.Length && text[at + 1] == '|')
        {
            Guarded(text, at, "<|", Family.RoleTag, weights);
        }

        return false;
    }

    /// <summary>
    /// <see cref="Assess(string)"/> the plain way, for tests of the walk: every position of the text is a stop (no vector
    /// classification, no prefilter, no pair table), compared with every anchor of its first character in table order.
    /// </summary>
    internal static InjectionAssessment AssessAtEveryPosition(string text)
    {
        if (text.Length < 4)
        {
            return InjectionAssessment.None;
        }

        var jsonValues = JsonValuesReading.Of(text);
        text = JsonEscapes.Decoded(text, asRead: true) ?? text;
        text = CharacterReferences.Decoded(text) ?? text;
        jsonValues = jsonValues is null ? null : CharacterReferences.Decoded(jsonValues) ?? jsonValues;
        Span<double> weights = stackalloc double[WeightSlots];
        ScanWholeText(text, weights);
        _ = ScanPlainReading(text, weights, mayRespace: true, out var respaced, out var read);
        _ = ScanRuns(jsonValues, weights);
        ScanValueReadings(jsonValues, weights, resultRead: read);
        text = respaced ?? text;
        ForgetRemembered(weights);
        if (char.IsLetter(text[0]))
        {
            Guarded(text, 0, "ai", Family.AiNoun, weights);
        }

        for (var at = 0; at < text.Length; at++)
        {
            var c = text[at];
            if (PunctuationAnchors(text, at, c, weights))
            {
                continue;
            }

            if (c > '\x7F')
            {
                continue;
            }

            foreach (var entry in ByFirstChar[char.ToLowerInvariant(c)])
            {
                if (AsciiCase.StartsWith(text.AsSpan(at), entry.Anchor) && !InsideWord(text, at))
                {
                    Guarded(text, entry.Anchor[0] is ' ' or '\n' ? at + 1 : at, entry.Trimmed, entry.Family, weights);
                }
            }
        }

        ScanOpenings(text, weights);
        return Combine(weights);
    }

    /// <summary>The name of each marker, in the order of the weights <see cref="IWordStartReader.Decided"/> is handed.</summary>
    internal static ReadOnlySpan<string> MarkerNameList => MarkerNames;

    /// <summary>The score of an assessment whose markers have these weights (the <see cref="InjectionAssessment.Score"/> it reports).</summary>
    internal static double ScoreOf(ReadOnlySpan<double> weights)
    {
        var remaining = 1.0;
        for (var i = 0; i < (int)Marker.Count; i++)
        {
            remaining *= 1 - weights[i];
        }

        return Math.Round(1 - remaining, 3);
    }

    /// <summary>The walk with no second reader.</summary>
    private struct NoReader : IWordStartReader
    {
        public readonly string WalkCharacters => NonLetterStartsAndBang;

        public readonly bool NonAscii => false;

        public readonly bool HasFirstLook => false;

        public readonly int Look(ReadOnlySpan<char> text, int at) => IWordStartReader.Unlooked;

        public readonly void At(ReadOnlySpan<char> text, int at, int look)
        {
        }

        public readonly bool StopsWhenDecided => false;

        public readonly bool Decided(ReadOnlySpan<double> weights) => false;
    }

    private static InjectionAssessment Combine(ReadOnlySpan<double> weights)
    {
        List<string>? markers = null;
        for (var i = 0; i < (int)Marker.Count; i++)
        {
            if (weights[i] > 0)
            {
                (markers ??= []).Add(MarkerNames[i]);
            }
        }

        return markers is null ? InjectionAssessment.None : new InjectionAssessment(ScoreOf(weights), markers);
    }

    private static void ScanPhrases(ReadOnlySpan<char> text, Span<double> weights)
    {
        var none = default(NoReader);
        _ = ScanPhrases(text, weights, ref none);
    }

    /// <summary>
    /// The walk; true when the reader said it was decided (the detector's checks stopped there, the reader's reading did
    /// not). Without a second reader, the stops from <paramref name="skipFrom"/> up to <paramref name="skipTo"/> can be
    /// left out (their checks still read that part of the text): a span another walk reads as it stands here.
    /// </summary>
    private static bool ScanPhrases<TReader>(ReadOnlySpan<char> text, Span<double> weights, ref TReader reader, int skipFrom = int.MaxValue, int skipTo = 0)
        where TReader : struct, IWordStartReader
    {
        ForgetRemembered(weights);
        var decided = false;
        var raises = weights[RaisesSlot];
        if (text.Length > 0 && char.IsLetter(text[0]))
        {
            // A text that opens with "AI: …" or "Assistant, …" has no whitespace before its first word.
            Guarded(text, 0, "ai", Family.AiNoun, weights);
        }

        // One vectorized pass yields every word start and every '<', '[', '#', '{', '!': a superset of where an anchor can
        // start that Dispatch confirms, so the result is the same as searching each anchor, at one pass's cost.
        // A second reader stops at more characters (non-ASCII ones, its own punctuation): the detector has no anchor
        // that starts with them, so Candidates gives none there. The walk is read a block at a time, the stops' bits kept
        // in a register (an enumerator's fields live in memory, one load and store per stop).
        var walk = new WordStarts(text, reader.WalkCharacters, reader.NonAscii);
        if (typeof(TReader) == typeof(NoReader))
        {
            // Without a second reader, most stops end at the prefilter: the loop holds only that, so its variables stay in
            // registers, and the rest of a stop is a call.
            while (walk.NextBlock(out var block, out var bits))
            {
                for (; bits != 0; bits &= bits - 1)
                {
                    var at = block + System.Numerics.BitOperations.TrailingZeroCount(bits);
                    if (at >= skipFrom)
                    {
                        walk.SkipTo(skipTo);
                        skipFrom = int.MaxValue;
                        break;
                    }

                    var c = text[at];
                    if (c is '<' or '!' || Prefilter.MayStartAt(text, at))
                    {
                        Stop(text, at, c, weights);
                    }
                }
            }

            return false;
        }

        while (walk.NextBlock(out var block, out var bits))
        {
            for (; bits != 0; bits &= bits - 1)
            {
                var at = block + System.Numerics.BitOperations.TrailingZeroCount(bits);
                var c = text[at];

                // With a second reader, one look (one read and one hash of the text) answers for both: it rules most stops
                // out for both, and says whether the detector's own look-up can be skipped. The rest of a stop is a call,
                // so the loop's variables stay in registers.
                var look = reader.HasFirstLook ? reader.Look(text, at) : IWordStartReader.Unlooked;
                if (look != 0 || c is '<' or '!')
                {
                    ReaderStop(text, at, c, look, weights, ref reader, ref decided, ref raises);
                }
            }
        }

        return decided;
    }

    /// <summary>A stop of the walk with a second reader that its look did not rule out: the reader's stop, then the detector's.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ReaderStop<TReader>(ReadOnlySpan<char> text, int at, char c, int look, Span<double> weights, ref TReader reader, ref bool decided, ref double raises)
        where TReader : struct, IWordStartReader
    {
        reader.At(text, at, look);
        if (decided)
        {
            return;
        }

        if (reader.StopsWhenDecided && weights[RaisesSlot] != raises)
        {
            raises = weights[RaisesSlot];
            if (reader.Decided(weights))
            {
                decided = true;
                return;
            }
        }

        if (PunctuationAnchors(text, at, c, weights))
        {
            return;
        }

        if (reader.HasFirstLook ? (look & IWordStartReader.AnchorsMayStart) == 0 : !Prefilter.MayStartAt(text, at))
        {
            return;
        }

        var candidates = Candidates(text, at);
        if (candidates.Length > 0)
        {
            Dispatch(text, at, candidates, weights);
        }
    }

    /// <summary>A stop of the walk without a second reader that may start an anchor (a '&lt;', a '!', or the prefilter's "maybe").</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Stop(ReadOnlySpan<char> text, int at, char c, Span<double> weights)
    {
        if (PunctuationAnchors(text, at, c, weights) || (c == '<' && !Prefilter.MayStartAt(text, at)))
        {
            return;
        }

        var candidates = Candidates(text, at);
        if (candidates.Length > 0)
        {
            Dispatch(text, at, candidates, weights);
        }
    }

    private static void Dispatch(ReadOnlySpan<char> text, int at, AnchorEntry[] candidates, Span<double> weights)
    {
        // Eight ASCII characters are compared with each anchor's first eight in one step; anything else (the end of the
        // text, a non-ASCII character that may fold to a letter) takes the character-by-character filter.
        var ascii = AsciiPrefix.TryRead(text, at, out var chars);
        for (var i = 0; i < candidates.Length; i++)
        {
            ref readonly var candidate = ref candidates[i]; // by reference: an entry holds three vectors
            var anchor = candidate.Anchor;
            var could = ascii ? candidate.Prefix.Matches(chars) : CouldStartWith(text, at, anchor);
            if (could && ((ascii && anchor.Length <= AsciiPrefix.Length) || AsciiCase.StartsWith(text.Slice(at), anchor)) && !InsideWord(text, at))
            {
                var word = anchor[0] is ' ' or '\n' ? at + 1 : at;
                Guarded(text, word, candidate.Trimmed, candidate.Family, weights);
            }
        }
    }

    /// <summary>A letter anchor found inside a word ("send" in "resend") does not count.</summary>
    private static bool InsideWord(ReadOnlySpan<char> text, int at)
    {
        var first = char.ToLowerInvariant(text[at]);
        return first >= ByFirstChar.Length || (char.IsLetter(first) && at > 0 && char.IsLetterOrDigit(text[at - 1]));
    }

    /// <summary>
    /// Cheap filter before the case-insensitive comparison: the anchors are lower case, so every ASCII character of the
    /// text must equal the anchor's once lowered (a non-ASCII one may still fold to it: the comparison decides).
    /// </summary>
    private static bool CouldStartWith(ReadOnlySpan<char> text, int at, string anchor)
    {
        for (var k = 1; k < anchor.Length; k++)
        {
            if (at + k >= text.Length)
            {
                return false;
            }

            var c = text[at + k];
            if (char.IsAscii(c) && char.ToLowerInvariant(c) != anchor[k])
            {
                return false;
            }
        }

        return true;
    }

    private static void Guarded(ReadOnlySpan<char> text, int at, string anchor, Family family, Span<double> weights)
    {
        try
        {
            var check = new AnchorCheck(text, at, anchor, family, weights);
            if (!PatternDeadline.Run(ref check))
            {
                // Out of time twice: not a pause of the process but text that keeps a bounded pattern busy. It cannot be
                // vouched for, so it counts as a marker on its own (the other anchors still count too).
                Raise(weights, Marker.Undecided, UndecidedWeight);
            }
        }
#pragma warning disable CA1031 // One faulting check must not erase what the others found (an appended sentence that trips it would hide an injection).
        catch (Exception ex) when (ex is IndexOutOfRangeException or ArgumentException or InvalidOperationException)
#pragma warning restore CA1031
        {
            // A fault inside a check (a regex engine's own bug, as PatternFaultTests pins) proves nothing either.
        }
    }

    private static void Check(ReadOnlySpan<char> text, int at, string anchor, Family family, Span<double> weights)
    {
        switch (family)
        {
            case Family.Ignore:
                var ignore = FirstMatch(InjectionPatterns.IgnorePrevious(), text, at);
                var order = ignore.Length > 0 && HasStrongQualifier(ignore) ? 0.9 : 0;
                if (order == 0)
                {
                    ignore = FirstMatch(InjectionPatterns.ForgetEverything(), text, at);
                    if (ignore.Length == 0)
                    {
                        ignore = FirstMatch(InjectionPatterns.IgnoreOtherLanguages(), text, at);
                    }

                    if (ignore.Length == 0)
                    {
                        // "cancel all previous instructions", "belay that order", "ignore the first instruction".
                        ignore = FirstMatch(InjectionPatterns.CancelledInstructions(), text, at);
                        if (ignore.Length > 0 && StartsWithCancellingVerb(ignore) && !HasStrongQualifier(ignore))
                        {
                            ignore = default;
                        }
                    }

                    order = ignore.Length > 0 ? 0.85 : 0;
                }

                if (order > 0)
                {
                    // Quoted as an example or negated, the phrase is spoken about: a trace, not an order.
                    Raise(weights, Marker.IgnorePrevious, IsMentioned(text, at, ignore.Length) ? 0.3 : order);
                }
                else if (IsMatchAt(InjectionPatterns.IgnoreTheDocument(), text, at) || IsMatchAt(InjectionPatterns.IgnoreTheDocumentOtherLanguages(), text, at) || IsMatchAt(InjectionPatterns.DropTheDocument(), text, at)
                    || IsMatchAt(InjectionPatterns.IgnoreTheOthers(), text, at))
                {
                    Raise(weights, Marker.IgnorePrevious, 0.6);
                }
                else if (anchor == "override" && IsOverrideLabel(text, at))
                {
                    Raise(weights, Marker.FakeRoleTag, 0.5);
                }
                else
                {
                    TaskCalledOff(text, at, weights);
                }

                break;
            case Family.RoleChange:
                RaiseIf(InjectionPatterns.RoleChange(), text, at, weights, Marker.RoleChange, 0.6);
                break;
            case Family.FromNowOn:
                RaiseIf(InjectionPatterns.FromNowOn(), text, at, weights, Marker.NewInstructions, 0.3);
                break;
            case Family.NewTask:
                GoalReplaced(text, at, weights);
                break;
            case Family.ReadersTask:
                RaiseIf(InjectionPatterns.ReadersTask(), text, at, weights, Marker.NewInstructions, 0.5);
                break;
            case Family.NewInstructions:
                TaskLabel(text, at, anchor.Length, weights);
                AnnouncedInstructions(text, at, weights);
                HeraldedTask(text, at, weights);
                AnnouncedThenAsked(text, at, weights);
                SplicedBannerTask(text, at, weights);
                if (!EndsLikeAHeading(text, at + anchor.Length))
                {
                    break;
                }

                var start = PreviousWords(text, at, 2);
                if (start < at)
                {
                    if (IsMatchAt(InjectionPatterns.NewInstructions(), text, start) || IsMatchAt(InjectionPatterns.NewInstructions(), text, PreviousWords(text, at, 1)))
                    {
                        Raise(weights, Marker.NewInstructions, 0.35);
                    }
                }

                break;
            case Family.ForeignAssistant:
                GreetedInAnotherTongue(text, at, weights);
                break;
            case Family.DottedAi:
                DottedAi(text, at, weights);
                break;
            case Family.GreetedModel:
                GreetedModel(text, at, weights);
                ModelNamedByJob(text, at, weights);
                break;
            case Family.AiNoun:
                AiNoun(text, at, weights);
                if (anchor == "assistant")
                {
                    // "Bonjour l'assistant, …": French writes the noun as English does.
                    GreetedInAnotherTongue(text, at, weights);
                }

                MachineLabel(text, at, weights);
                CodingAgentOrder(text, at, weights);
                if (anchor == "automated")
                {
                    AutomatedReadersLabel(text, at, weights);
                }

                break;
            case Family.Urgent:
                Raise(weights, Marker.Urgent, 0.2);
                SplicedBannerTask(text, at, weights);
                RepeatedUrgency(text, at, anchor, weights);
                if (anchor == "you must")
                {
                    RaiseIf(InjectionPatterns.DemandsObedience(), text, at, weights, Marker.ClaimsAuthority, 0.45);
                    MachinePrerequisite(text, at, weights);
                }

                break;
            case Family.Steering:
                RaiseIf(InjectionPatterns.NamesTheAnswer(), text, at, weights, Marker.NewInstructions, 0.5);
                SteeredUser(text, at, weights);
                LinkForTheUser(text, at, anchor.Length, weights);
                break;
            case Family.Ranked:
                RankedInstructions(text, at, weights);
                break;
            case Family.Announced:
                AnnouncedInstructions(text, at, weights);
                HeraldedTask(text, at, weights);
                AnnouncedThenAsked(text, at, weights);
                SplicedBannerTask(text, at, weights);
                break;
            case Family.Heralded:
                if (anchor is "task" or "action")
                {
                    ActionRecord(text, at, anchor, weights);
                }

                if (anchor is "task" or "assignment")
                {
                    TaskLabel(text, at, anchor.Length, weights);
                }

                HeraldedTask(text, at, weights, nounless: anchor is "about to " or "the following is");
                AnnouncedThenAsked(text, at, weights);
                SplicedBannerTask(text, at, weights);
                break;
            case Family.AuthorityNotice:
                AuthorityNotice(text, at, anchor.Length, weights);
                break;
            case Family.PayeeChanged:
                PayeeChanged(text, at, anchor.Length, weights);
                break;
            case Family.InstructionSwapped:
                InstructionSwapped(text, at, anchor, weights);
                break;
            case Family.GiftCardCodes:
                GiftCardCodes(text, at, anchor.Length, weights);
                break;
            case Family.Orders:
                AnnouncedThenAsked(text, at, weights);
                SplicedBannerTask(text, at, weights);
                break;
            case Family.ReplyManner:
                ReplyManner(text, at, weights);
                CannedReply(text, at, weights);
                FixedReplyAfterCallOff(text, at, weights);
                MailboxSwept(text, at, weights);
                DictatedMessage(text, at, weights);
                StandingOrder(text, at, weights);
                if (anchor != "answer ")
                {
                    ReplyCarries(text, at, weights);
                }

                break;
            case Family.StandingOrder:
                StandingOrder(text, at, weights);
                if (anchor == "include ")
                {
                    MailboxSwept(text, at, weights);
                }

                break;
            case Family.HumanTurn:
                SplicedHumanTurn(text, at, weights);
                break;
            case Family.CannedReply:
                CannedReply(text, at, weights);
                break;
            case Family.TellTheUser:
                TellTheUser(text, at, weights);
                SteeredUser(text, at, weights);
                LinkForTheUser(text, at, anchor.Length, weights);
                break;
            case Family.ReadersSetting:
                ReadersSetting(text, at, weights);
                break;
            case Family.Hypothetical:
                RaiseIf(InjectionPatterns.HypotheticalOrder(), text, at, weights, Marker.NewInstructions, 0.5);
                break;
            case Family.RoleTag:
                RoleTag(text, at, anchor, weights);
                break;
            case Family.HtmlComment:
                HtmlComment(text, at, weights);
                break;
            case Family.ContainerClose:
                ContainerClose(text, at, weights);
                break;
            case Family.HiddenCss:
                // "hidden>" counts as an element's hidden attribute ("<div hidden>"), not as a "<hidden>" element of XML.
                if (anchor != "hidden>" || (at > 0 && text[at - 1] == ' '))
                {
                    Raise(weights, Marker.HiddenText, 0.25);
                }

                break;
            case Family.MarkdownImage:
                MarkdownImage(text, at, weights);
                break;
            case Family.SendTo:
                if (anchor is "send" or "route")
                {
                    // A record's key ("<send>ok</send>" above "<to>…@…</to>") has its address on another line.
                    ActionRecord(text, at, anchor, weights);
                }
                else if (anchor is "email" or "e-mail")
                {
                    MessageRecord(text, at, anchor, weights);
                }
                else if (anchor is "direct")
                {
                    LinkForTheUser(text, at, anchor.Length, weights);
                }

                DictatedMessage(text, at, weights);
                MailboxSwept(text, at, weights);
                if (!Ahead(text, at, 160, SendTargets, '@'))
                {
                    break;
                }

                ProductSent(text, at, weights);
                AddressedCall(text, at, weights);
                SentMailboxItem(text, at, weights);
                var send = FirstMatch(InjectionPatterns.SendTo(), text, at);
                if (send.Length == 0 && anchor == "share")
                {
                    send = FirstMatch(InjectionPatterns.ShareWith(), text, at);
                }

                if (send.Length > 0)
                {
                    var sensitive = SendsSensitiveObject(send) || SendsReadersHoldings(text, at, send);
                    if (sensitive || !(IsContactLine(send) || SendsOwnMaterial(send)) || CarriesMore(text, at + send.Length))
                    {
                        Raise(weights, sensitive ? Marker.Exfiltration : Marker.SendExternal, sensitive ? 0.6 : 0.3);
                    }
                }

                break;
            case Family.EmbedInUrl when Ahead(text, at, 120, UrlNouns, '\0'):
                var embed = FirstMatch(InjectionPatterns.EmbedInUrl(), text, at);
                if (embed.Length > 0)
                {
                    // "add /insiders to the URL" is a help page; "include the token in the URL" is exfiltration.
                    Raise(weights, Marker.Exfiltration, ContainsSensitiveObject(embed) ? 0.5 : 0.25);
                }

                break;
            case Family.CallTool when anchor == "using":
                var usingTool = FirstMatch(InjectionPatterns.UsingTool(), text, at);
                if (usingTool.Length > 0)
                {
                    // "using the send_email tool" and "using the GmailSendEmail tool" name a tool; "using the commit command"
                    // and "using the command below" are how manuals talk, and weigh little on their own.
                    Raise(weights, Marker.ToolInvocation, NamesATool(usingTool) ? 0.4 : 0.15);
                }

                break;
            case Family.CallTool:
                if (anchor == "execute")
                {
                    SplicedBannerTask(text, at, weights);
                }

                if (!CouldNameTool(text, at) || !Ahead(text, at, 100, ToolNounWords, '_', sentence: true))
                {
                    break;
                }

                var call = FirstMatch(InjectionPatterns.CallTool(), text, at);
                if (call.Length > 0)
                {
                    // "call the send_email tool" names a tool; "use the search function" is how help pages talk, and
                    // weighs little unless something else in the text is aimed at an agent.
                    Raise(weights, Marker.ToolInvocation, call.Contains('_') ? 0.45 : 0.15);
                }
                else
                {
                    RaiseIf(InjectionPatterns.RunFollowing(), text, at, weights, Marker.ToolInvocation, 0.4);
                }

                break;
            case Family.Secrecy:
                RaiseIf(InjectionPatterns.Secrecy(), text, at, weights, Marker.Secrecy, 0.65);
                RaiseIf(InjectionPatterns.KeptOutOfTheAnswer(), text, at, weights, Marker.Secrecy, 0.45);
                RaiseIf(InjectionPatterns.OtherTools(), text, at, weights, Marker.ToolInvocation, 0.45);
                TaskReplaced(text, at, weights);
                PaymentKeptQuiet(text, at, weights);
                TaskCalledOff(text, at, weights);
                break;
            case Family.Please:
                PleaseRequest(text, at, weights);
                break;
            case Family.Question:
                QuestionRequest(text, at, weights);
                break;
            case Family.YourOutput:
                YourOutput(text, at, weights);
                CannedReply(text, at, weights);
                break;
            case Family.Follow:
                RaiseIf(InjectionPatterns.FollowInstructions(), text, at, weights, Marker.NewInstructions, 0.6);
                RaiseIf(InjectionPatterns.OrdersFromASearchResult(), text, at, weights, Marker.NewInstructions, 0.55);
                SplicedBannerTask(text, at, weights);
                break;
            case Family.FakeCompletion:
                var completion = FirstMatch(InjectionPatterns.FakeCompletion(), text, at);
                if (completion.Length > 0)
                {
                    // "END OF DOCUMENT" closes many real documents; "Answer: task complete. Now …" closes none.
                    Raise(weights, Marker.FakeCompletion, completion.StartsWith("end", StringComparison.OrdinalIgnoreCase) ? 0.3 : 0.6);
                }
                else if (at > 0 && text[at - 1] is '<' or '[' && IsMatchAt(InjectionPatterns.FakeSessionEnd(), text, at))
                {
                    // "<end of session>" as a tag: the reader's own session is said to be over; as weak as "END OF DOCUMENT".
                    Raise(weights, Marker.FakeCompletion, 0.3);
                }

                break;
            case Family.Claims:
                var claim = FirstMatch(InjectionPatterns.ClaimsAuthority(), text, at);
                if (claim.Length > 0)
                {
                    // "This is an important message from the user to you", "Message from the administrator:" present the
                    // text itself; "records … a log message from the user describing the changes" is a manual's object.
                    Raise(weights, Marker.ClaimsAuthority, anchor.EndsWith(" from", StringComparison.Ordinal) && !PresentsItself(text, at, claim.Length) ? 0.2 : 0.5);
                }

                if (anchor == "the user")
                {
                    ServingOrder(text, at, weights);
                }

                break;
            case Family.Conditional:
                ConditionalAnswer(text, at, weights);
                break;
            case Family.FakeTurn:
                FakeAssistantTurn(text, at, weights);
                break;
            case Family.HiddenClaim:
                InvisibleToPeople(text, at, weights);
                break;
            case Family.Ordering:
                RaiseIf(InjectionPatterns.Ordering(), text, at, weights, Marker.Ordering, 0.25);
                if (anchor == "before")
                {
                    AnswerClock(text, at, weights);
                }
                else if (anchor is "instead of" or "rather than")
                {
                    TaskReplaced(text, at, weights);
                    AnswerReplacedByLine(text, at, anchor.Length, weights);
                }

                break;
            case Family.AnswerClock:
                AnswerClock(text, at, weights);
                break;
            case Family.PlantedRemark:
                PlantedRemark(text, at, anchor, weights);
                break;
            case Family.PlantedMemory:
                PlantedMemory(text, at, weights);
                break;
            case Family.ReaderNamed:
                ReaderNamed(text, at, weights);
                break;
            case Family.ConsentClaimed:
                ConsentClaimed(text, at, weights);
                break;
            case Family.RulesChanged:
                // Only the deployment sets a model's rules: data that announces them changed, and gives the new one, addresses the model.
                RaiseIf(InjectionPatterns.ReadersRulesChanged(), text, at, weights, Marker.NewInstructions, 0.6);
                break;
            case Family.VouchedVerdict:
                VouchedVerdict(text, at, anchor, weights);
                break;
            case Family.AppliedBlock:
                AppliedBlock(text, at, weights);
                break;
            case Family.HandedSecret:
                HandedSecret(text, at, anchor, weights);
                SecretPostedForOthers(text, at, anchor, weights);
                SecretHandedOn(text, at, anchor, weights);
                SecretDemanded(text, at, anchor, weights);
                SecretStored(text, at, weights);
                break;
            case Family.Principal:
                PrincipalVoice(text, at, anchor, weights);
                break;
            case Family.ToDo:
                PlantedToDo(text, at, weights);
                CodingAgentOrder(text, at, weights);
                break;
            case Family.LiftedRestrictions:
                LiftedRestrictions(text, at, weights);
                break;
            case Family.HaltedAnswer:
                HaltedAnswer(text, at, weights);
                TaskCalledOff(text, at, weights);
                NoticeInPlaceOfAnswer(text, at, anchor.Length, weights);
                break;
            case Family.ReaderOverruled:
                ReaderOverruled(text, at, anchor, weights);
                break;
            case Family.ConversationInUrl:
                ConversationInUrl(text, at, weights);
                break;
            case Family.PrivateDisclosed:
                PrivateDisclosed(text, at, weights);
                break;
            case Family.KeyFile:
                KeyFileHandedOn(text, at, anchor, weights);
                break;
            case Family.CredentialInLinks:
                CredentialInLinks(text, at, weights);
                break;
            case Family.ModeUnlocked:
                ModeUnlocked(text, at, weights);
                break;
            case Family.SecretAskedInChat:
                SecretAskedInChat(text, at, weights);
                break;
            case Family.WorkSwapped:
                WorkSwapped(text, at, weights);
                break;
            case Family.ConfirmationWaived:
                ConfirmationWaived(text, at, weights);
                break;
            case Family.CodingReader:
                CodingAgentOrder(text, at, weights);
                break;
            case Family.UnsafeCode:
                UnsafeCodePrescribed(text, at, anchor, weights);
                break;
            case Family.IgnoreInAnotherTongue:
                IgnoreInAnotherTongue(text, at, weights);
                break;
            case Family.AnswerStop:
                NoticeInPlaceOfAnswer(text, at, anchor.Length, weights);
                TaskCalledOff(text, at, weights);
                break;
            case Family.ActedFailure:
                ActedFailure(text, at, anchor.Length, weights);
                break;
            case Family.LinkForTheUser:
                LinkForTheUser(text, at, anchor.Length, weights);
                break;
            case Family.GreetedMachine:
                GreetedMachine(text, at, weights);
                break;
            case Family.HandedCode:
                HandedCode(text, at, anchor.Length, weights);
                break;
            case Family.MachineSubject:
                MachineReadersSubject(text, at, weights);
                break;
            case Family.WhoeverProcesses:
                WhoeverProcesses(text, at, weights);
                break;
            case Family.ReaderByJob:
                ModelNamedByJob(text, at, weights);
                break;
            case Family.WhicheverReader:
                WhicheverReaderOpens(text, at, weights);
                break;
            case Family.ReaderOnlyNote:
                ReaderOnlyNote(text, at, weights);
                break;
            case Family.ModelReading:
                ModelNamedByItsReading(text, at, weights);
                break;
            case Family.OwnSetting:
                ReadersOwnSetting(text, at, weights);
                break;
            case Family.PromptObject:
                if (Backwards(InjectionPatterns.PromptLeak(), "rpoosdltwe", text, at, 3))
                {
                    Raise(weights, Marker.PromptLeak, 0.55);
                }

                break;
        }
    }

    /// <summary>The anchors that can start at <paramref name="at"/>, judged by its first two characters (all of the first character's when the second is not ASCII).</summary>
    private static AnchorEntry[] Candidates(ReadOnlySpan<char> text, int at)
    {
        var first = text[at];
        if (first > '\x7F')
        {
            return [];
        }

        if (!char.IsAsciiLetter(first) || at + 1 >= text.Length || text[at + 1] > '\x7F')
        {
            return ByFirstChar[char.ToLowerInvariant(first)];
        }

        return ByPair[PairIndex(first, text[at + 1])];
    }

    private static int PairIndex(char first, char second) => ((char.ToLowerInvariant(first) - 'a') * 128) + char.ToLowerInvariant(second);

    private static PairTable<AnchorEntry> BuildPairs()
    {
        var lookup = AnchorTable.Where(a => char.IsAsciiLetter(a.Anchor[0])).ToLookup(a => PairIndex(a.Anchor[0], a.Anchor[1]));
        return new PairTable<AnchorEntry>(26 * 128, i => [.. lookup[i].Select(a => new AnchorEntry(a.Anchor, a.Family))]);
    }

    /// <summary>An anchor ready for dispatch: as searched, trimmed as checked, its family and its first eight characters.</summary>
    private readonly record struct AnchorEntry(string Anchor, string Trimmed, Family Family, AsciiPrefix Prefix)
    {
        public AnchorEntry(string anchor, Family family)
            : this(anchor, anchor.TrimStart(), family, new AsciiPrefix(anchor))
        {
        }
    }

    private static AnchorEntry[][] BuildDispatch()
    {
        var table = new AnchorEntry[128][];
        for (var c = 0; c < table.Length; c++)
        {
            table[c] = [.. AnchorTable.Where(a => char.ToLowerInvariant(a.Anchor[0]) == c).Select(a => new AnchorEntry(a.Anchor, a.Family))];
        }

        return table;
    }

    private static readonly string[] MarkerNames =
    [
        "ignore-previous", "role-change", "new-instructions", "addressed-to-ai", "urgent-override", "fake-role-tag", "hidden-instruction",
        "hidden-text", "exfiltration", "send-external", "tool-invocation", "secrecy", "prompt-leak", "zero-width", "bidi-override", "unicode-tags",
        "agent-request", "fake-completion", "claims-user-or-authority", "ordering", "undecided",
        "unsafe-code", "variation-selectors",
    ];

    private enum Marker
    {
        IgnorePrevious,
        RoleChange,
        NewInstructions,
        AddressedToAi,
        Urgent,
        FakeRoleTag,
        HiddenInstruction,
        HiddenText,
        Exfiltration,
        SendExternal,
        ToolInvocation,
        Secrecy,
        PromptLeak,
        ZeroWidth,
        BidiOverride,
        UnicodeTags,
        AgentRequest,
        FakeCompletion,
        ClaimsAuthority,
        Ordering,
        Undecided,
        UnsafeCode,
        VariationSelectors,
        Count,
    }

    private enum Family
    {
        Ignore,
        RoleChange,
        FromNowOn,
        NewTask,
        ReadersTask,
        NewInstructions,
        AiNoun,
        Urgent,
        RoleTag,
        HtmlComment,
        HiddenCss,
        MarkdownImage,
        SendTo,
        EmbedInUrl,
        CallTool,
        Secrecy,
        PromptObject,
        Please,
        Question,
        YourOutput,
        Follow,
        FakeCompletion,
        Claims,
        Ordering,
        Principal,
        ToDo,
        Hypothetical,
        ReplyManner,
        Orders,
        Steering,
        Ranked,
        Announced,
        Heralded,
        Conditional,
        FakeTurn,
        HiddenClaim,
        CannedReply,
        TellTheUser,
        ReadersSetting,
        ContainerClose,
        StandingOrder,
        HumanTurn,
        AnswerClock,
        HandedSecret,
        PlantedRemark,
        VouchedVerdict,
        AppliedBlock,
        HaltedAnswer,
        IgnoreInAnotherTongue,
        ReaderOverruled,
        UnsafeCode,
        CodingReader,
        PrivateDisclosed,
        ConversationInUrl,
        LiftedRestrictions,
        PlantedMemory,
        ReaderNamed,
        DottedAi,
        GreetedModel,
        ConsentClaimed,
        RulesChanged,
        AuthorityNotice,
        PayeeChanged,
        GiftCardCodes,
        InstructionSwapped,
        AnswerStop,
        ActedFailure,
        LinkForTheUser,
        GreetedMachine,
        MachineSubject,
        WhoeverProcesses,
        WhicheverReader,
        ReaderByJob,
        ReaderOnlyNote,
        ModelReading,
        HandedCode,
        OwnSetting,
        ForeignAssistant,
        KeyFile,
        CredentialInLinks,
        ModeUnlocked,
        SecretAskedInChat,
        WorkSwapped,
        ConfirmationWaived,
    }
}
