using System.Diagnostics;

namespace AgentGuard.Cli.Tests;

/// <summary>The tool as users get it: packed to a .nupkg, installed with 'dotnet tool install --add-source', run as 'agentguard'. Slow (a Release build), so one test.</summary>
public sealed class ToolPackageTests
{
    [Fact]
    public async Task PackedTool_InstallsFromNupkgAndRunsLintAndSchema()
    {
        using var dir = new TempDirectory();
        var version = "0.1.0-test." + DateTime.UtcNow.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture);
        var project = Path.Combine(Repository.Root(), "src", "AgentGuard.Cli", "AgentGuard.Cli.csproj");

        var pack = await RunAsync("dotnet", ["pack", project, "-c", "Release", "-m:1", "--nologo", "-o", dir.File("feed"), $"-p:Version={version}"]);
        pack.Exit.Should().Be(0, pack.Output);
        File.Exists(dir.File(Path.Combine("feed", $"NetAgentGuard.Cli.{version}.nupkg"))).Should().BeTrue();

        var install = await RunAsync("dotnet", ["tool", "install", "NetAgentGuard.Cli", "--version", version, "--tool-path", dir.File("tools"), "--add-source", dir.File("feed")]);
        install.Exit.Should().Be(0, install.Output);
        install.Output.Should().Contain("agentguard");

        var tool = dir.File(Path.Combine("tools", OperatingSystem.IsWindows() ? "agentguard.exe" : "agentguard"));
        var lint = await RunAsync(tool, ["lint", Cli.Policy("mistakes.json")]);
        lint.Exit.Should().Be(1, lint.Output);
        lint.Output.Should().Contain("warning AG102: Rule 'approve-big-wires' (RequireApproval) never decides").And.Contain("1 error(s), 9 warning(s)");

        var schema = await RunAsync(tool, ["schema"]);
        schema.Exit.Should().Be(0);
        schema.Output.Should().Contain("\"AgentGuard\"");
    }

    private static async Task<(int Exit, string Output)> RunAsync(string file, string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The test host's MSBuild settings must not leak into the nested build.
        start.Environment.Remove("MSBuildExtensionsPath");
        start.Environment.Remove("MSBuildSDKsPath");
        start.Environment.Remove("MSBUILD_EXE_PATH");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }
}
