using System.Text;
using AgentGuard.Shell.Parsing;

namespace AgentGuard.Shell.Analysis;

/// <summary>
/// Expands words the way the shell would before running a command, as far as that is knowable ahead of time:
/// brace expansion, variables assigned earlier on the line, <c>$IFS</c> field splitting, and command substitutions
/// whose output is static (<c>$(echo rm)</c>, <c>$(printf '\x72m')</c>, <c>$(echo cm0= | base64 -d)</c>).
/// Anything else is marked dynamic.
/// </summary>
internal sealed class WordExpander(AnalysisSession session, int depth)
{
    /// <summary>Recognizes <c>NAME=value</c> (or <c>NAME+=value</c>) and returns the value's parts.</summary>
    public static bool TryAssignment(ShellToken word, out string name, out IReadOnlyList<WordPart> valueParts)
    {
        name = string.Empty;
        valueParts = [];
        if ((word.IsPlainLiteral && !word.Text.Contains('=', StringComparison.Ordinal)) || word.Parts.Count == 0 || word.Parts[0] is not LiteralPart { Quoted: false } head)
        {
            return false;
        }

        var eq = head.Text.IndexOf('=', StringComparison.Ordinal);
        if (eq <= 0)
        {
            return false;
        }

        var candidate = head.Text[..eq].TrimEnd('+');
        if (candidate.Length == 0 || !(char.IsAsciiLetter(candidate[0]) || candidate[0] == '_') || !candidate.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
        {
            return false;
        }

        name = candidate;
        var rest = new List<WordPart>(word.Parts.Count) { new LiteralPart(head.Text[(eq + 1)..], false) };
        rest.AddRange(word.Parts.Skip(1));
        valueParts = rest;
        return true;
    }

    /// <summary>True when the word is unquoted literal text only.</summary>
    public static bool IsPlain(ShellToken word)
    {
        if (word.IsPlainLiteral)
        {
            return true;
        }

        for (var partIndex = 0; partIndex < word.Parts.Count; partIndex++)
        {
            var part = word.Parts[partIndex];
            if (part is not LiteralPart { Quoted: false })
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Expands one word without field splitting (a redirection target).</summary>
    public ExpandedWord ExpandSingle(ShellToken word)
        => word.IsPlainLiteral ? new ExpandedWord(word.Text, Glob: HasGlob(word.Text)) : ExpandSingle(word.Parts);

    /// <summary>Expands one word without field splitting (assignment values, redirection targets).</summary>
    public ExpandedWord ExpandSingle(IReadOnlyList<WordPart> parts)
    {
        var fields = new List<ExpandedWord>(1);
        ExpandParts(parts, fields, split: false);
        if (fields.Count == 1)
        {
            return fields[0];
        }

        return fields.Count == 0 ? ExpandedWord.Literal(string.Empty) : fields[0] with { Text = string.Join(' ', fields.Select(f => f.Text)) };
    }

    /// <summary>Expands one word into zero or more fields.</summary>
    public void Expand(ShellToken word, List<ExpandedWord> output)
    {
        if (word.Text.Contains('{', StringComparison.Ordinal) && word.Text.Contains(',', StringComparison.Ordinal) && IsPlain(word))
        {
            var text = string.Concat(word.Parts.Cast<LiteralPart>().Select(p => p.Text));
            foreach (var expanded in BraceExpansion.Expand(text))
            {
                output.Add(new ExpandedWord(expanded, Glob: HasGlob(expanded)));
            }

            return;
        }

        if (word.IsPlainLiteral)
        {
            // One unquoted literal expands to itself: the same string, no builder.
            output.Add(new ExpandedWord(word.Text, Glob: HasGlob(word.Text)));
            return;
        }

        ExpandParts(word.Parts, output, split: true);
    }

    private static bool HasGlob(string text)
    {
        if (text.AsSpan().IndexOfAny("*?") >= 0)
        {
            return true;
        }

        var open = text.IndexOf('[', StringComparison.Ordinal);
        return open >= 0 && text.IndexOf(']', open + 1) > open + 1;
    }

    /// <summary>Analyzes the command substitutions inside text the shell expands (they run even if the value is unused).</summary>
    public void RunSubstitutions(string text)
    {
        foreach (var part in ShellLexer.ExpandableText(text))
        {
            if (part is CommandSubstitutionPart substitution)
            {
                session.Substitute(substitution.Script, depth + 1);
            }
        }
    }

    private void ExpandParts(IReadOnlyList<WordPart> parts, List<ExpandedWord> output, bool split)
    {
        var current = session.RentBuilder();
        var started = false;
        bool dynamic = false, glob = false, fromSubstitution = false, remote = false, decoded = false, unknownOutput = false;
        CommandDraft? processSubstitution = null;

        void EndField()
        {
            if (started || current.Length > 0 || dynamic)
            {
                output.Add(new ExpandedWord(current.ToString(), dynamic, glob, fromSubstitution, remote, processSubstitution, decoded, unknownOutput));
            }

            current.Clear();
            started = false;
            dynamic = glob = fromSubstitution = remote = decoded = unknownOutput = false;
            processSubstitution = null;
        }

        void AppendValue(string value, bool quoted)
        {
            if (quoted || !split)
            {
                current.Append(value);
                started = true;
                return;
            }

            foreach (var c in value)
            {
                if (session.FieldSeparators.Contains(c, StringComparison.Ordinal))
                {
                    if (current.Length > 0)
                    {
                        var keep = (dynamic, fromSubstitution, remote, decoded, unknownOutput);
                        EndField();
                        (dynamic, fromSubstitution, remote, decoded, unknownOutput) = keep;
                    }

                    continue;
                }

                current.Append(c);
            }
        }

        for (var partIndex = 0; partIndex < parts.Count; partIndex++)
        {
            var part = parts[partIndex];
            switch (part)
            {
                case LiteralPart literal:
                    if (!literal.Quoted && HasGlob(literal.Text))
                    {
                        glob = true;
                    }

                    current.Append(literal.Text);
                    started |= literal.Quoted;
                    break;
                case ParameterPart parameter:
                    {
                        if (parameter.Modifier is { } modifier && (modifier.Contains("$(", StringComparison.Ordinal) || modifier.Contains('`', StringComparison.Ordinal)))
                        {
                            RunSubstitutions(modifier);
                        }

                        var (value, known) = session.LookupParameter(parameter.Name, parameter.Modifier);
                        dynamic |= !known;
                        AppendValue(value, parameter.Quoted);
                        started |= parameter.Quoted;
                        break;
                    }

                case CommandSubstitutionPart substitution:
                    {
                        var (value, remoteContent, decodedContent) = session.Substitute(substitution.Script, depth + 1);
                        fromSubstitution = true;
                        remote |= remoteContent;
                        decoded |= decodedContent;
                        dynamic |= value is null;
                        unknownOutput |= value is null;
                        AppendValue(value ?? string.Empty, substitution.Quoted);
                        started |= substitution.Quoted;
                        break;
                    }

                case ProcessSubstitutionPart process:
                    processSubstitution = session.ProcessSubstitution(process.Script, depth + 1);
                    current.Append("/dev/fd/63");
                    break;
                case ArithmeticPart arithmetic:
                    RunSubstitutions(arithmetic.Expression);
                    dynamic = true;
                    current.Append('0');
                    started = true;
                    break;
                default:
                    break;
            }
        }

        EndField();
        session.ReturnBuilder(current);
    }
}

/// <summary>Bash brace expansion (<c>{a,b}</c>), which turns <c>{rm,-rf,/}</c> into three words.</summary>
internal static class BraceExpansion
{
    public static IEnumerable<string> Expand(string text)
    {
        var results = new List<string>();
        Expand(text, results, 0);
        return results;
    }

    private static void Expand(string text, List<string> results, int depth)
    {
        var open = text.IndexOf('{', StringComparison.Ordinal);
        if (open < 0 || depth > 8 || results.Count > 256)
        {
            results.Add(text);
            return;
        }

        var level = 0;
        var commas = new List<int>();
        var close = -1;
        for (var i = open; i < text.Length && close < 0; i++)
        {
            switch (text[i])
            {
                case '{': level++; break;
                case '}' when --level == 0: close = i; break;
                case ',' when level == 1: commas.Add(i); break;
                default: break;
            }
        }

        if (close < 0 || commas.Count == 0)
        {
            results.Add(text);
            return;
        }

        var prefix = text[..open];
        var suffix = text[(close + 1)..];
        var start = open + 1;
        commas.Add(close);
        foreach (var end in commas)
        {
            Expand(prefix + text[start..end] + suffix, results, depth + 1);
            start = end + 1;
        }
    }
}
