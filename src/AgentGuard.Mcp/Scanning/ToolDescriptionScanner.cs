using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AgentGuard.Mcp;

/// <summary>
/// Deterministic, allocation-light scan of a tool definition's text (title, description, annotation title, and every
/// name and string in its input schema) for signs of tool poisoning: instructions addressed to the model, requests
/// to read secrets, references to other tools' behaviour (shadowing), invisible or bidirectional characters, and
/// hidden HTML comments. One vectorised walk over the text feeds both the phrase search and the injection detector.
/// </summary>
internal static partial class ToolDescriptionScanner
{
    /// <summary>Credentials and the conversation: what a description has no business asking the model to hand over (the phrase table's last entries, each counting only where <see cref="ObligedToDisclose"/> holds; declared before the table, which reads it).</summary>
    internal static readonly string[] DisclosedObjects =
        ["api key", "api keys", "password", "passwords", "credentials", "access token", "access tokens", "auth token", "auth tokens",
         "session token", "session tokens", "bearer token", "refresh token", "refresh tokens", "private keys", "passphrase",
         "seed phrase", "session cookie", "session cookies", "conversation history", "chat history", "full conversation",
         "entire conversation", "complete conversation", "previous message", "previous messages", "last message", "last messages",
         "prior message", "prior messages", "creds"];

    /// <summary>
    /// Secrecy toward the user in other words (phrases of the table through <see cref="TellingVerbs"/>, declared before it; each
    /// counts only where <see cref="KeptFromTheUser"/> holds): "never learns about", "doesn't need to hear about", "don't let on to
    /// the user", "keep quiet about", "say nothing to the user", "remain in the dark", "the user suspects nothing".
    /// </summary>
    internal static readonly string[] ParaphrasedSecrecy =
        ["learn", "learns", "hear", "let on", "say nothing", "keep quiet", "in the dark", "suspects nothing", "suspect nothing"];

    /// <summary>Verbs of telling (phrases of the table, declared before it; each counts only where <see cref="KeptFromTheUser"/> holds).</summary>
    internal static readonly string[] TellingVerbs =
        ["tell", "telling", "inform", "informing", "mention", "mentioning", "notify", "notifying", "reveal", "revealing", "disclose",
         "disclosing", "say", "know", "find out", "finds out", "unaware", "conceal", "see", "notice", "hidden",
         .. ParaphrasedSecrecy];


    /// <summary>Destinations outside the call (phrases of the table, declared before it; each counts only where <see cref="SentOutside"/> holds).</summary>
    internal static readonly string[] OutsideDestinations =
        ["remote server", "remote endpoint", "external server", "external endpoint", "external collector", "external mailbox",
         "third-party", "third party", "off-site", "offsite", "our server", "our servers", "collection server", "telemetry server",
         "advertising partners", "advertisers", "ad partners", "marketing partners", "data brokers", "data broker",
         "analytics endpoint", "analytics server", "analytics platform", "analytics service", "the developer", "the developers",
         "backup server", "third parties", "our cloud", "our backend"];

    /// <summary>The claims (phrases of the table, declared before it; each counts only where <see cref="ClaimedForAnAiMaker"/> holds).</summary>
    internal static readonly string[] AuthorityClaims =
        ["approved by", "verified by", "endorsed by", "certified by", "authorized by", "authorised by", "sanctioned by", "vetted by", "trusted by",
         "certified safe by", "verified safe by", "approved for use by"];

    /// <summary>Verbs of taking what is not the tool's (phrases of the table, declared before it; each counts only where <see cref="TakesASecret"/> holds).</summary>
    internal static readonly string[] TheftVerbs = ["harvest", "harvests", "harvesting", "scrape", "scrapes", "scraping", "steal", "steals", "stealing", "leaks", "siphon", "siphons"];

    /// <summary>A resource named for secrets after a scheme's "://" (phrases of the table, declared before it; each counts only where <see cref="CustomSchemeResource"/> holds).</summary>
    internal static readonly string[] SecretResources =
        ["://credentials", "://creds", "://secrets", "://secret", "://confidential", "://admin", "://passwords", "://private"];

    /// <summary>Privileges beyond the user's (phrases of the table, declared before it; each counts only where <see cref="PrivilegeSought"/> holds).</summary>
    internal static readonly string[] Privileges =
        ["admin access", "administrator access", "emergency access", "root access", "superuser access", "admin privileges",
         "root privileges", "elevated privileges", "admin rights", "root rights"];

    /// <summary>Verbs of going around a control (phrases of the table, declared before it; each counts only where <see cref="ControlFollows"/> holds).</summary>
    internal static readonly string[] BypassVerbs = ["bypass", "circumvent"];

    /// <summary>A persona or a cover story the model is told to keep up (phrases of the table, declared before it; each counts only where <see cref="OpensAnOrder"/> holds).</summary>
    internal static readonly string[] PretenceOrders = ["pretend to be", "pretend you are", "pretend that you", "pretend nothing"];

    /// <summary>A cover story after a verb of carrying on (phrases of the table, declared before it; each counts only where <see cref="CarriesOnRegardless"/> holds).</summary>
    internal static readonly string[] CoverStories = ["as if nothing happened", "as though nothing happened"];

    /// <summary>Safety or security set aside (phrases of the table, declared before it; each counts only where <see cref="SafetySetAside"/> holds).</summary>
    internal static readonly string[] SafetySetAsidePhrases =
        ["ignore safety", "ignore security", "override safety", "override security", "disable safety", "disable security",
         "skip safety", "skip security", "disable safety features", "disable guardrails", "disable safeguards", "ignore guardrails",
         "ignore restrictions", "disregard safety", "disregard security", "disregard guardrails", "disregard restrictions",
         "ignore all safety", "ignore all security", "ignore all guardrails", "override all safety", "override all security",
         "disable all safety", "skip all safety", "skip all security"];

    /// <summary>The words of a hidden trigger (phrases of the table, declared before it; each counts only where <see cref="TriggerUnlocks"/> holds).</summary>
    internal static readonly string[] TriggerWords = ["exact phrase", "secret word", "secret phrase", "magic word", "trigger word", "trigger phrase", "code word"];

    /// <summary>Secrets taken all at once (phrases of the table, declared before it; each counts only where <see cref="RevealedWholesale"/> holds).</summary>
    internal static readonly string[] WholesaleSecrets =
        ["all secrets", "all passwords", "all credentials", "all api keys", "all private keys", "every secret", "every password",
         "every api key", "any secrets", "any passwords", "any credentials"];

    /// <summary>Verbs of leaving something out (phrases of the table, declared before it; each counts only where <see cref="OmittedFromReply"/> holds).</summary>
    internal static readonly string[] OmittingVerbs = ["omit", "leave", "exclude"];

    /// <summary>The user's say in a hand-off, as a noun or a verb (phrases of the table, declared before it; each counts only where <see cref="ConsentWithheld"/> holds).</summary>
    internal static readonly string[] ConsentWords =
        ["confirmation", "approval", "consent", "permission", "authorization", "authorisation", "sign-off", "confirm", "approve"];

    /// <summary>The conversation as a whole, named otherwise than <see cref="DisclosedObjects"/> does (phrases of the table, declared before it; each counts only where <see cref="ConversationSent"/> holds).</summary>
    internal static readonly string[] ConversationRecords =
        ["conversation context", "conversation log", "conversation logs", "conversation transcript", "conversation transcripts",
         "chat log", "chat logs", "chat transcript", "chat transcripts", "session transcript"];

    /// <summary>Authority markers in brackets or bold (phrases of the table, declared before it; each counts only where <see cref="RuleOrderFollows"/> holds).</summary>
    internal static readonly string[] AuthorityMarkers =
        ["[critical]", "[urgent]", "[important note]", "**important**", "**important note**", "**critical**", "**urgent**",
         "**attention**", "[attention]"];

    /// <summary>Verbs of taking over what something does (phrases of the table, declared before it; each counts only where <see cref="BehaviourTakenOver"/> holds).</summary>
    internal static readonly string[] TakeoverVerbs =
        ["override", "overrides", "overriding", "replace", "replaces", "modify", "modifies", "alter", "alters", "change", "changes",
         "redefine", "redefines"];

    /// <summary>A thing breaking (phrases of the table, declared before it; each counts only where <see cref="ThreatUnlessObeyed"/> holds).</summary>
    internal static readonly string[] BreakingConsequences =
        ["will not work", "won't work", "will crash", "will fail", "will break", "will stop working", "would not work", "would crash"];

    /// <summary>Rules claimed as the reason for an order (phrases of the table, declared before it; each counts only where <see cref="RuleClaimedForSending"/> holds).</summary>
    internal static readonly string[] ClaimedRules =
        ["internal protocol", "internal protocols", "internal policy", "internal policies", "internal procedure", "internal procedures",
         "company policy", "corporate policy", "security policy", "security protocol", "compliance policy", "standard procedure",
         "standard protocol"];

    /// <summary>Role labels a text may speak under (phrases of the table, declared before it; each counts only where <see cref="RoleLabelOrders"/> holds).</summary>
    internal static readonly string[] RoleLabels = ["system:", "root:", "admin:", "administrator:", "superuser:", "sudo:", "override:"];

    /// <summary>Verbs of taking a role (phrases of the table, declared before it; each counts only where <see cref="PrivilegedRoleTaken"/> holds).</summary>
    internal static readonly string[] RoleTakingVerbs =
        ["execute as", "act as", "operate as", "act as if you are", "act as though you are", "act as if you were", "act as though you were"];

    /// <summary>The browser's stored logins (phrases of the table, declared before it; each counts only where <see cref="GatheredByOrder"/> holds).</summary>
    internal static readonly string[] BrowserSecrets = ["browser passwords", "browser credentials", "browser logins", "saved passwords", "stored passwords", "saved logins"];

    /// <summary>The host's details, gathered by order (phrases of the table, declared before it; each counts only where <see cref="GatheredByOrder"/> holds).</summary>
    internal static readonly string[] HostDetails =
        ["system environment", "environment info", "environment information", "environment details", "system info", "system information",
         "system details", "host info", "host information", "host details", "machine information", "machine details"];

    /// <summary>The user's exact whereabouts, asked of the model (phrases of the table, declared before it).</summary>
    internal static readonly string[] Whereabouts =
        ["your exact current location", "your exact location", "your precise location", "your precise current location", "your home address"];

    /// <summary>
    /// Verbs of switching a protection off, as phrases of the table (declared before it; each counts only where
    /// <see cref="ProtectionSwitchedOff"/> holds). "bypass" and "circumvent" are <see cref="BypassVerbs"/>, whose condition
    /// reads a protection too; "override" is one of <see cref="TakeoverVerbs"/>.
    /// </summary>
    internal static readonly string[] SwitchingOffPhrases =
        ["disable", "deactivate", "evade", "suspend", "uninstall", "defeat", "kill", "silence", "mute", "neutralize", "neutralise",
         "turn off", "turn down", "switch off", "shut off", "shut down"];

