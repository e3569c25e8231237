using AgentGuard.Inference;

namespace AgentGuard.Policies;

/// <summary>
/// Everyday phrases that ask for something to be created without a creating verb, for the prompt-implied task scope
/// (<see cref="TaskScopeCondition"/>): "set a reminder" for <c>AddReminder</c>, "set up an alarm" for
/// <c>create_alarm</c>, "block the next hour" or "block off six days" for <c>CreateEvent</c>. Each asks only for a tool
/// that creates (its verbs are those of "create") and names what the phrase creates: "set" alone names a change, and
/// "block" alone a refusal ("block this sender").
/// </summary>
internal static class CreationRequests
{
    /// <summary>Words after "block" (and "off"/"out") that make it a stretch of time: "block the next two hours".</summary>
    private static readonly string[] TimeWords =
        ["hour", "hours", "minute", "minutes", "day", "days", "week", "weeks", "morning", "afternoon", "evening", "night", "time", "slot", "weekend"];

    /// <summary>Words of a tool's name that make it a calendar's: what a blocked stretch of time creates.</summary>
    private static readonly string[] CalendarThings = ["event", "calendar", "meeting", "appointment", "slot", "block", "booking"];

    /// <summary>Words that may stand between "block" and its time word: "block the next hour", "block off six days".</summary>
    private static readonly string[] TimeFillers =
        ["off", "out", "the", "a", "an", "next", "this", "that", "my", "some", "whole", "entire", "two", "three", "four", "five", "six", "seven", "few", "half"];

    /// <summary>True when the prompt's <paramref name="words"/> ask, by one of these phrases, for what the creating tool <paramref name="toolName"/> creates.</summary>
    public static bool AskFor(string[] words, string[] verbs, string toolName)
    {
        if (!Array.Exists(verbs, v => Array.IndexOf(TaskScopeCondition.CreateWords, v) >= 0))
        {
            return false;
        }

        var things = ToolRoleInference.Words(toolName);
        for (var i = 0; i < words.Length - 1; i++)
        {
            if ((words[i] == "set" && SetsA(words, i + 1, things, verbs))
                || (words[i] == "block" && Array.Exists(things, t => Array.IndexOf(CalendarThings, t) >= 0) && BlocksTime(words, i + 1)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"set a/an/another/one X" or "set up a X", X a word of the tool's name (four letters or more, not its verb).</summary>
    private static bool SetsA(string[] words, int at, string[] things, string[] verbs)
    {
        var next = at < words.Length && words[at] == "up" ? at + 1 : at;
        return next + 1 < words.Length && words[next] is "a" or "an" or "another" or "one"
            && Array.Exists(things, t => t.Length >= 4 && Array.IndexOf(verbs, t) < 0 && TaskScopeCondition.Stem(words[next + 1], t));
    }

    /// <summary>A time word within four words after "block", with only fillers or numbers between.</summary>
    private static bool BlocksTime(string[] words, int at)
    {
        for (var i = at; i < words.Length && i < at + 4; i++)
        {
            if (Array.IndexOf(TimeWords, words[i]) >= 0)
            {
                return true;
            }

            if (Array.IndexOf(TimeFillers, words[i]) < 0 && !words[i].All(char.IsAsciiDigit))
            {
                return false;
            }
        }

        return false;
    }
}
