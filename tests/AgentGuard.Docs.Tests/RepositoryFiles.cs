using System.Text.RegularExpressions;

namespace AgentGuard.Docs.Tests;

/// <summary>Finds the repository and the fenced code blocks of its documentation.</summary>
internal static partial class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    /// <summary>docs/*.md, README.md and each package's README.</summary>
    public static IEnumerable<string> Documents()
        => Directory.GetFiles(Path.Combine(Root, "docs"), "*.md")
            .Append(Path.Combine(Root, "README.md"))
            .Concat(Directory.GetDirectories(Path.Combine(Root, "src")).Select(d => Path.Combine(d, "README.md")).Where(File.Exists))
            .Order(StringComparer.Ordinal);

    public static IEnumerable<CodeBlock> Blocks(string language)
    {
        foreach (var document in Documents())
        {
            var text = File.ReadAllText(document);
            foreach (Match match in Fence().Matches(text))
            {
                if (string.Equals(match.Groups["lang"].Value, language, StringComparison.Ordinal)
                    || (language == "json" && match.Groups["lang"].Value == "jsonc"))
                {
                    var line = text.AsSpan(0, match.Index).Count('\n') + 1;
                    yield return new CodeBlock(Path.GetRelativePath(Root, document), line, match.Groups["info"].Value.Trim(), match.Groups["code"].Value);
                }
            }
        }
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "AgentGuard.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("AgentGuard.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"^```(?<lang>[a-z]+)(?<info>[^\n]*)\n(?<code>.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex Fence();
}

/// <summary>One fenced block: where it is, its info string after the language, its code.</summary>
public sealed record CodeBlock(string File, int Line, string Info, string Code)
{
    /// <summary>Marked as deliberately not compiled / not configuration (<c>```csharp no-compile</c>, <c>```json not-config</c>).</summary>
    public bool IsMarked(string marker) => Info.StartsWith(marker, StringComparison.Ordinal);

    public override string ToString() => $"{File}:{Line}";
}