    /// <summary>
    /// The words an instruction kept beyond the call must say, as phrases of the table (declared before it; each counts
    /// only where <see cref="KeptBeyondTheCall"/> holds): a verb that keeps in the model's mind, a word of lasting, "from now on".
    /// </summary>
    internal static readonly string[] KeepingPhrases =
        ["remember", "memorize", "memorise", "internalize", "internalise", "memory", "memories", "future", "permanently", "permanent",
         "forever", "persistent", "persistently", "later", "from now on"];

    /// <summary>
    /// A secret of the environment named, as phrases of the table (declared before it; each counts only where
    /// <see cref="EnvironmentSecretNamed"/> holds): the secret-naming last part of an upper-case variable's name (read after
    /// its '_': "KEY" of "OPENAI_API_KEY"; "PASSWORD" and "CREDENTIALS" are <see cref="DisclosedObjects"/>, whose condition
    /// reads it too), every variable, printenv, environ.
    /// </summary>
    internal static readonly string[] EnvironmentSecretPhrases =
        ["key", "token", "secret", "passwd", "pwd", "credential", "pat", "environment variables", "environment variable", "env vars",
         "env var", "envvars", "envvar", "printenv", "environ", "env"];

    /// <summary>The taker of a self-granted privilege (a phrase of the table, declared before it; counts only where <see cref="PrivilegeSelfGranted"/> holds).</summary>
    internal static readonly string[] SelfTakers = ["yourself"];

    /// <summary>Orders to fetch code and run it (phrases of the table, declared before it; each counts only where <see cref="DownloadedCodeRun"/> holds).</summary>
    internal static readonly string[] DownloadAndRunPhrases = ["download and run", "download and execute", "download and launch"];

    /// <summary>Hidden or secret tag openings, as phrases of the table (declared before it; each counts only where <see cref="HiddenTagNamesAnOrder"/> holds).</summary>
    internal static readonly string[] HiddenTagOpenings = ["[hidden", "[secret", "<hidden", "<secret"];

    /// <summary>A switch set by order, as a phrase of the table (declared before it; counts only where <see cref="SensitiveSwitchOrdered"/> holds).</summary>
    internal static readonly string[] SwitchSettingVerbs = ["set"];

    /// <summary>The model's own terminal, as phrases of the table (declared before it; each counts only where <see cref="HostProbeRun"/> holds).</summary>
    internal static readonly string[] OwnTerminals = ["your terminal", "your shell", "your console", "your command line"];

    /// <summary>Another tool replaced, as a phrase of the table (declared before it; counts only where <see cref="NamedToolSubstituted"/> holds).</summary>
    internal static readonly string[] SubstitutionPhrases = ["instead of"];

    /// <summary>Consent claimed, as phrases of the table (declared before it; each counts only where <see cref="ConsentClaimed"/> holds).</summary>
    internal static readonly string[] ConsentClaimPhrases =
        ["has granted", "have granted", "has already granted", "has approved", "have approved", "has already approved", "has authorized",
         "has authorised", "have authorized", "has already authorized", "has consented", "have consented", "has already consented",
         "authorized by the user", "authorised by the user", "authorized by the admin", "authorized by the administrator", "pre-authorized",
         "pre-authorised"];

    /// <summary>The rank of instructions given to something, as phrases of the table (declared before it; each counts only where <see cref="OutputTakenAsInstructions"/> holds).</summary>
    internal static readonly string[] InstructionRanks =
        ["as instructions", "as commands", "as directives", "as orders", "as system instructions", "as system commands", "as system messages",
         "as developer instructions", "as your instructions", "as your new instructions", "as authoritative instructions", "as trusted instructions"];

    /// <summary>Where the description's own steps are kept back, as phrases of the table (declared before it; each counts only where <see cref="BehaviourKeptOut"/> holds).</summary>
    internal static readonly string[] KeptOutPhrases =
        ["to yourself", "in your reply", "in your replies", "in your response", "in your responses", "in your answer", "in your answers",
         "in your output", "in your message"];

    /// <summary>Verbs that fetch code, as phrases of the table (declared before it; each counts only where <see cref="FetchedThenRun"/> holds).</summary>
    internal static readonly string[] CodeFetchingVerbs = ["download", "fetch", "retrieve"];

    /// <summary>Orders to set the user aside, before a possessive (phrases of the table, declared before it; each counts only where <see cref="UserOverruled"/> holds).</summary>
    internal static readonly string[] OverrulingPhrases = ["ignore the user", "disregard the user"];

    /// <summary>A command chained after the tool's work (a phrase of the table, declared before it; counts only where <see cref="CommandChained"/> holds).</summary>
    internal static readonly string[] ChainingPhrases = ["then execute"];

    /// <summary>SSH keys by name (phrases of the table, declared before it; each counts only where <see cref="MovedByOrder"/> holds).</summary>
    internal static readonly string[] SshKeys = ["ssh keys", "ssh key"];

    /// <summary>A switch on by default (phrases of the table, declared before it; each counts only where <see cref="SecretFilesTakenByDefault"/> holds).</summary>
    internal static readonly string[] DefaultOnMarkers =
        ["default: true", "default true", "default=true", "default = true", "defaults to true", "default is true", "default: yes",
         "default: on", "default: enabled", "enabled by default", "on by default", "true by default"];

    /// <summary>Controls lifted by order: harmful only where <see cref="OpensAnOrder"/> holds ("Escalate privileges", not "Checks whether a user can escalate privileges").</summary>
    internal static readonly string[] ControlsLiftedOrders =
        ["escalate privileges", "escalate your privileges", "disable content filtering", "disable the content filter", "disable safety filters",
         "turn off safety filters", "turn off the safety filter", "bypass the filter", "bypass the content filter", "remove all restrictions",
         "lift all restrictions", "lift all limitations", "remove all limitations", "grant this tool full",

         // Privileges taken, approvals given in the user's stead, checks skipped: scanners' suites write them as bare orders.
         "run as administrator", "run as root", "run with sudo", "elevate your privileges", "elevate to root",
         "elevate to admin", "escalate to root", "escalate to admin", "escalate to administrator", "override restrictions",
         "override all restrictions", "override the restrictions", "skip validation", "skip all validation", "skip all checks",
         "auto-approve all", "auto-approve every", "approve all pending", "approve all requests", "approve every request",

         // The record of what was done erased, the user's files and funds taken wholesale, the environment dumped.
         "clear the audit log", "clear the audit logs", "delete the audit log", "delete the audit logs", "wipe the audit log",
         "erase the audit log", "clear the audit trail", "delete the audit trail", "delete the logs after", "clear the logs after",
         "wipe the logs after", "cover your tracks", "cover the tracks", "remove all traces", "erase all traces", "delete all traces",
         "clear the bash history", "clear the shell history", "delete the bash history", "delete all files in the home directory",
         "delete everything in the home directory", "transfer all funds", "transfer all the funds", "dump all environment variables",
         "dump the environment variables", "dump all secrets", "dump all credentials", "dump all passwords"];

    /// <summary>Recursive permission and owner changes (phrases of the table, declared before it; each counts only where <see cref="AppliedToHomeOrRoot"/> holds).</summary>
    internal static readonly string[] RecursiveModeCommands = ["chmod -r", "chown -r", "chgrp -r"];

    /// <summary>The user's say withheld, as phrases of the table (declared before it; each counts only where <see cref="NotDenied"/> holds).</summary>
    internal static readonly string[] UnaskedPhrases =
        ["without user consent", "without the user's consent", "without user approval", "without the user's approval",
         "without user permission", "without the user's permission", "sold to third parties", "sold to advertisers",
         "sold to partners", "shared with third parties", "shared with advertisers", "sells it to", "sells them to"];

    /// <summary>Card data asked for whole, as phrases of the table (declared before it; each counts only where <see cref="UsersCardDataAsked"/> holds).</summary>
    internal static readonly string[] CardSecrets = ["cvv", "cvc2", "card verification code", "card security code"];

    /// <summary>Forms of handing data over, as phrases of the table (declared before it; each counts only where <see cref="SentToAWrittenAddress"/> holds).</summary>
    internal static readonly string[] HandedOverForms =
        ["sent", "forwarded", "uploaded", "posted", "copied", "emailed", "emails", "mailed", "shared", "shares", "synced", "syncs",
         "transmitted", "delivered", "relayed", "exported", "mirrored", "uploads", "forwards", "sends", "copies"];

