namespace AgentGuard;

/// <content>
/// A person asked for their own material: "Please send your CV to hr@…", "Kindly send your comments on the draft to …",
/// "Please send us your RSVP at events@…". What is sent is something only its reader, a person, writes or holds about
/// themselves — a CV, an application, an RSVP, their availability — so the sentence is correspondence, like a contact
/// line (<see cref="IsContactLine"/>), and sends nothing of the agent's. A sensitive object in the sentence ("your
/// password", "your CV and the conversation history") or attached after the address still makes it a sending.
/// </content>
internal sealed partial class InjectionDetector
{
    /// <summary>What a person writes or holds about themselves and is asked to send in: never data an agent keeps.</summary>
    private static readonly string[] OwnMaterialNouns =
    [
        "cv", "cvs", "resume", "resumes", "résumé", "cover", "application", "applications", "portfolio", "availability",
        "rsvp", "photo", "photos", "headshot", "bio", "transcript", "transcripts", "references", "abstract", "abstracts",
        "manuscript", "submission", "submissions", "entry", "entries", "proposal", "proposals", "receipts", "timesheet",
        "timesheets", "expenses", "vote", "votes", "nominations", "regrets", "apologies", "thoughts", "comments", "feedback",
        "questions", "suggestions", "ideas", "request", "requests", "enquiry", "enquiries", "inquiry", "inquiries", "ticket",
    ];

    /// <summary>Words that may stand between the possessive and the material ("your completed application", "your signed form").</summary>
    private static readonly string[] OwnMaterialModifiers = ["completed", "signed", "updated", "latest", "final", "current", "full", "short", "written", "own", "recent"];

    /// <summary>
    /// The matched sending (verb … "to" address) asks for the reader's own material: after the verb (and an "us" or
    /// "me"), "your", at most one of <see cref="OwnMaterialModifiers"/>, then one of <see cref="OwnMaterialNouns"/>; or
    /// "your" and a compound of up to four words whose last, right before "to", "at" or "via", is one of them.
    /// </summary>
    private static bool SendsOwnMaterial(ReadOnlySpan<char> send)
    {
        var i = 0;
        NextWord(send, ref i);
        var word = NextWordOfSpan(send, ref i);
        if (word.Equals("us", StringComparison.OrdinalIgnoreCase) || word.Equals("me", StringComparison.OrdinalIgnoreCase))
        {
            word = NextWordOfSpan(send, ref i);
        }

        if (!word.Equals("your", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        word = NextWordOfSpan(send, ref i);
        if (IsOneOf(word, OwnMaterialModifiers))
        {
            word = NextWordOfSpan(send, ref i);
        }

        if (IsOneOf(word, OwnMaterialNouns))
        {
            return true;
        }

        // The material as the head of a compound, right before the recipient: "your password reset request to …".
        for (var w = 0; w < 3 && !word.IsEmpty; w++)
        {
            var next = NextWordOfSpan(send, ref i);
            if (IsOneOf(next, ["to", "at", "via"]))
            {
                return IsOneOf(word, OwnMaterialNouns);
            }

            word = next;
        }

        return false;
    }
}
