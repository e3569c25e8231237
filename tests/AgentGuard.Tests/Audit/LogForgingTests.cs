using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace AgentGuard.Tests.Audit;

/// <summary>
/// Attacker tests: tool names, session and user ids and call ids come from models, servers and callers. None may
/// forge a log line (LF, CR, U+2028, U+0085), hide text (NUL, bidi controls) or repaint a terminal (ANSI escapes).
/// </summary>
public sealed partial class LogForgingTests
{
    private const string Policy = """{ "AgentGuard": { "Rules": [ { "Id": "no-pay", "Effect": "Deny", "Match": { "Tools": ["*"] } } ] } }""";

    [Theory]
    [InlineData("read\n2026-11-29 INFO Allowed delete_everything", "read\\n2026-11-29 INFO Allowed delete_everything")]
    [InlineData("read\r\nforged", "read\\r\\nforged")]
    [InlineData("read\u2028forged\u2029", "read\\u2028forged\\u2029")]
    [InlineData("read\u0085forged", "read\\u0085forged")]
    [InlineData("read\0hidden", "read\\u0000hidden")]
    [InlineData("read\u001b[2Kforged", "read\\u001b[2Kforged")]
    [InlineData("read\u202egnp.exe", "read\\u202egnp.exe")]
    [InlineData("plain_tool-1.0", "plain_tool-1.0")]
    public void Escape_ControlAndSeparatorCharacters_BecomeVisibleEscapes(string raw, string expected)
        => LogText.Escape(raw).Should().Be(expected);

    [Fact]
    public void Escape_TextWithNothingToEscape_IsTheSameInstance()
    {
        const string text = "send_email to bob@example.com";

        LogText.Escape(text).Should().BeSameAs(text);
    }

    [Fact]
    public async Task Decision_ForgedToolSessionAndUser_LoggedOnOneLineWithEscapes()
    {
        var collector = new FakeLogCollector();
        await using var services = TestHost.Create(Policy, b => b.Services.AddLogging(l => l.AddProvider(new FakeLoggerProvider(collector)).SetMinimumLevel(LogLevel.Debug)));
        var engine = services.GetRequiredService<IGuardEngine>();

        await engine.EvaluateAsync(
            new ToolCallEvent("read_file\r\n2026-11-29T00:00:00Z info: Allowed delete_everything") { CallId = "c1\u001b[31m" },
            new GuardContext { SessionId = "s-1\nforged", User = new GuardUser("mallory\u2028admin") });

        var messages = collector.GetSnapshot().Select(r => r.Message).ToList();
        messages.Should().NotBeEmpty();
        messages.Should().AllSatisfy(m => m.Should().NotContainAny("\n", "\r", "\u2028", "\u001b"));
        messages.Should().Contain(m => m.Contains("read_file\\r\\n2026", StringComparison.Ordinal) && m.Contains("s-1\\nforged", StringComparison.Ordinal));
    }

    /// <summary>
    /// Holds every package to the rule by construction: a <c>[LoggerMessage]</c> method takes text only as
    /// <see cref="LogText"/>, so no call site can pass a raw string.
    /// </summary>
    [Fact]
    public void LoggerMessageMethods_InEverySourcePackage_TakeNoRawStrings()
    {
        var root = RepositoryRoot();
        var offenders = new List<string>();
        var declarations = 0;
        foreach (var file in Directory.EnumerateFiles(Path.Combine(root, "src"), "*.cs", SearchOption.AllDirectories))
        {
            if (file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                || file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            {
                continue;
            }

            var text = File.ReadAllText(file);
            var matches = LoggerMethod().Matches(text);
            Regex.Count(text, @"\[LoggerMessage\(").Should().Be(matches.Count, $"every [LoggerMessage] in {file} is read");
            declarations += matches.Count;
            foreach (Match declaration in matches)
            {
                if (RawString().IsMatch(declaration.Groups["parameters"].Value))
                {
                    offenders.Add($"{Path.GetRelativePath(root, file)}: {declaration.Groups["name"].Value}");
                }
            }
        }

        declarations.Should().BeGreaterThan(40);
        offenders.Should().BeEmpty("text reaches a log message only as LogText, which escapes control characters");
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "AgentGuard.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("AgentGuard.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"\[LoggerMessage\(.*?partial\s+void\s+(?<name>\w+)\((?<parameters>[^)]*)\);", RegexOptions.Singleline)]
    private static partial Regex LoggerMethod();

    [GeneratedRegex(@"(^|,)\s*string\??\s+\w+")]
    private static partial Regex RawString();
}
