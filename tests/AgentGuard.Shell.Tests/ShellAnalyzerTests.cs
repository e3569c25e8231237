namespace AgentGuard.Shell.Tests;

/// <summary>How lines are split into commands: operators, redirections, here-documents, wrappers and nesting.</summary>
public sealed class ShellAnalyzerTests
{
    [Fact]
    public void Analyze_Operators_SplitIntoCommandsInOrder()
    {
        var analysis = ShellAnalyzer.Analyze("a 1 | b && c || d; e & (f; g) | h");

        analysis.Commands.Select(c => c.Program).Should().Equal("a", "b", "c", "d", "e", "f", "g", "h");
        analysis.Commands[1].InPipeline.Should().BeTrue();
        analysis.Commands[7].InPipeline.Should().BeTrue();
    }

    [Fact]
    public void Analyze_Redirections_AreRecordedWithDescriptors()
    {
        var command = ShellAnalyzer.Analyze("make build > out.log 2>&1 < in.txt &>> all.log").Commands.Single();

        command.Args.Should().Equal("build");
        command.Redirections.Should().Equal(
            new ShellRedirection(">", null, "out.log"),
            new ShellRedirection(">&", "2", "1"),
            new ShellRedirection("<", null, "in.txt"),
            new ShellRedirection("&>>", null, "all.log"));
    }

    [Fact]
    public void Analyze_QuotingAndEscapes_AreRemoved()
    {
        var command = ShellAnalyzer.Analyze("echo 'a b' \"c $HOME\" d\\ e $'x\\ty'").Commands.Single();

        command.Args.Should().Equal("a b", "c ~", "d e", "x\ty");
    }

    [Fact]
    public void Analyze_HereDocumentToShell_IsParsedAsScript()
    {
        var analysis = ShellAnalyzer.Analyze("bash <<'EOF'\necho hi\nkubectl delete ns prod\nEOF\nls");

        analysis.Commands.Select(c => c.Program).Should().Equal("echo", "kubectl", "bash", "ls");
        analysis.Commands[1].Origin.Should().Be("bash stdin");
        analysis.Commands[1].Tags.Should().Contain(ShellTags.Destructive);
    }

    [Fact]
    public void Analyze_Wrappers_AreListedOnTheRealCommand()
    {
        var analysis = ShellAnalyzer.Analyze("sudo -u root timeout 10 nice -n 5 env A=1 git push -f");

        var git = analysis.Commands.Single(c => c.Program == "git");
        git.Wrappers.Should().Equal("sudo", "timeout", "nice", "env");
        git.Tags.Should().Contain(ShellTags.Destructive).And.Contain(ShellTags.Privilege);
        analysis.Commands.Single(c => c.Program == "sudo").IsWrapper.Should().BeTrue();
    }

    [Fact]
    public void Analyze_InterpreterCode_IsMarked()
    {
        var command = ShellAnalyzer.Analyze("python3 -c 'print(42)'").Commands.Single();

        command.Code.Should().Be("print(42)");
        command.Tags.Should().Contain(ShellTags.InlineCode);
        command.Risk.Should().Be(RiskLevel.Medium);
    }

    [Fact]
    public void Analyze_CommandSubstitution_InnerCommandIsReported()
    {
        var analysis = ShellAnalyzer.Analyze("echo \"user: $(cat /etc/shadow | head -1)\"");

        analysis.Commands.Select(c => c.Program).Should().Equal("cat", "head", "echo");
        analysis.Commands[0].Origin.Should().Be("$(...)");
        analysis.Commands[0].Tags.Should().Contain(ShellTags.CredentialAccess);
    }

    [Fact]
    public void Analyze_DeepNesting_IsOpaqueInsteadOfUnbounded()
    {
        var line = "ls";
        for (var i = 0; i < 12; i++)
        {
            line = "echo $(" + line + ")";
        }

        var analysis = ShellAnalyzer.Analyze(line);

        analysis.IsOpaque.Should().BeTrue();
        analysis.Commands.SelectMany(c => c.Findings).Should().Contain(f => f.Contains("nesting", StringComparison.Ordinal));
    }

    [Fact]
    public void Analyze_HugeLine_IsBounded()
    {
        var line = string.Join(";", Enumerable.Repeat("true", 1000));

        var analysis = ShellAnalyzer.Analyze(line);

        analysis.Commands.Count.Should().BeLessThanOrEqualTo(256);
        analysis.IsOpaque.Should().BeTrue();
    }

    [Fact]
    public void Analyze_OversizedLine_IsOpaqueWithoutParsing()
    {
        var analysis = ShellAnalyzer.Analyze("echo " + new string('a', 200_000));

        analysis.IsOpaque.Should().BeTrue();
    }
}

/// <summary>Random lines of shell syntax never make the analyzer fail internally (it would report them opaque) or grow unbounded.</summary>
public sealed class ShellAnalyzerFuzzTests
{
    private static readonly string[] Pieces =
    [
        "rm", " ", "-rf", "/", "'", "\"", "\\", "$", "(", ")", "{", "}", "`", "|", "&", ";", "<", ">", "<<", "EOF", "\n", "$(", "${", "IFS", "=", "a", "*", "?", "[", "]",
        "bash -c ", "eval ", "sudo ", "$'\\x", "#", "~", ",", "<(", "2>&1", "$((", "))", "echo", "base64 -d", "curl", "sh",
    ];

    [Fact]
    public void Analyze_RandomShellSyntax_NeverThrowsAndStaysBounded()
    {
        var random = new Random(20261124);
        for (var i = 0; i < 3000; i++)
        {
            var line = string.Concat(Enumerable.Range(0, random.Next(1, 40)).Select(_ => Pieces[random.Next(Pieces.Length)]));

            var analysis = ShellAnalyzer.Analyze(line);

            analysis.Commands.SelectMany(c => c.Findings).Should().NotContain(f => f.Contains("could not be analyzed", StringComparison.Ordinal), "the analyzer failed internally on {0}", line);
            analysis.Commands.Count.Should().BeLessThanOrEqualTo(256, line);
        }
    }
}
