namespace AgentGuard.Samples.Tests;

/// <summary>Each framework sample runs headless; its output shows the forbidden step stopped and the rest done.</summary>
public sealed class SmallSampleTests
{
    [Fact]
    public async Task AgentFramework_LargeTransferByClerk_Denied_SmallOnePaid()
    {
        var (exitCode, output) = await SampleRunner.RunAsync("AgentGuard.Samples.AgentFramework");

        exitCode.Should().Be(0, output);
        output.Should().MatchRegex(@"DENY\s+transfer_funds \(Function\) rule: large-transfers-need-treasury");
        output.Should().Contain("Transfers made: 250 to ACME Ltd").And.NotContain("9000 to ACME");
        output.Should().Contain("Balance: 12,400 EUR");
    }

    [Fact]
    public async Task SemanticKernel_DeleteInProd_Denied_FileStillThere()
    {
        var (exitCode, output) = await SampleRunner.RunAsync("AgentGuard.Samples.SemanticKernel");

        exitCode.Should().Be(0, output);
        output.Should().MatchRegex(@"DENY\s+delete_file \(Function\) rule: no-destructive-in-prod");
        output.Should().Contain("Q3 report: revenue up 12%.");
        output.Should().Contain("report.txt still exists: True");
    }

    [Fact]
    public async Task Mcp_Registry_FiltersToolsByTeam_StripsEnvironment_RefusesUnlistedServer()
    {
        var (exitCode, output) = await SampleRunner.RunAsync("AgentGuard.Samples.Mcp");

        exitCode.Should().Be(0, output);
        output.Should().Contain("Team support sees: check_env, read_doc");
        output.Should().Contain("Team eng sees: check_env, delete_doc, read_doc");
        output.Should().Contain("read_doc: Contents of onboarding.md");
        output.Should().Contain("DOCS_REGION=eu-west, DB_PASSWORD=(absent)");
        output.Should().NotContain("host-only-secret");
        output.Should().NotContain("Deleted onboarding.md");
        output.Should().Contain("Unlisted server refused:");
    }
}
