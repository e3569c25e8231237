namespace AgentGuard.Samples.Tests;

/// <summary>The README's first command: the attack steps are stopped, the honest steps are done.</summary>
public sealed class QuickstartTests
{
    [Fact]
    public async Task Quickstart_Headless_StopsEveryAttack_AndDoesTheHonestWork()
    {
        var (exitCode, output) = await SampleRunner.RunAsync("AgentGuard.Samples.Quickstart");

        exitCode.Should().Be(0, output);
        var happened = output[output.IndexOf("What actually happened:", StringComparison.Ordinal)..];

        // Honest work completed.
        happened.Should().Contain("PAID 1200 EUR to DE89370400440532013000 (November rent)");
        happened.Should().Contain("read the inbox");
        happened.Should().Contain("RAN `ls` (exit 0)");
        happened.Should().Contain("MCP notes/save_note: Saved the note");

        // Every attack step was stopped, and had no effect.
        output.Should().MatchRegex(@"DENY\s+send_money \(Function\)\s+rule: payee-from-user");
        output.Should().MatchRegex(@"DENY\s+cat \(ShellCommand[^)]*\)\s+rule: no-credential-access");
        output.Should().MatchRegex(@"DENY\s+collector\.evil\.test \(HttpRequest[^)]*\)\s+rule: egress-allowlist");
        output.Should().Contain("approval needed: forward_email").And.Contain("nobody at the console to approve: rejected");
        output.Should().Contain("REFUSED  MCP server 'shadow-tools'");
        happened.Should().NotContain("GB33").And.NotContain("FORWARDED").And.NotContain("POSTED").And.NotContain("id_rsa").And.NotContain("shadow-tools");
    }
}
