using System.Text.RegularExpressions;

namespace AgentGuard;

/// <content>The reader's task called off by name: "ignore your current task", "do not proceed with the extraction task".</content>
internal static partial class InjectionPatterns
{
    /// <summary>Verbs that dismiss a task: what they call off was set for someone else to do.</summary>
    private const string DismissingVerb = @"(?:ignore|disregard|forget|abandon|drop|discard|scrap|neglect|(?:do\s+not|don't|dont)\s+(?:proceed|continue|go\s+on)(?:\s+(?:with|on))?|(?:do\s+not|don't|dont)\s+(?:answer|complete|finish|perform|carry\s+out|do))";

    /// <summary>Verbs that stop work: a task runner's too.</summary>
    private const string StoppingVerb = @"(?:stop|skip|halt|cease|discontinue|abort|cancel)";

    /// <summary>Qualifiers that place a task in the running conversation.</summary>
    private const string ConversationQualifier = @"(?:current|original|previous|prior|given|assigned|requested|initial|ongoing|earlier|above|existing|actual|main|primary)";

    /// <summary>
    /// Where the object ends: punctuation, the text's end, or a word that goes on with the order ("and", "then", "now",
    /// "afterward", "instead", "of this …"); "the question marks", "the translation service" and "the extraction step"
    /// go on with a noun.
    /// </summary>
    private const string ObjectEnds = @"(?=\s*(?:[.,;:!?\u2014)]|$)|\s+(?:and|then|now|immediately|afterwards?|at\s+once|entirely|altogether|completely|instead|here|of\s+(?:this|the\s+above)|on\s+(?:this|the\s+above)|for\s+(?:this|the\s+above))\b)";

    /// <summary>
    /// The reader's own task called off: "your current task", "the user's request", or a task of reading the text
    /// ("the extraction task", "the summarization", "translating"), after a dismissing or a stopping verb.
    /// </summary>
    [GeneratedRegex(@"\G(?:" + DismissingVerb + "|" + StoppingVerb + @")\s+(?:(?:your|the\s+user['’]s|user['’]s)\s+(?:[\w\-]+\s+){0,2}?(?:task|tasks|assignment|request|question|query|instructions?|prompt|objective|goal|mission|work|job)|(?:the|your|this|any)\s+(?:(?:current|original|assigned|given|requested|initial|ongoing|whole|entire)\s+)?(?:extraction|summari[sz]ation|summary|translation|classification|paraphrasing|paraphrase|question[\s\-]answering|sentiment\s+analysis)(?:\s+(?:task|request|work|job))?|(?:summari[sz]ing|translating|extracting|classifying|paraphrasing))" + ObjectEnds, Options, Timeout)]
    internal static partial Regex ReadersTaskCalledOff();

    /// <summary>A task of the running conversation dismissed: "ignore the current task", "drop the previous request".</summary>
    [GeneratedRegex(@"\G" + DismissingVerb + @"\s+(?:the|this|that|all|any|my)\s+" + ConversationQualifier + @"\s+(?:[\w\-]+\s+)?(?:task|tasks|assignment|request|question|query|instructions?|prompt|objective|goal)" + ObjectEnds, Options, Timeout)]
    internal static partial Regex ConversationTaskDismissed();

    /// <summary>Any task, question or analysis called off ("stop the original task", "forget the question"): an answer must be handed over in its place.</summary>
    [GeneratedRegex(@"\G(?:" + DismissingVerb + "|" + StoppingVerb + @")\s+(?:the|this|that|my)\s+(?:" + ConversationQualifier + @"\s+)?(?:task|assignment|request|question|query|prompt|objective|analysis|summary|answer)" + ObjectEnds, Options, Timeout)]
    internal static partial Regex TaskCalledOff();

    /// <summary>
    /// After a task called off, the answer handed over in its place, in the same sentence or opening the next: "… and
    /// reply with …", "…; instead respond …", "…, then answer only …", "…. Reply with …", "… and tell the user …", "… and
    /// say that …". A task runner's "… and start the next one" and an API's "… and return a 401" hand over no answer.
    /// </summary>
    [GeneratedRegex(@"\G(?:\s+(?:of|in|on|for)\s+(?:this|the\s+above|the)\s+[\w\-]+)?\s*(?:[,;:.\u2014]\s*)?(?:(?:and|then|but)\s+)?(?:(?:instead|now|then|just|simply|only|immediately|please)\s*,?\s+)*(?:reply|respond|answer|output|say|state|declare|claim|inform|tell|write\s+(?:only|back|that))\b", Options, Timeout)]
    internal static partial Regex TaskCalledOffReplacement();

    /// <summary>
    /// A reply fixed to given words: "reply with 'blocked'", "respond only with the word OK", "answer just DONE". An
    /// e-mail's "Reply with YES to confirm" is one too: <see cref="WorkCalledOff"/> must come before it.
    /// </summary>
    [GeneratedRegex(@"\G(?:reply|respond|answer)\s+(?:(?:only|solely|just|exactly|simply)\s+)?(?:with\s+)?(?:(?:only|solely|just|exactly)\s+)?(?:(?:the|this|a|one)\s+(?:single\s+)?(?:word|phrase|text|string|message|sentence|line)\s*:?\s*)?(?:[""'\u201C\u2018]|(?-i:[A-Z][A-Z0-9_\-]{1,}\b))", Options, Timeout)]
    internal static partial Regex FixedReply();

    /// <summary>
    /// The reader's work called off in words that name no task: "stop what you are doing", "drop everything", "never
    /// mind the question", "there is no need to summarize this", "you no longer need to translate the page", "the original
    /// task has been cancelled", "forget about the summary", "put your task on hold". Weighed only before a fixed reply.
    /// </summary>
    [GeneratedRegex(@"\b(?:(?:stop|drop|halt|cease|pause|quit)\s+(?:everything|all\s+(?:work|processing|tasks?)|what(?:ever)?\s+you(?:'re|\u2019re|\s+are)\s+doing)|never\s?mind\b|no\s+need\s+to\s+(?:summari[sz]e|translate|answer|extract|analy[sz]e|classify|paraphrase)|(?:do\s+not|don't|dont|no\s+longer)\s+(?:need\s+to\s+|have\s+to\s+)?(?:summari[sz]e|translate|answer|extract|analy[sz]e|classify|paraphrase)\b|(?:task|assignment|summary|summari[sz]ation|translation|extraction)\s+(?:is|has\s+been|was)\s+(?:now\s+)?(?:cancell?ed|withdrawn|revoked|aborted|void|no\s+longer\s+(?:needed|required|relevant|valid))|forget\s+about\s+(?:the|your|this)\b|(?:set|put|leave)\s+(?:aside\s+)?(?:the|your|this)\s+(?:(?:current|original)\s+)?(?:task|request|question|work)\s+(?:aside|on\s+hold)|(?:set|put)\s+aside\s+(?:the|your)\b|(?:pause|suspend)\s+(?:the|your)\s+(?:(?:current|original)\s+)?(?:task|request|work))", Options, Timeout)]
    internal static partial Regex WorkCalledOff();
}