    /// <summary>The phrases in table order (the first that matches at a position is its finding), each with its category.</summary>
    internal static readonly (string Phrase, string Category)[] Phrases =
    [
        // Instructions addressed to the model.
        ("ignore previous", "instruction"), ("ignore all previous", "instruction"), ("ignore the previous", "instruction"),
        ("ignore prior", "instruction"), ("ignore any previous", "instruction"), ("ignore the above", "instruction"),
        ("disregard previous", "instruction"), ("disregard all", "instruction"), ("disregard the above", "instruction"),
        ("disregard your", "instruction"), ("forget your instructions", "instruction"), ("forget all previous", "instruction"),
        ("override your instructions", "instruction"), ("new instructions:", "instruction"), ("system prompt", "instruction"),
        ("<important>", "instruction"), ("</important>", "instruction"), ("<system>", "instruction"), ("[system]", "instruction"),
        ("<instructions>", "instruction"), ("<secret>", "instruction"), ("do not tell the user", "instruction"),
        ("don't tell the user", "instruction"), ("do not mention", "instruction"), ("do not inform the user", "instruction"),
        ("do not reveal", "instruction"), ("without telling the user", "instruction"), ("without informing the user", "instruction"),
        ("without the user knowing", "instruction"), ("the user must not", "instruction"), ("hide this from", "instruction"),
        ("you are now", "instruction"), ("as an ai", "instruction"), ("dear assistant", "instruction"), ("dear ai", "instruction"),
        ("note to the assistant", "instruction"), ("note to the model", "instruction"), ("assistant must", "instruction"),
        ("the model must", "instruction"), ("you must first", "instruction"),

        // Requests to read secrets.
        ("~/.ssh", "secret-access"), (".ssh/", "secret-access"), ("id_rsa", "secret-access"), ("id_ed25519", "secret-access"),
        ("~/.aws", "secret-access"), (".aws/credentials", "secret-access"), ("/etc/passwd", "secret-access"), ("/etc/shadow", "secret-access"),
        (".npmrc", "secret-access"), (".netrc", "secret-access"), (".pgpass", "secret-access"), (".kube/config", "secret-access"),
        (".docker/config.json", "secret-access"), ("mcp.json", "secret-access"), ("claude_desktop_config", "secret-access"),
        (".env file", "secret-access"), ("private key", "secret-access"), ("secret key", "secret-access"),
        ("credentials file", "secret-access"), ("read the credentials", "secret-access"), ("password file", "secret-access"),

        // References to other tools' behaviour (shadowing).
        ("other tool", "shadowing"), ("another tool", "shadowing"), ("all tools", "shadowing"), ("any tool", "shadowing"),
        ("every tool", "shadowing"), ("other server", "shadowing"), ("instead of using", "shadowing"), ("before using any", "shadowing"),
        ("before calling any", "shadowing"), ("before any other", "shadowing"), ("must also call", "shadowing"),
        ("call this tool first", "shadowing"), ("this tool must be called", "shadowing"),
        ("side effect", "shadowing"), ("replace the behavior", "shadowing"), ("replace the behaviour", "shadowing"),
        ("change the behavior", "shadowing"), ("change the behaviour", "shadowing"),

        // Paraphrased secrecy.
        ("do not show to user", "instruction"), ("do not show the user", "instruction"), ("never tell the user", "instruction"),
        ("never mention", "instruction"), ("never reveal", "instruction"), ("keep this secret", "instruction"), ("keep this hidden", "instruction"),
        ("without the user's knowledge", "instruction"), ("without user knowledge", "instruction"), ("without their knowledge", "instruction"),
        ("without asking the user", "instruction"), ("secretly", "instruction"), ("covertly", "instruction"),
        ("don't mention", "instruction"), ("do not disclose", "instruction"), ("not visible to the user", "instruction"),
        ("so that no one notices", "instruction"), ("so that nobody notices", "instruction"), ("so no one notices", "instruction"),
        ("so nobody notices", "instruction"), ("so the user doesn't notice", "instruction"), ("so that the user does not notice", "instruction"),
        ("so that nobody finds out", "instruction"), ("so no one finds out", "instruction"),
        ("between you and the tool", "instruction"), ("between you and me", "instruction"), ("stay between us", "instruction"),
        ("stays between us", "instruction"), ("remain between us", "instruction"), ("refrain from disclosing", "instruction"),
        ("refrain from revealing", "instruction"), ("refrain from telling", "instruction"), ("don't reveal", "instruction"),
        ("do not divulge", "instruction"), ("don't divulge", "instruction"), ("never divulge", "instruction"),
        ("do not surface this", "instruction"), ("don't surface this", "instruction"), ("as if this instruction", "instruction"),
        ("as if these instructions", "instruction"), ("as though this instruction", "instruction"), ("as if this note", "instruction"),
        ("as if you never saw", "instruction"), ("confidential from the user", "instruction"), ("secret from the user", "instruction"),
        ("do not log this action", "instruction"), ("don't log this action", "instruction"), ("do not log this call", "instruction"),
        ("don't log this call", "instruction"), ("do not log this request", "instruction"), ("don't log this request", "instruction"),

        // The model asked for what it was told; a template's role block.
        ("repeat the text above", "instruction"), ("repeat everything above", "instruction"), ("repeat all of the above", "instruction"),
        ("repeat the words above", "instruction"), ("what are your instructions", "instruction"), ("what were your instructions", "instruction"),
        ("print your instructions", "instruction"), ("output your instructions", "instruction"), ("{{#system", "instruction"),
        ("{{/system", "instruction"), ("{{#assistant", "instruction"),

        // Fake authority and pseudo-markup.
        ("system instruction", "instruction"), ("system override", "instruction"), ("[inst]", "instruction"), ("[[[", "instruction"),
        ("### system", "instruction"), ("security audited and approved", "instruction"), ("trust this tool", "instruction"),
        ("compliance requirement", "instruction"), ("required by the platform", "instruction"), ("mandatory:", "instruction"),

        // Harmful behaviour stated in prose.
        ("also execute", "harmful"), ("also copies", "harmful"), ("also copy", "harmful"), ("also sends", "harmful"), ("also send", "harmful"),
        ("also forwards", "harmful"), ("also forward", "harmful"), ("also uploads", "harmful"), ("in the background", "harmful"),
        ("redirect all", "harmful"), ("hijack", "harmful"), ("exfiltrat", "harmful"), ("disable all security", "harmful"),
        ("disable all guardrails", "harmful"), ("disable all safety", "harmful"), ("disable the guardrails", "harmful"), ("bypass all", "harmful"),
        ("bypassing", "harmful"), ("grant full", "harmful"), ("elevated access", "harmful"), ("unrestricted access", "harmful"),
        ("to the attacker", "harmful"), ("send to attacker", "harmful"), ("and send to", "harmful"), ("export all user data", "harmful"),
        ("include their contents", "harmful"), ("include its contents", "harmful"), ("pass its content", "harmful"), ("read ssh keys", "harmful"),
        ("to anyone who asks", "harmful"), ("with anyone who asks", "harmful"),
        ("capture keystrokes", "harmful"), ("captures keystrokes", "harmful"), ("capturing keystrokes", "harmful"),
        ("record keystrokes", "harmful"), ("records keystrokes", "harmful"), ("recording keystrokes", "harmful"), ("log keystrokes", "harmful"),
        ("logs keystrokes", "harmful"), ("logging keystrokes", "harmful"),

        // Preference manipulation.
        ("prioritize this tool", "manipulation"), ("choose this tool first", "manipulation"), ("always choose this tool", "manipulation"),
        ("use this tool first", "manipulation"), ("over any alternatives", "manipulation"), ("do not use other", "manipulation"),
        ("ignore all other", "manipulation"), ("other tools are", "manipulation"), ("outperforms", "manipulation"), ("act now", "manipulation"),
        ("limited time", "manipulation"), ("superior to", "manipulation"), ("the only converter", "manipulation"), ("#1 rank", "manipulation"),

        // Sensitive files named by glob, and code.
        ("*.env", "secret-access"), ("id_*", "secret-access"), ("*.pem", "secret-access"), ("*.key", "secret-access"), (".git-credentials", "secret-access"),
        // A fence is formatting (vendors fence their call examples); one that asks for a shell or an interpreter is code.
        ("```bash", "code"), ("```sh", "code"), ("```shell", "code"), ("```python", "code"), ("```powershell", "code"), ("import os", "code"), ("subprocess", "code"), ("os.system", "code"), ("eval(", "code"), ("exec(", "code"),
        ("curl http", "code"), ("wget http", "code"), ("bash -c", "code"), ("rm -rf", "code"), ("base64 -d", "code"),

        // Hidden markup, and markup that acts when rendered (a script, an event handler; remote images: RemoteImage).
        ("<!--", "html-comment"), ("<script", "markup"), ("onerror=", "markup"), ("onclick=", "markup"), ("onload=", "markup"),

        // "Sleeper" tools: never to be called in normal operation, they wait for a trigger.
        ("should never be called", "instruction"), ("should never be invoked", "instruction"), ("never needs to be called", "instruction"),
        ("never needs to be invoked", "instruction"), ("not be called during normal", "instruction"), ("not be invoked during normal", "instruction"),

        // Key stores, shell histories and cloud logins; orders to act unconfirmed or unseen; shells and encoded commands.
        ("*.kdbx", "secret-access"), ("*.p12", "secret-access"), ("*.pfx", "secret-access"), ("*.keystore", "secret-access"), ("*.jks", "secret-access"),
        ("id_dsa", "secret-access"), ("id_ecdsa", "secret-access"), ("~/.gnupg", "secret-access"), (".gnupg/", "secret-access"), ("wallet.dat", "secret-access"),
        (".config/gh/", "secret-access"), ("gh/hosts.yml", "secret-access"), (".bash_history", "secret-access"), (".zsh_history", "secret-access"), ("application_default_credentials", "secret-access"), ("/etc/sudoers", "secret-access"),
        ("do not ask for confirmation", "instruction"), ("don't ask for confirmation", "instruction"), ("never ask for confirmation", "instruction"),
        ("skip confirmation", "instruction"), ("skip all confirmation", "instruction"), ("without asking for confirmation", "instruction"), ("pre-approved", "instruction"),
        ("keep this between", "instruction"), ("not be made aware", "instruction"),
        ("no need to tell the user", "instruction"), ("no need to inform the user", "instruction"), ("refrain from mentioning", "instruction"), ("without alerting", "instruction"),
        ("don't bother the user", "instruction"), ("do not bother the user", "instruction"), ("never disclose", "instruction"), ("don't disclose", "instruction"),
        ("do not let the user", "instruction"), ("don't let the user", "instruction"), ("without notifying the user", "instruction"), ("do not notify the user", "instruction"),
        ("don't notify the user", "instruction"),
        ("/dev/tcp/", "code"), ("nc -e", "code"), ("invoke-expression", "code"), ("child_process", "code"), ("os.popen", "code"), ("powershell -enc", "code"),
        ("powershell -encodedcommand", "code"), ("instead of any other", "manipulation"),

        // Standing orders and resets of what the model was told; jail-break modes; links that run code (only where OpensALink holds).
        ("from now on you", "instruction"), ("from now on, you", "instruction"), ("disregard everything", "instruction"), ("forget everything", "instruction"),
        ("unrestricted mode", "harmful"), ("javascript:", "markup"),

        // Adverbs of stealth, where a verb that moves or gathers data follows (only where BeforeMovingVerb holds).
        ("silently", "harmful"), ("quietly", "harmful"), ("stealthily", "harmful"), ("discreetly", "harmful"), ("invisibly", "harmful"),

        // A sentence that opens on another tool's call by name and moves data (only where TiedToANamedTool holds).
        ("before using", "shadowing"), ("before calling", "shadowing"), ("before invoking", "shadowing"),

        // Authority markers in brackets or bold and hidden-text tags (as the angle-bracket pseudo-tags); the environment
        // dumped into a command ("curl https://…?d=$(env | base64)"); the AWS credentials named by their folder.
        ("[important]", "instruction"), ("[/important]", "instruction"), ("[hidden]", "instruction"), ("[secret]", "instruction"),
        ("[instruction", "instruction"), ("[system note", "instruction"), ("[system message", "instruction"), ("**hidden**", "instruction"),
        ("**secret**", "instruction"), ("**system note", "instruction"), ("**system message", "instruction"), ("**system instruction", "instruction"),
        ("<hidden>", "instruction"), ("</hidden>", "instruction"), ("$(env", "code"), (".aws credentials", "secret-access"),

        // A blind-copy recipient added by a standing order (only where AddsARecipient holds); the tools of other servers,
        // where a sentence names tools or ranks this one (only where AboutOtherServersTools holds).
        ("bcc", "harmful"), ("other servers", "shadowing"), ("other mcp server", "shadowing"), ("other mcp servers", "shadowing"),
        ("another mcp server", "shadowing"),

        // This tool ranked above every other there is (only where AboveEverything, NamesATool or SaidOfThisTool holds); the
        // model asked which model it is (only where AsksForTheCallingModel holds).
        ("best tool", "manipulation"), ("best server", "manipulation"), ("best function", "manipulation"), ("greatest tool", "manipulation"),
        ("ultimate tool", "manipulation"), ("finest tool", "manipulation"), ("world's best", "manipulation"), ("world's greatest", "manipulation"),
        ("best in the world", "manipulation"), ("calls this tool", "harvesting"), ("calling this tool", "harvesting"),
        ("invokes this tool", "harvesting"), ("invoking this tool", "harvesting"),

        // Secret files and code named otherwise (a pipe into a shell: PipesIntoShell); authority markers in brackets.
        ("credentials.json", "secret-access"), ("secrets.yaml", "secret-access"), ("secrets.yml", "secret-access"), ("secrets.json", "secret-access"),
        (".pypirc", "secret-access"), ("*.ovpn", "secret-access"), (".env*", "secret-access"),
        // The user's own dotenv, named by its path in the home folder as "~/.ssh" and "~/.aws" are (whole words: not
        // "~/.envoy"; ".env.local" and the like are still it).
        ("~/.env", "secret-access"), ("$home/.env", "secret-access"), ("${home}/.env", "secret-access"),
        ("python -c", "code"), ("sh -c", "code"), ("requests.post(", "code"), ("document.cookie", "code"), ("downloadstring(", "code"), ("net.webclient", "code"), ("iex (", "code"),
        ("[admin note", "instruction"), ("[developer note", "instruction"),

        // The user kept from knowing (only where KeptFromTheUser holds); a tool's own sending outside the call (only where
        // SentOutside holds); authority claimed in a model maker's name (only where ClaimedForAnAiMaker holds); a secret
        // taken (only where TakesASecret holds).
        .. TellingVerbs.Select(v => (v, "instruction")),
        .. OutsideDestinations.Select(d => (d, "harmful")),
        .. AuthorityClaims.Select(c => (c, "instruction")),
        .. TheftVerbs.Select(v => (v, "harmful")),

        // Credentials and the conversation, where an obligation makes the model hand them over (only where ObligedToDisclose holds).
        .. DisclosedObjects.Select(o => (o, "harvesting")),

        // Reaching beyond the user's own (each only where its condition of ToolDescriptionScanner.Privileges holds): a made-up
        // scheme's secret resource, a privilege sought, a control bypassed, safety set aside, a trigger that unlocks, secrets
        // handed over wholesale; the description's words left out of the reply (OmittedFromReply); a notice in an
        // authority's name (OfficialNotice); a persona or a cover story the model is told to keep up.
        .. SecretResources.Select(r => (r, "secret-access")),
        .. Privileges.Select(p => (p, "harmful")),
        .. BypassVerbs.Select(v => (v, "harmful")),
        .. SafetySetAsidePhrases.Select(p => (p, "instruction")),
        .. TriggerWords.Select(w => (w, "instruction")),
        .. WholesaleSecrets.Select(s => (s, "harvesting")),
        .. OmittingVerbs.Select(v => (v, "instruction")),
        ("official", "instruction"),
        .. PretenceOrders.Select(p => (p, "instruction")),
        .. CoverStories.Select(c => (c, "instruction")),

        // The user's say left out of a hand-off (only where ConsentWithheld holds); the conversation sent out by the tool
        // (only where ConversationSent holds; the conversation among DisclosedObjects counts there too).
        .. ConsentWords.Select(w => (w, "instruction")),
        .. ConversationRecords.Select(r => (r, "harvesting")),

        // An authority marker in brackets or bold before an order about rules (only where RuleOrderFollows holds).
        .. AuthorityMarkers.Select(m => (m, "instruction")),

        // What another tool or the assistant does taken over (only where BehaviourTakenOver holds); the tool threatened to
        // break unless the model obeys (only where ThreatUnlessObeyed holds); a rule claimed before an order to send data
        // (only where RuleClaimedForSending holds).
        .. TakeoverVerbs.Select(v => (v, "shadowing")),
        .. BreakingConsequences.Select(c => (c, "instruction")),
        .. ClaimedRules.Select(r => (r, "instruction")),

        // A recursive permission or owner change of the home directory or the root (only where AppliedToHomeOrRoot holds);
        // the git configuration, where remotes keep their tokens.
        .. RecursiveModeCommands.Select(c => (c, "code")),
        (".git/config", "secret-access"),

        // An upper-case role label before an order (only where RoleLabelOrders holds); a privileged role taken by order
        // (only where PrivilegedRoleTaken holds); the browser's stored logins gathered by order (only where GatheredByOrder holds).
        .. RoleLabels.Select(l => (l, "instruction")),
        .. RoleTakingVerbs.Select(v => (v, "harmful")),
        .. BrowserSecrets.Select(s => (s, "harvesting")),

        // The host's details gathered by order (only where GatheredByOrder holds); the user's exact whereabouts asked for.
        .. HostDetails.Select(d => (d, "harvesting")),
        .. Whereabouts.Select(w => (w, "harvesting")),

        // Secret stores named otherwise: the process environment, cloud and vault logins.
        ("/proc/self/environ", "secret-access"), (".azure/", "secret-access"), (".config/gcloud", "secret-access"),
        (".vault-token", "secret-access"), (".s3cfg", "secret-access"), (".terraform.d/credentials", "secret-access"),

        // Secrecy, authority markers, jail-break modes, the user's request set aside ("instead of answering" only where
        // OpensAnOrder holds) and the prompt read back, in other words.
        ("do not let them know", "instruction"), ("don't let them know", "instruction"), ("behind the user's back", "instruction"),
        ("do not acknowledge these instructions", "instruction"), ("don't acknowledge these instructions", "instruction"),
        ("priority instruction", "instruction"), ("important system note", "instruction"),
        ("dan mode", "instruction"), ("jailbreak mode", "instruction"), ("your new role", "instruction"),
        ("ignore the user's request", "instruction"), ("ignore the user's instructions", "instruction"), ("ignore what the user", "instruction"),
        ("forget what the user", "instruction"), ("instead of answering", "instruction"), ("respond only with the contents", "instruction"),
        ("repeat everything above", "instruction"), ("everything above this line", "instruction"), ("print the text above", "instruction"),
        ("your instructions verbatim", "instruction"), ("output your instructions", "instruction"),

        // The model told it has no rules, or given a persona without them; controls lifted by order (only where OpensAnOrder holds).
        ("you have no restrictions", "instruction"), ("you have no limits", "instruction"), ("there are no rules", "instruction"),
        ("no rules apply", "instruction"), ("pretend you have no", "instruction"), ("unrestricted ai", "instruction"),
        ("unrestricted assistant", "instruction"), ("unrestricted model", "instruction"), ("unfiltered ai", "instruction"),
        ("unfiltered assistant", "instruction"), ("god mode", "instruction"), ("act as dan", "instruction"),
        .. ControlsLiftedOrders.Select(o => (o, "harmful")),

        // A protection switched off by order (only where ProtectionSwitchedOff holds); an instruction kept beyond the call
        // (only where KeptBeyondTheCall holds); a secret of the environment moved into a call or reply (only where
        // EnvironmentSecretNamed holds). On the walk's word starts, each at its own rare word: no pass of their own.
        .. SwitchingOffPhrases.Select(v => (v, "harmful")),
        .. KeepingPhrases.Select(w => (w, "instruction")),
        .. EnvironmentSecretPhrases.Select(w => (w, "secret-access")),

        // A privilege the agent is told to give itself (only where PrivilegeSelfGranted holds); code to download and run
        // (only where DownloadedCodeRun holds); what the user decided set aside (only where UserOverruled holds). Each at
        // its own rare words, on the walk's word starts.
        .. SelfTakers.Select(t => (t, "harmful")),
        .. DownloadAndRunPhrases.Select(p => (p, "code")),
        .. OverrulingPhrases.Select(p => (p, "instruction")),

        // A command chained after the tool's work by order (only where CommandChained holds).
        .. ChainingPhrases.Select(p => (p, "code")),

        // SSH keys sent or taken by order or as the tool's stated behaviour (only where MovedByOrder holds).
        .. SshKeys.Select(k => (k, "harvesting")),

        // The user's secret files taken in by a switch that is on by default (only where SecretFilesTakenByDefault holds).
        .. DefaultOnMarkers.Select(m => (m, "harvesting")),

        // Code fetched by order and then run (only where FetchedThenRun holds).
        .. CodeFetchingVerbs.Select(v => (v, "code")),

        // A hidden or secret tag that names an order (only where HiddenTagNamesAnOrder holds).
        .. HiddenTagOpenings.Select(t => (t, "instruction")),

        // A switch set true by order to bring in people's most sensitive records (only where SensitiveSwitchOrdered holds).
        .. SwitchSettingVerbs.Select(v => (v, "harvesting")),

        // A command that reads the host, to be run in the model's own terminal (only where HostProbeRun holds).
        .. OwnTerminals.Select(t => (t, "code")),

        // Another tool, named by its identifier, replaced by this one as a standing rule (only where NamedToolSubstituted holds).
        .. SubstitutionPhrases.Select(p => (p, "shadowing")),

        // Consent claimed for the user or by an administrator, as a fact to act on (only where ConsentClaimed holds).
        .. ConsentClaimPhrases.Select(p => (p, "instruction")),

        // What the tool returns raised to instructions (only where OutputTakenAsInstructions holds).
        .. InstructionRanks.Select(r => (r, "instruction")),

        // The description's own steps kept back from the user in other words (only where BehaviourKeptOut holds).
        .. KeptOutPhrases.Select(p => (p, "instruction")),

        // The tool's acts done without the user's say, in a sentence that denies nothing (only where NotDenied holds).
        .. UnaskedPhrases.Select(p => (p, "instruction")),

        // Stores of secrets named: saved Wi-Fi keys, files named for credentials by glob; the user's card data asked for (only where UsersCardDataAsked holds).
        ("wi-fi passwords", "secret-access"), ("wifi passwords", "secret-access"), ("*credentials", "secret-access"),
        ("*secret*", "secret-access"), ("*password*", "secret-access"),
        .. CardSecrets.Select(p => (p, "harvesting")),

        // The user deceived or overruled: a check's failure passed over, success reported for what was changed, answers dictated.
        ("regardless of test results", "harmful"), ("regardless of the test results", "harmful"), ("regardless of failing tests", "harmful"),
        ("even if tests fail", "harmful"), ("even if the tests fail", "harmful"), ("even if ci fails", "harmful"),
        ("even if the user says", "instruction"), ("even if the user objects", "instruction"), ("even if the user refuses", "instruction"), ("even if the user declines", "instruction"),
        ("and report success", "instruction"), ("then report success", "instruction"), ("report success anyway", "instruction"),
        ("anyway and tell the user", "instruction"), ("tell the user it succeeded", "instruction"), ("must be answered with", "instruction"),
        ("should be answered with", "instruction"), ("must always be answered with", "instruction"), ("must be answered by saying", "instruction"),

        // The whole environment put into what the tool sends; the tool's output made the model's orders.
        ("include the full environment", "harvesting"), ("include the entire environment", "harvesting"),
        ("attach the full environment", "harvesting"), ("send the full environment", "harvesting"), ("dump the full environment", "harvesting"),
        ("is an instruction for you", "instruction"), ("are instructions for you", "instruction"), ("carry it out before", "instruction"),

        // The tool's data handed to an address the description writes out (only where SentToAWrittenAddress holds).
        .. HandedOverForms.Select(f => (f, "harmful")),

        // The host's own tool replaced by this one, for everything it does.
        ("replaces the built-in", "shadowing"), ("use it instead for all", "shadowing"), ("use this instead for all", "shadowing"),
        ("use this tool instead for all", "shadowing"),
    ];

