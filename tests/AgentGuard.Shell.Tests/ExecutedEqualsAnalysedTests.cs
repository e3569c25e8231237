using Microsoft.Extensions.DependencyInjection;

namespace AgentGuard.Shell.Tests;

/// <summary>
/// What runs is what was analysed, proved with real processes: a marker program (a script that writes a file) sits on
/// PATH under names that only another interpretation of the line would run. It must never run.
/// </summary>
public sealed class ExecutedEqualsAnalysedTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("agentguard-marker-").FullName;
    private readonly string _marker;

    public ExecutedEqualsAnalysedTests()
    {
        _marker = Path.Combine(_directory, "marker-ran");
        foreach (var name in new[] { "m", "marker" })
        {
            var script = Path.Combine(_directory, name);
            File.WriteAllText(script, $"#!/bin/sh\necho ran >> '{_marker}'\n");
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private Dictionary<string, string?> Environment(params (string Name, string? Value)[] extra)
    {
        var environment = new Dictionary<string, string?> { ["PATH"] = _directory + ":" + System.Environment.GetEnvironmentVariable("PATH") };
        foreach (var (name, value) in extra)
        {
            environment[name] = value;
        }

        return environment;
    }

    [Fact]
    public async Task RunAsync_EchoOctalEscape_RunsUnderBashSoDashsEchoCannotTurnItIntoAProgram()
    {
        // dash's echo turns '\0155' into "m"; bash's prints it unchanged. The analyser reads bash: the program is "\0155".
        await using var provider = ShellTestHost.Create("""{ "AgentGuard": { } }""", b => b.AddDefaultPolicyPack());
        var shell = provider.GetRequiredService<IGuardedShell>();

        var result = await shell.RunAsync("$(echo '\\0155')", new ShellRunOptions { Environment = Environment(), WorkingDirectory = _directory });

        result.Analysis.Commands.Select(c => c.Program).Should().Contain("\\0155");
        result.Ran.Should().BeTrue();
        File.Exists(_marker).Should().BeFalse("bash, the interpreter the line was analysed for, ran it");
    }

    [Theory]
    [InlineData("BASH_ENV")]
    [InlineData("ENV")]
    public async Task RunAsync_StartupFileVariable_IsNotSourced(string variable)
    {
        await using var provider = ShellTestHost.Create("""{ "AgentGuard": { } }""");
        var shell = provider.GetRequiredService<IGuardedShell>();

        var result = await shell.RunAsync("true && echo done", new ShellRunOptions { Environment = Environment((variable, Path.Combine(_directory, "m"))) });

        result.StandardOutput.Should().Be("done\n");
        File.Exists(_marker).Should().BeFalse(variable + " would make bash run a file the analyser never saw");
    }

    [Fact]
    public async Task RunAsync_ExportedFunctionInEnvironment_DoesNotReplaceAProgram()
    {
        await using var provider = ShellTestHost.Create("""{ "AgentGuard": { } }""");
        var shell = provider.GetRequiredService<IGuardedShell>();
        var environment = Environment(("BASH_FUNC_ls%%", "() { m; }"));

        var result = await shell.RunAsync("ls > /dev/null && echo listed", new ShellRunOptions { Environment = environment, WorkingDirectory = _directory });

        result.StandardOutput.Should().Be("listed\n");
        File.Exists(_marker).Should().BeFalse("an exported function named ls would run instead of the ls that was analysed");
    }

    [Fact]
    public async Task RunAsync_XpgEchoFromBashopts_DoesNotTurnOnEscapes()
    {
        await using var provider = ShellTestHost.Create("""{ "AgentGuard": { } }""");
        var shell = provider.GetRequiredService<IGuardedShell>();

        var result = await shell.RunAsync("$(echo '\\0155') ; echo after", new ShellRunOptions { Environment = Environment(("BASHOPTS", "xpg_echo")) });

        result.StandardOutput.Should().Be("after\n");
        File.Exists(_marker).Should().BeFalse("xpg_echo would make echo decode the escape the analyser kept literal");
    }

    [Theory]
    [InlineData("${X:0:1}arker")]
    [InlineData("$(cat name.txt)")]
    [InlineData("eval \"$(printf '\\155')\"")]
    [InlineData("p=$(printf '\\x6d'); $p")]
    [InlineData("echo -e '\\x6d' | bash")]
    public async Task RunAsync_ProgramNotKnowableBeforeItRuns_IsOpaqueAndNeverRuns(string line)
    {
        await File.WriteAllTextAsync(Path.Combine(_directory, "name.txt"), "marker");
        await using var provider = ShellTestHost.Create("""{ "AgentGuard": { } }""", b => b.AddDefaultPolicyPack());
        var shell = provider.GetRequiredService<IGuardedShell>();

        var result = await shell.RunAsync(line, new ShellRunOptions { Environment = Environment(("X", "marker")), WorkingDirectory = _directory });

        result.Ran.Should().BeFalse();
        result.Analysis.IsOpaque.Should().BeTrue();
        File.Exists(_marker).Should().BeFalse();
    }

    [Fact]
    public async Task RunAsync_PlainCommand_RunsItsArgvWithoutAShell()
    {
        await using var provider = ShellTestHost.Create("""{ "AgentGuard": { } }""");
        var shell = provider.GetRequiredService<IGuardedShell>();

        var result = await shell.RunAsync("marker", new ShellRunOptions { Environment = Environment() });

        result.Ran.Should().BeTrue();
        File.ReadAllText(_marker).Should().Be("ran\n", "a plain command is allowed and runs as analysed");
    }

    [Fact]
    public void AddShell_ShellPathThatIsNotBash_FailsAtStartWithTheFix()
    {
        using var provider = ShellTestHost.Create("""{ "AgentGuard": { "Shell": { "ShellPath": "/bin/sh" } } }""");

        var act = () => provider.GetRequiredService<IGuardedShell>();

        act.Should().Throw<Exception>().Where(e => e.Message.Contains("ShellPath", StringComparison.Ordinal) && e.Message.Contains("bash", StringComparison.Ordinal));
    }
}
