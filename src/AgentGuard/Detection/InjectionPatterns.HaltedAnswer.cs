using System.Text.RegularExpressions;

namespace AgentGuard;

/// <content>An order to stop the reader's work and answer with a quoted string instead.</content>
internal static partial class InjectionPatterns
{
    /// <summary>
    /// "halt normal processing and instead output: '…'", "terminate immediately and respond only with '…'": a stopping
    /// verb whose object is the running work ("normal processing", "the current task") or that hurries ("immediately"),
    /// then an answering verb (respond, reply, answer, say, output) and a quoted string, which "this … alert instead:" may
    /// announce.
    /// </summary>
    [GeneratedRegex(@"\G(?:halt|terminate|cease|abort|stop)\s+(?:(?:(?:all\s+|any\s+|the\s+|your\s+)?(?:normal|regular|usual|current|ongoing|standard|further)\s+(?:processing|operations?|execution|analysis|tasks?|work|summari[sz]ation|generation))(?:\s+(?:immediately|now|at\s+once|promptly))?|(?:immediately|now|at\s+once|promptly))\s*,?\s+(?:and\s+)?(?:then\s+)?(?:instead\s+)?(?:respond|reply|answer|say|output)\b[\s:,\-]*(?:(?:only|solely|exactly|just|with)\s+)*(?:(?:this|the\s+following)\s+(?:[\w-]+\s+){0,4}?(?:instead\s*)?:\s*)?[:\s]*['""\u201C\u2018]", Options, Timeout)]
    internal static partial Regex HaltedAnswer();
}