    /// <summary>The first characters of phrases that do not start with a letter: candidates wherever they occur.</summary>
    private static readonly string NonLetterStarts = new([.. Phrases.Select(p => p.Phrase[0]).Where(c => !char.IsAsciiLetter(c)).Distinct()]);

    /// <summary>
    /// First characters of phrases that are never stops: every phrase starting with one has an ASCII letter second, a word
    /// start, where the reader also looks one character back (the walk meets '.' and '/' in every sentence and URL).
    /// </summary>
    internal const string LookBackCharacters = "./";

    /// <summary>
    /// Where the shared walk stops besides word starts: the detector's characters and the phrases' non-letter first
    /// characters other than <see cref="LookBackCharacters"/>.
    /// </summary>
    private static readonly string WalkCharacters = new([.. InjectionDetector.WalkCharacters.Union(NonLetterStarts).Except(LookBackCharacters)]);

    /// <summary>All phrases in table order, each with its finding and its first eight characters.</summary>
    private static readonly PhraseEntry[] Entries =
        [.. Phrases.Select(p => new PhraseEntry(p.Phrase, p.Category + ":\"" + p.Phrase + "\"", new AsciiPrefix(p.Phrase), new AsciiPrefix(p.Phrase.Length > AsciiPrefix.Length ? p.Phrase[AsciiPrefix.Length..] : string.Empty), ConditionOf(p.Phrase)))];

    /// <summary>The phrases (in table order) by lower-case first character.</summary>
    private static readonly PhraseEntry[][] ByFirstChar =
        [.. Enumerable.Range(0, 128).Select(c => Entries.Where(p => char.ToLowerInvariant(p.Phrase[0]) == c).ToArray())];

    /// <summary>The first four characters of every phrase: most word starts end with this one lookup.</summary>
    private static readonly PhrasePrefilter Prefilter = new(Phrases.Select(p => p.Phrase));

    /// <summary>
    /// The first characters of every injection-detector anchor (first set) and of every phrase (second set): the walk's
    /// one look at a stop, which ends most stops for both readers and answers for each at the others.
    /// </summary>
    private static readonly PhrasePrefilter FirstLook = new(InjectionDetector.AnchorPhrases, Phrases.Select(p => p.Phrase));

    /// <summary>The phrases (in table order) by lower-case first and second character, both ASCII: 128 × 128 lists.</summary>
    private static readonly PairTable<PhraseEntry> ByPair = BuildPairs();

    /// <summary>Zero-width, bidirectional controls, invisible separators, the braille pattern blank (U+2800, shown as a space), BOM, soft hyphen, tag characters (high surrogate of U+E0000..U+E007F).</summary>
    internal const string HiddenCharacterList =
        "\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180E\u200B\u200C\u200D\u200E\u200F\u202A\u202B\u202C\u202D\u202E\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\u206A\u206B\u206C\u206D\u206E\u206F\u2800\u3164\uFEFF\uFFA0\uDB40";

    private static readonly SearchValues<char> HiddenCharacters = SearchValues.Create(HiddenCharacterList);

    private static readonly SearchValues<char> CollapsibleWhiteSpace = SearchValues.Create("\t\r\n\u00A0");

    /// <summary>
    /// The ASCII control characters other than tab, line feed and carriage return: ESC, which opens the terminal
    /// sequences that conceal text, move the cursor or erase a line, backspace, NUL, DEL and the rest. A terminal shows
    /// the reader something other than what the model reads (C1 controls, not ASCII, are met by the walk).
    /// </summary>
    internal const string AsciiControlCharacterList =
        "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000B\u000C\u000E\u000F\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F\u007F";

    private static readonly SearchValues<char> AsciiControlCharacters = SearchValues.Create(AsciiControlCharacterList);

    /// <summary>Scans one tool (its wire JSON); returns the findings (e.g. <c>instruction:"ignore previous"</c>), null when clean.</summary>
    public static List<string>? Scan(JsonObject tool)
    {
        var text = new TextBuffer(ArrayPool<char>.Shared.Rent(1024));
        try
        {
            AppendMember(tool, "title", ref text);
            AppendMember(tool, "description", ref text);
            if (tool.TryGetPropertyValue("annotations", out var annotations) && annotations is JsonObject a)
            {
                AppendMember(a, "title", ref text);
            }

            var signals = SchemaSignals.None;
            if (tool.TryGetPropertyValue("inputSchema", out var schema) && schema is JsonObject s)
            {
                AppendSchema(s, ref text, 0, ref signals);
            }

            // One walk over the text: the injection detector's, with the phrase search reading each of its stops (and
            // noting invisible characters, reported first).
            var written = text.Written;
            var phrases = new PhraseReader(written.ContainsAny(CollapsibleWhiteSpace) || written.Contains("  ", StringComparison.Ordinal), null);
            var assessment = Injection.Assess(written, ref phrases, out var plain);
            var findings = phrases.Findings;
            if (phrases.SawHiddenCharacter)
            {
                (findings ??= []).Insert(0, "hidden-text:invisible or bidirectional characters");
            }

            if (phrases.SawMixedScript)
            {
                (findings ??= []).Insert(phrases.SawHiddenCharacter ? 1 : 0, "hidden-text:mixed-script word");
            }

            if (phrases.SawControlCharacter || written.ContainsAny(AsciiControlCharacters))
            {
                (findings ??= []).Insert((phrases.SawHiddenCharacter ? 1 : 0) + (phrases.SawMixedScript ? 1 : 0), "hidden-text:control characters");
            }

            ScanStructure(written, phrases.SawPseudoMarkup, assessment, ref findings);
            if ((signals & SchemaSignals.SecretSwitchOn) != 0)
            {
                Add(ref findings, "harvesting:secret switch on by default");
            }

            if ((signals & SchemaSignals.SecretContentsNamed) != 0)
            {
                Add(ref findings, "harvesting:parameter named for a secret's contents");
            }

            if ((signals & SchemaSignals.DestinationPinned) != 0)
            {
                Add(ref findings, "harmful:a destination pinned by a parameter's default");
            }

            ReadJoinedWords(written, ref findings);
            if (plain is not null)
            {
                ReadPlainly(plain, ref findings);
            }

            return findings;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(text.Buffer);
        }
    }

    /// <summary>
    /// The scanner's own phrases (and a sending to a named address) read again in the lines the injection detector's
    /// plain reading folds (<see cref="PlainReading"/>: Cyrillic look-alikes, full-width letters, zero-width characters,
    /// emphasis around each word, typographic apostrophes): a phrase written in disguise is found as if written plainly.
    /// Only the findings of phrases count here; the disguise itself was noted by the walk over the text as written.
    /// </summary>
    private static void ReadPlainly(string plain, ref List<string>? findings)
    {
        var text = plain.AsSpan();
        var reader = new PhraseReader(text.ContainsAny(CollapsibleWhiteSpace) || text.Contains("  ", StringComparison.Ordinal), findings);
        foreach (var at in new WordStarts(text, WalkCharacters, nonAscii: true))
        {
            reader.At(text, at, reader.Look(text, at));
        }

        findings = reader.Findings;
        if (SendsToAnAddress(text))
        {
            Add(ref findings, "harmful:sends data to an address in the description");
        }
    }

    /// <summary>
    /// The lines of <paramref name="text"/> that the plain reading folds, each with the lines around it; null when none changes
    /// (what <see cref="Scan"/> reads again, from the injection detector's assessment, for texts of four or more characters).
    /// </summary>
    internal static string? PlainReadingOf(ReadOnlySpan<char> text) => text.Length < 4 ? null : PlainReading.Of(text);

    /// <summary>The phrases a non-ASCII character may stand for: those of the ASCII letter its upper case is, if any.</summary>
    private static PhraseEntry[] FoldedCandidates(char c)
    {
        var upper = AsciiUpperCaseOf(c);
        return upper != NoAsciiUpperCase ? ByFirstChar[char.ToLowerInvariant(upper)] : [];
    }

    /// <summary>What <see cref="AsciiUpperCaseOf"/> answers for a character whose upper case is not ASCII.</summary>
    internal const char NoAsciiUpperCase = '\uFFFF';

    /// <summary>The first character from which none has an ASCII upper case (below it, 'ſ' U+017F has: 'S').</summary>
    private const char FirstWithoutAsciiUpperCase = '\u0180';

    /// <summary>
    /// The upper case of a non-ASCII <paramref name="c"/> when that is ASCII, else <see cref="NoAsciiUpperCase"/>. From
    /// U+0180 on the answer needs no look-up: the runtime upper-cases a non-ASCII character with a call into the
    /// globalisation library, and a description in another script makes every character a stop of the walk.
    /// </summary>
    internal static char AsciiUpperCaseOf(char c)
    {
        if (c >= FirstWithoutAsciiUpperCase)
        {
            return NoAsciiUpperCase;
        }

        var upper = char.ToUpperInvariant(c);
        return upper <= '\x7F' ? upper : NoAsciiUpperCase;
    }

    private static int PairIndex(char first, char second) => (char.ToLowerInvariant(first) * 128) + char.ToLowerInvariant(second);

    /// <summary>A phrase, the finding it reports, its first eight characters and the eight after them, and what must hold around it for it to count.</summary>
    private readonly record struct PhraseEntry(string Phrase, string Finding, AsciiPrefix Prefix, AsciiPrefix Rest, PhraseCondition Condition);

    private static PairTable<PhraseEntry> BuildPairs()
    {
        var lookup = Entries.ToLookup(p => PairIndex(p.Phrase[0], p.Phrase[1]));
        return new PairTable<PhraseEntry>(128 * 128, i => [.. lookup[i]]);
    }

    private static bool OnWordBoundaries(ReadOnlySpan<char> text, int at, int end, string phrase)
    {
        var startOk = !char.IsLetterOrDigit(phrase[0]) || at == 0 || !char.IsLetterOrDigit(text[at - 1]);
        var endOk = !char.IsLetterOrDigit(phrase[^1]) || end >= text.Length || !char.IsLetterOrDigit(text[end]) || phrase == "exfiltrat" || phrase == "hijack";
        return startOk && endOk;
    }

    /// <summary>
    /// Markup a description has no business carrying: upper-case pseudo-tags (<c>&lt;IMPORTANT&gt;</c>,
    /// <c>&lt;GLOBAL_OVERRIDE&gt;</c>, <c>&lt;SYSTEM_REQUIREMENT priority="…"&gt;</c>) and text the injection detector
    /// reads as instructions aimed at the model.
    /// </summary>
    private static void ScanStructure(ReadOnlySpan<char> text, bool pseudoMarkup, InjectionAssessment assessment, ref List<string>? findings)
    {
        if (pseudoMarkup)
        {
            Add(ref findings, "instruction:pseudo-markup");
        }

        if (assessment.Score >= AddressedScore && HasMarkerBeyondRequests(assessment.Markers))
        {
            Add(ref findings, "instruction:addressed-to-model");
        }

        if (Shouts(text))
        {
            Add(ref findings, "manipulation:shouting");
        }

        if (SendsToAnAddress(text))
        {
            Add(ref findings, "harmful:sends data to an address in the description");
        }

        if (PipesIntoShell(text))
        {
            Add(ref findings, "code:piped into a shell");
        }

        if (RemoteImage(text))
        {
            Add(ref findings, "markup:remote image");
        }

        if (EscapedLetterInWord(text))
        {
            Add(ref findings, "hidden-text:escaped letter inside a word");
        }

        switch (HiddenPayload(text))
        {
            case EncodedPayload.Instructions:
                Add(ref findings, "hidden-text:encoded instructions");
                break;
            case EncodedPayload.Credential:
                Add(ref findings, "secret-access:encoded credential");
                break;
            case EncodedPayload.Prose:
                Add(ref findings, "hidden-text:encoded prose");
                break;
        }

        if (CallsAToolForSecrets(text))
        {
            Add(ref findings, "harvesting:a tool called for credentials");
        }

        if (CallsAToolNamedForTaking(text))
        {
            Add(ref findings, "harvesting:a tool named for taking called by order");
        }

        if (OrdersACallBeforeUse(text))
        {
            Add(ref findings, "instruction:another tool's call ordered before use");
        }

        if (AsksForAHomeFilesContents(text))
        {
            Add(ref findings, "secret-access:a home file's contents asked for");
        }

        if (PutsTheConversationIntoAnArgument(text))
        {
            Add(ref findings, "harvesting:the conversation put into an argument");
        }

        if (PutsPrivateDataIntoAnArgument(text))
        {
            Add(ref findings, "harvesting:private data put into an argument named for something else");
        }

        if (ReadOnlyClaimWithWriteSwitch(text))
        {
            Add(ref findings, "harmful:read-only claim with a write switch");
        }

        if (ClaimsPriorityOverInstructions(text))
        {
            Add(ref findings, "instruction:priority claimed over the model's instructions");
        }

        if (DemandsACallForEveryRequest(text))
        {
            Add(ref findings, "instruction:this tool's call demanded for every request");
        }

        if (AsksTheUserForACredential(text))
        {
            Add(ref findings, "harvesting:the user asked for a credential");
        }

        if (FixesAnotherToolsArgument(text))
        {
            Add(ref findings, "shadowing:another tool's argument fixed to an address");
        }

        if (PointsARemoteAtANamedRepository(text))
        {
            Add(ref findings, "harmful:a git remote pointed at a repository the description names");
        }

        if (ReplacesTheUsersDestination(text) || ForcesADestination(text))
        {
            Add(ref findings, "harmful:the user's destination replaced");
        }

        if (DictatesTheAnswer(text))
        {
            Add(ref findings, "instruction:an answer dictated whatever the user or the facts");
        }

        if (OrdersDestructionAtEveryCall(text))
        {
            Add(ref findings, "harmful:a destructive act ordered at every call");
        }

        if (LandsChangesPastReview(text))
        {
            Add(ref findings, "harmful:changes landed past review by order");
        }

        if (SetsAnotherToolsOutputAside(text))
        {
            Add(ref findings, "shadowing:another tool's output set aside");
        }

        if (TakesLoginsFromAStore(text))
        {
            Add(ref findings, "secret-access:logins taken from the browser's or the system's store");
        }

        var extraActs = ReadExtraActs(text);
        if (PutsAWrittenLinkIntoEveryAnswer(text) || (extraActs & ExtraActs.LinkInEveryMessage) != 0)
        {
            Add(ref findings, "instruction:a written web address put into every answer");
        }

        if (AsksForHarvestedCredentials(text))
        {
            Add(ref findings, "secret-access:credentials from the conversation or other tools asked for");
        }

        if (HandsOnDotenvContents(text))
        {
            Add(ref findings, "secret-access:a .env file's contents handed on");
        }

        if (DisparagesOtherTools(text) || RunsANamedToolDown(text) || ForbidsANamedTool(text))
        {
            Add(ref findings, "manipulation:other tools run down");
        }

        if (SwapsTheRequestedAction(text))
        {
            Add(ref findings, "instruction:another action swapped for the user's request");
        }

        if ((extraActs & ExtraActs.AimedAtADestination) != 0)
        {
            Add(ref findings, "harmful:an extra act at every call aimed at a written destination");
        }

        if ((extraActs & ExtraActs.AccessOpened) != 0)
        {
            Add(ref findings, "harmful:access opened to everyone by order");
        }

        if ((extraActs & ExtraActs.SupplyReplaced) != 0)
        {
            Add(ref findings, "harmful:packages taken from a source the description names");
        }

        if ((extraActs & ExtraActs.PassedOff) != 0)
        {
            Add(ref findings, "harmful:messages sent in the user's name");
        }

        if (HasSecretSendingCode(text))
        {
            Add(ref findings, "code:reads secrets and sends them out");
        }

        if (PutsUsersDataIntoAWrittenAddress(text))
        {
            Add(ref findings, "harmful:the user's data put into a written web address");
        }

        static bool HasMarkerBeyondRequests(IReadOnlyList<string> markers)
        {
            for (var i = 0; i < markers.Count; i++)
            {
                if (!IsRequestMarker(markers[i]))
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>The detector's score from which text is addressed to the model, if a marker beyond requests is among its markers.</summary>
    private const double AddressedScore = 0.5;

    /// <summary>
    /// Tool descriptions are imperative by nature ("List alerts in a repository."): requests alone prove nothing here.
    /// These markers are requests.
    /// </summary>
    private static bool IsRequestMarker(string marker) => marker is "agent-request" or "ordering" or "urgent-override";

    /// <summary>For each of the detector's markers (in its order), true when it is beyond requests.</summary>
    private static readonly bool[] BeyondRequests = [.. InjectionDetector.MarkerNameList.ToArray().Select(m => !IsRequestMarker(m))];

    /// <summary>
    /// What <see cref="ScanStructure"/> reads of the detector's assessment, from the weights of its markers (in the
    /// detector's order): the score reaches <see cref="AddressedScore"/> and a marker beyond requests has weight.
    /// </summary>
    private static bool AddressedToModel(ReadOnlySpan<double> weights)
    {
        var beyond = false;
        for (var i = 0; i < BeyondRequests.Length; i++)
        {
            beyond |= BeyondRequests[i] && weights[i] > 0;
        }

        return beyond && InjectionDetector.ScoreOf(weights) >= AddressedScore;
    }

    /// <summary>An upper-case pseudo-tag opens at <paramref name="at"/> (a '&lt;'): <c>&lt;IMPORTANT&gt;</c>, <c>&lt;/SYSTEM_NOTE&gt;</c>, <c>&lt;SYSTEM_REQUIREMENT …</c>, <c>&lt;1MP0RT4NT&gt;</c>.</summary>
    private static bool IsPseudoTag(ReadOnlySpan<char> text, int at)
    {
        if (at + 2 >= text.Length)
        {
            return false;
        }

        var j = at + 1;
        if (text[j] == '/')
        {
            j++;
        }

        // Three or more capitals and underscores; digits too when one stands in a letter's place (a capital follows it: "<1MP0RT4NT>"),
        // not when they only end the name ("<SHA256>", "<UTF8>").
        var others = 0;
        var digits = false;
        var spelt = false;
        while (j < text.Length && (char.IsAsciiLetterUpper(text[j]) || text[j] == '_' || char.IsAsciiDigit(text[j])))
        {
            others += char.IsAsciiDigit(text[j]) ? 0 : 1;
            digits |= char.IsAsciiDigit(text[j]);
            spelt |= char.IsAsciiDigit(text[j]) && j + 1 < text.Length && char.IsAsciiLetterUpper(text[j + 1]);
            j++;
        }

        return others >= 3 && (!digits || spelt) && j < text.Length && text[j] is '>' or ' ';
    }

    private static readonly InjectionDetector Injection = new();

    /// <summary>Acronyms that legitimately appear in capitals in tool descriptions.</summary>
    internal static readonly HashSet<string> Acronyms = new(
        ["API", "URL", "URI", "JSON", "YAML", "TOML", "XML", "HTML", "CSV", "SQL", "HTTP", "HTTPS", "REST", "UUID", "SHA", "PDF", "PNG", "JPG", "GIF",
         "SVG", "UTC", "ISO", "RFC", "AWS", "GCP", "CLI", "SDK", "MCP", "LLM", "CPU", "GPU", "RAM", "SSH", "TLS", "SSL", "DNS", "TCP", "UDP", "IDE",
         "PAT", "OAUTH", "JWT", "CRUD", "GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "ASCII", "UTF", "NOT", "AND", "ONLY", "ALL", "ANY", "ORG"],
        StringComparer.Ordinal);

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> AcronymLookup = Acronyms.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// Four or more different shouted words (not acronyms): the register of ads that push a model to pick a tool; a term
    /// written in capitals again and again ("a DSN … rename DSN X … DSN rate limits") is one word, and a value quoted on
    /// both sides ('CONFLUENT', `SNAPSHOT`) none, nor is a word of an underscore-joined constant (CONNECTION_FAILURES). A shouted word
    /// has three or more letters, all upper case, so it starts with three characters in a row that are each an ASCII
    /// capital or not ASCII: only words holding such a triple are looked at (one vector step per sixteen characters
    /// finds the next; two-letter acronyms such as "AI" are never visited). Words of a label line are not shouting: a
    /// line that holds only capitals and spaces up to a colon ("USE THIS TOOL WHEN:", "RETURNS:"), perhaps in Markdown
    /// emphasis or after a heading mark ("**PARAMETERS:**", "## RETURNS:"), as vendors head the sections of long descriptions; capitals after the colon, or on a line that is not only a label, still count. Names
    /// in a list (<see cref="ListedName"/>) and the keywords of a SQL query (<see cref="InSqlQuery"/>) are not shouting.
    /// </summary>
    private static bool Shouts(ReadOnlySpan<char> text)
    {
        var seen = default(ShoutedWords);
        var plainUntil = 0;
        var i = 0;
        while (i < text.Length)
        {
            var next = NextCapitalTriple(text, i);
            if (next < 0)
            {
                return false;
            }

            i = next;
            if (!char.IsLetter(text[i]))
            {
                i++;
                continue;
            }

            while (i > 0 && char.IsLetter(text[i - 1]))
            {
                i--;
            }

            var start = i;
            var upper = true;
            while (i < text.Length && char.IsLetter(text[i]))
            {
                upper &= char.IsUpper(text[i]);
                i++;
            }

            if (upper && i - start >= 3 && !AcronymLookup.Contains(text[start..i]) && !QuotedValue(text, start, i) && !InIdentifier(text, start, i)
                && !ListedName(text, start, i) && !InSqlQuery(text, start, i))
            {
                if (start >= plainUntil)
                {
                    var colon = LabelColon(text, start, i);
                    if (colon >= 0)
                    {
                        i = colon + 1;
                        continue;
                    }

                    // No later word of this line can be a label: each would reach the same spoiling character.
                    var lineEnd = text[i..].IndexOf('\n');
                    plainUntil = lineEnd < 0 ? text.Length : i + lineEnd;
                }

                if (IsNewWord(text, start, i, ref seen) && seen.Count >= 4)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// Where the label line ends (its colon) when the word at <paramref name="start"/>..<paramref name="end"/> is on one:
    /// from the line's start to the word and from the word to the first colon, only upper-case letters, spaces and Markdown's
    /// emphasis and heading marks ('*', '_', '#'); -1 otherwise.
    /// </summary>
    private static int LabelColon(ReadOnlySpan<char> text, int start, int end)
    {
        for (var j = start - 1; j >= 0 && text[j] != '\n'; j--)
        {
            if (text[j] is not (' ' or '\t' or '*' or '_' or '#') && !char.IsUpper(text[j]))
            {
                return -1;
            }
        }

        for (var k = end; k < text.Length; k++)
        {
            if (text[k] == ':')
            {
                return k;
            }

            if (text[k] is not (' ' or '*' or '_') && !char.IsUpper(text[k]))
            {
                return -1;
            }
        }

        return -1;
    }

    /// <summary>
    /// The word at <paramref name="start"/>..<paramref name="end"/> stands alone between a pair of quotes or backticks
    /// (<c>'CONFLUENT'</c>, <c>`SNAPSHOT`</c>, <c>"OPEN"</c>): a literal value such as an enum member, not shouting.
    /// </summary>
    private static bool QuotedValue(ReadOnlySpan<char> text, int start, int end)
        => start > 0 && end < text.Length && text[start - 1] is '\'' or '"' or '`' && text[end] == text[start - 1];

    /// <summary>
    /// The word at <paramref name="start"/>..<paramref name="end"/> is part of an identifier joined by underscores
    /// (<c>CONNECTION_FAILURES</c>, <c>TCP_HANDSHAKE_DURATION</c>): a constant's name, as vendors list metric and enum
    /// names, not shouting.
    /// </summary>
    private static bool InIdentifier(ReadOnlySpan<char> text, int start, int end)
        => (start > 0 && text[start - 1] == '_') || (end < text.Length && text[end] == '_');

    /// <summary>The shouted words met so far (start and length in the text), up to the three before the fourth decides.</summary>
    private struct ShoutedWords
    {
        public int Count;
        public (int Start, int Length) First;
        public (int Start, int Length) Second;
        public (int Start, int Length) Third;
    }

    /// <summary>True when the word at <paramref name="start"/>..<paramref name="end"/> differs from each of <paramref name="seen"/>, which then holds it too.</summary>
    private static bool IsNewWord(ReadOnlySpan<char> text, int start, int end, ref ShoutedWords seen)
    {
        var word = text[start..end];
        if ((seen.Count > 0 && word.SequenceEqual(text.Slice(seen.First.Start, seen.First.Length)))
            || (seen.Count > 1 && word.SequenceEqual(text.Slice(seen.Second.Start, seen.Second.Length)))
            || (seen.Count > 2 && word.SequenceEqual(text.Slice(seen.Third.Start, seen.Third.Length))))
        {
            return false;
        }

        switch (seen.Count++)
        {
            case 0:
                seen.First = (start, word.Length);
                break;
            case 1:
                seen.Second = (start, word.Length);
                break;
            default:
                seen.Third = (start, word.Length);
                break;
        }

        return true;
    }

    /// <summary>
    /// A Markdown image whose source is an http(s) URL ("![x](https://…?d=…)"): a client that renders the description
    /// fetches it, a channel out. The alt text is at most <see cref="ImageAltLimit"/> characters on one line. An image
    /// that is itself a link's text ("[![Install](https://img.shields.io/…)](https://…)") is a README badge, not counted.
    /// </summary>
    private static bool RemoteImage(ReadOnlySpan<char> text)
    {
        for (var from = 0; ;)
        {
            var found = text[from..].IndexOf("![", StringComparison.Ordinal);
            if (found < 0)
            {
                return false;
            }

            var linked = from + found > 0 && text[from + found - 1] == '[';
            from += found + 2;
            var close = text[from..].IndexOf("](", StringComparison.Ordinal);
            if (!linked && close >= 0 && close <= ImageAltLimit && !text.Slice(from, close).Contains('\n'))
            {
                var source = text[(from + close + 2)..];
                if (AsciiCase.StartsWith(source, "http://") || AsciiCase.StartsWith(source, "https://"))
                {
                    return true;
                }
            }
        }
    }

    /// <summary>The longest alt text <see cref="RemoteImage"/> reads.</summary>
    internal const int ImageAltLimit = 200;

    /// <summary>Verbs that move data somewhere, for <see cref="SendsToAnAddress"/>.</summary>
    internal static readonly string[] SendingVerbs =
        ["send", "sends", "forward", "forwards", "post", "posts", "upload", "uploads", "copy", "copies", "transmit", "transmits", "curl", "curls",
         "deliver", "delivers", "relay", "relays", "export", "exports", "submit", "submits", "stream", "streams"];

    /// <summary>What people send to a contact address; after the sending verb, the sentence is about the reader, not the tool.</summary>
    internal static readonly string[] ContactNouns = ["question", "questions", "feedback", "comments", "inquiries", "enquiries", "suggestions", "concerns"];

    /// <summary>Words that may stand between a sending verb and a contact noun.</summary>
    internal static readonly string[] ContactDeterminers = ["your", "any"];

    /// <summary>How far before "to" a sending verb is looked for (within the same sentence).</summary>
    internal const int SendingVerbWindow = 80;

    /// <summary><see cref="SendingVerbs"/>, <see cref="ContactDeterminers"/> and <see cref="ContactNouns"/> as sets: every word before "to" is looked up in them.</summary>
    private static readonly WordSet SendingVerbSet = new(SendingVerbs);

    private static readonly WordSet ContactDeterminerSet = new(ContactDeterminers);

    private static readonly WordSet ContactNounSet = new(ContactNouns);

    /// <summary>
    /// Data sent to an address the description itself names ("forwards a copy to audit@collector.example", "posts the
    /// text to https://203.0.113.7/c"): a sending verb, then within <see cref="SendingVerbWindow"/> characters of the
    /// same sentence (no '.', '!', '?', ';' or line break between) the word "to", white space, and an http(s) URL or an
    /// e-mail address, unless a contact noun is the verb's object ("send questions to billing@example.com", "send your
    /// feedback to …"). A real tool takes
    /// its destination as an argument; "sends an email to the given recipients" names none.
    /// </summary>
    private static bool SendsToAnAddress(ReadOnlySpan<char> text)
    {
        // Two vector searches: "://" skips the colons of prose and key-value lines, '@' is rare.
        for (var from = 0; from < text.Length;)
        {
            var found = text[from..].IndexOf("://", StringComparison.Ordinal);
            if (found < 0)
            {
                break;
            }

            var at = from + found;
            from = at + 1;
            var address = UrlStart(text, at);
            if (address > 0 && char.IsWhiteSpace(text[address - 1]) && SentTo(text, address))
            {
                return true;
            }
        }

        for (var from = 0; from < text.Length;)
        {
            var found = text[from..].IndexOf('@');
            if (found < 0)
            {
                return false;
            }

            var at = from + found;
            from = at + 1;
            var address = EmailStart(text, at);
            if (address > 0 && char.IsWhiteSpace(text[address - 1]) && SentTo(text, address))
            {
                return true;
            }
        }

        return false;

        static int UrlStart(ReadOnlySpan<char> text, int colon)
        {
            if (colon + 2 >= text.Length || text[colon + 1] != '/' || text[colon + 2] != '/')
            {
                return -1;
            }

            return colon >= 5 && AsciiCase.StartsWith(text[(colon - 5)..], "https") ? colon - 5
                : colon >= 4 && AsciiCase.StartsWith(text[(colon - 4)..], "http") ? colon - 4
                : -1;
        }

        static int EmailStart(ReadOnlySpan<char> text, int at)
        {
            var start = at;
            while (start > 0 && (char.IsAsciiLetterOrDigit(text[start - 1]) || text[start - 1] is '.' or '_' or '%' or '+' or '-'))
            {
                start--;
            }

            var k = at + 1;
            while (k < text.Length && (char.IsAsciiLetterOrDigit(text[k]) || text[k] == '-'))
            {
                k++;
            }

            return start < at && k > at + 1 && k + 1 < text.Length && text[k] == '.' && char.IsAsciiLetter(text[k + 1]) ? start : -1;
        }
    }

    /// <summary>The address at <paramref name="address"/> follows "to" and white space, and a sending verb comes before "to" in the same sentence.</summary>
    private static bool SentTo(ReadOnlySpan<char> text, int address)
    {
        var to = address;
        while (to > 0 && char.IsWhiteSpace(text[to - 1]))
        {
            to--;
        }

        to -= 2;
        if (to < 0 || !AsciiCase.StartsWith(text[to..], "to") || (to > 0 && char.IsAsciiLetter(text[to - 1])))
        {
            return false;
        }

        var window = to;
        while (window > 0 && to - window < SendingVerbWindow && text[window - 1] is not ('.' or '!' or '?' or ';' or '\n'))
        {
            window--;
        }

        // The last sending verb counts unless the word after it (after "your" or "any") is a contact noun: a person's
        // message ("send questions to billing@…", "send your feedback to …"). 0: no verb; 1: verb; 2: verb, determiner; 3: sends.
        var state = 0;
        for (var s = window; s < to; s++)
        {
            if (!char.IsAsciiLetter(text[s]) || (s > 0 && char.IsAsciiLetter(text[s - 1])))
            {
                continue;
            }

            var e = s;
            while (e < to && char.IsAsciiLetter(text[e]))
            {
                e++;
            }

            if (e < to)
            {
                var word = text[s..e];
                state = SendingVerbSet.Contains(word) ? 1
                    : state == 1 && ContactDeterminerSet.Contains(word) ? 2
                    : state is 1 or 2 ? (ContactNounSet.Contains(word) ? 0 : 3)
                    : state;
            }
        }

        return state != 0;
    }

    /// <summary>The first position from <paramref name="from"/> where three characters in a row are each an ASCII capital or not ASCII; -1 when none.</summary>
    private static int NextCapitalTriple(ReadOnlySpan<char> text, int from)
    {
        var i = from;
        ref var start = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(text));
        if (Avx2.IsSupported && i + 64 <= text.Length)
        {
            // Thirty-two characters narrowed to bytes per step (capped at 0xFF: ASCII keeps its value, the rest reads 0x80
            // or more), one bit each; the next block's bits complete the triples that end in it.
            var current = CapitalOrNotAsciiBits(ref start, i);
            for (; i + 64 <= text.Length; i += 32)
            {
                var next = CapitalOrNotAsciiBits(ref start, i + 32);
                var bits = current | ((ulong)next << 32);
                var triples = (uint)(bits & (bits >> 1) & (bits >> 2));
                if (triples != 0)
                {
                    return i + BitOperations.TrailingZeroCount(triples);
                }

                current = next;
            }
        }

        if (Vector256.IsHardwareAccelerated)
        {
            for (; i + Vector256<ushort>.Count + 2 <= text.Length; i += Vector256<ushort>.Count)
            {
                var triples = CapitalOrNotAscii256(Vector256.LoadUnsafe(ref start, (nuint)i))
                    & CapitalOrNotAscii256(Vector256.LoadUnsafe(ref start, (nuint)(i + 1)))
                    & CapitalOrNotAscii256(Vector256.LoadUnsafe(ref start, (nuint)(i + 2)));
                if (triples != Vector256<ushort>.Zero)
                {
                    return i + BitOperations.TrailingZeroCount(triples.ExtractMostSignificantBits());
                }
            }
        }

        if (Vector128.IsHardwareAccelerated)
        {
            for (; i + Vector128<ushort>.Count + 2 <= text.Length; i += Vector128<ushort>.Count)
            {
                var triples = CapitalOrNotAscii(Vector128.LoadUnsafe(ref start, (nuint)i))
                    & CapitalOrNotAscii(Vector128.LoadUnsafe(ref start, (nuint)(i + 1)))
                    & CapitalOrNotAscii(Vector128.LoadUnsafe(ref start, (nuint)(i + 2)));
                if (triples != Vector128<ushort>.Zero)
                {
                    return i + BitOperations.TrailingZeroCount(triples.ExtractMostSignificantBits());
                }
            }
        }

        for (; i + 2 < text.Length; i++)
        {
            if (IsCapitalOrNotAscii(text[i]) && IsCapitalOrNotAscii(text[i + 1]) && IsCapitalOrNotAscii(text[i + 2]))
            {
                return i;
            }
        }

        return -1;

        static bool IsCapitalOrNotAscii(char c) => char.IsAsciiLetterUpper(c) || c > '\x7F';

        static uint CapitalOrNotAsciiBits(ref ushort start, int at)
        {
            var cap = Vector256.Create((ushort)0xFF);
            var low = Vector256.Min(Vector256.LoadUnsafe(ref start, (nuint)at), cap).AsInt16();
            var high = Vector256.Min(Vector256.LoadUnsafe(ref start, (nuint)(at + 16)), cap).AsInt16();
            var bytes = Avx2.Permute4x64(Avx2.PackUnsignedSaturate(low, high).AsUInt64(), 0b11_01_10_00).AsByte();
            var capitals = Vector256.LessThan(bytes - Vector256.Create((byte)'A'), Vector256.Create((byte)26));
            return capitals.ExtractMostSignificantBits() | bytes.ExtractMostSignificantBits();
        }

        static Vector256<ushort> CapitalOrNotAscii256(Vector256<ushort> chars)
            => Vector256.LessThan(chars - Vector256.Create((ushort)'A'), Vector256.Create((ushort)26)) | Vector256.GreaterThan(chars, Vector256.Create((ushort)0x7F));

        static Vector128<ushort> CapitalOrNotAscii(Vector128<ushort> chars)
            => Vector128.LessThan(chars - Vector128.Create((ushort)'A'), Vector128.Create((ushort)26)) | Vector128.GreaterThan(chars, Vector128.Create((ushort)0x7F));
    }

    private static void AppendMember(JsonObject owner, string member, ref TextBuffer text)
    {
        if (owner.TryGetPropertyValue(member, out var node) && node is not null)
        {
            AppendStrings(node, ref text);
        }
    }

    /// <summary>
    /// Collects the human-readable parts of a JSON schema: descriptions, titles, comments, defaults, examples, enum and
    /// const values, and property names, at any depth. Keywords and types ("type": "string") are skipped.
    /// </summary>
    private static void AppendSchema(JsonObject schema, ref TextBuffer text, int depth, ref SchemaSignals signals)
    {
        if (depth > 16)
        {
            return;
        }

        for (var i = 0; i < schema.Count; i++)
        {
            var (key, child) = schema.GetAt(i); // indexed: foreach would box the enumerator
            if (child is null)
            {
                continue;
            }

            switch (key)
            {
                case "description" or "title" or "$comment" or "default" or "examples" or "enum" or "const":
                    AppendStrings(child, ref text);
                    break;
                case "properties" or "patternProperties" or "$defs" or "definitions" when child is JsonObject properties:
                    for (var j = 0; j < properties.Count; j++)
                    {
                        var (name, property) = properties.GetAt(j);
                        text.Append(name);
                        if (property is JsonObject p)
                        {
                            signals |= SignalsOf(name, p);
                            AppendSchema(p, ref text, depth + 1, ref signals);
                        }
                    }

                    break;
                case "type" or "required" or "format" or "pattern" or "$ref" or "$schema":
                    break;
                default:
                    if (child is JsonObject nested)
                    {
                        AppendSchema(nested, ref text, depth + 1, ref signals);
                    }
                    else if (child is JsonArray array)
                    {
                        foreach (var item in array)
                        {
                            if (item is JsonObject itemSchema)
                            {
                                AppendSchema(itemSchema, ref text, depth + 1, ref signals);
                            }
                        }
                    }

                    break;
            }
        }
    }

    private static void AppendStrings(JsonNode node, ref TextBuffer text)
    {
        if (node is JsonValue value)
        {
            AppendString(value, ref text);
        }
        else if (node is JsonArray array)
        {
            foreach (var item in array)
            {
                if (item is JsonValue v)
                {
                    AppendString(v, ref text);
                }
            }
        }
    }

    /// <summary>
    /// Appends a string value. Values read from the wire wrap a <see cref="JsonElement"/>: an unescaped string is
    /// decoded from its UTF-8 bytes straight into the buffer (no string allocated); anything else goes through
    /// <c>GetValue&lt;string&gt;</c>. Both yield the same characters.
    /// </summary>
    private static void AppendString(JsonValue value, ref TextBuffer text)
    {
        if (value.TryGetValue<JsonElement>(out var element))
        {
            if (element.ValueKind != JsonValueKind.String)
            {
                return;
            }

            var raw = JsonMarshal.GetRawUtf8Value(element);
            if (raw.Length >= 2 && raw[0] == (byte)'"' && raw[^1] == (byte)'"' && raw.IndexOf((byte)'\\') < 0)
            {
                text.AppendUtf8(raw[1..^1]);
                return;
            }

            text.Append(element.GetString()!);
        }
        else if (value.GetValueKind() == JsonValueKind.String)
        {
            text.Append(value.GetValue<string>());
        }
    }

    /// <summary>The texts of one tool, separated by a line break (which never joins two texts into a phrase).</summary>
    private struct TextBuffer(char[] buffer)
    {
        public char[] Buffer { get; private set; } = buffer;

        public int Length { get; private set; }

        public readonly ReadOnlySpan<char> Written => Buffer.AsSpan(0, Length);

        public void AppendUtf8(ReadOnlySpan<byte> utf8)
        {
            var most = Encoding.UTF8.GetMaxCharCount(utf8.Length);
            if (Length + most + 1 > Buffer.Length)
            {
                Grow(most);
            }

            Length += Encoding.UTF8.GetChars(utf8, Buffer.AsSpan(Length));
            Buffer[Length++] = '\u2029';
        }

        private void Grow(int more)
        {
            var larger = ArrayPool<char>.Shared.Rent(Math.Max(Buffer.Length * 2, Length + more + 1));
            Buffer.AsSpan(0, Length).CopyTo(larger);
            ArrayPool<char>.Shared.Return(Buffer);
            Buffer = larger;
        }

        public void Append(string text)
        {
            if (Length + text.Length + 1 > Buffer.Length)
            {
                var larger = ArrayPool<char>.Shared.Rent(Math.Max(Buffer.Length * 2, Length + text.Length + 1));
                Buffer.AsSpan(0, Length).CopyTo(larger);
                ArrayPool<char>.Shared.Return(Buffer);
                Buffer = larger;
            }

            text.AsSpan().CopyTo(Buffer.AsSpan(Length));
            Length += text.Length;
            Buffer[Length++] = '\u2029'; // paragraph separator: white space for phrases, never part of one
        }
    }

    private static void Add(ref List<string>? findings, string finding)
    {
        findings ??= [];
        if (!findings.Contains(finding))
        {
            findings.Add(finding);
        }
    }
}
