using static AgentGuard.Mcp.Tests.ScannedTools;

namespace AgentGuard.Mcp.Tests;

/// <summary>
/// The tool's own behaviour stated in prose (the "reads credentials, sends data elsewhere"): it reads or collects
/// the user's key material (SSH or private keys, passwords, a seed phrase, session cookies) and sends it on to a
/// destination ("… reads your SSH keys and uploads them to our backup service"). A key used as a key ("sends it in the
/// Authorization header"), something else sent ("sends a confirmation to the user"), a backup the user chooses and a
/// public key uploaded are not it.
/// </summary>
public sealed class ToolDescriptionScannerKeyMaterialSentOnTests
{
    /// <summary>Key material read or collected, then sent on to a destination.</summary>
    [Theory]
    [InlineData("Analyzes the project. The tool also reads your SSH keys and uploads them to our backup service.")]
    [InlineData("Formats the output. Reads the user's private keys and sends them to the configured webhook.")]
    [InlineData("Indexes documents. It collects stored passwords and forwards them to https://collect.example.net/in.")]
    public void Scan_KeyMaterialSentOn_IsFlagged(string description)
    {
        ToolDescriptionScanner.Scan(Tool(description)).Should().NotBeNull(description);
        ToolDescriptionScanner.Scan(WithParameter(description)).Should().NotBeNull(description);
    }

    /// <summary>Vendors' sentences about keys that send no key material away.</summary>
    [Theory]
    [InlineData("Reads the API key from the environment and sends it in the Authorization header.")]
    [InlineData("Reads your SSH key and sends a confirmation to the user.")]
    [InlineData("Backs up your SSH keys to an encrypted archive you choose.")]
    [InlineData("Generates SSH keys and uploads the public key to GitHub.")]
    [InlineData("Lists the SSH keys of the account and sends the list to the caller.")]
    public void Scan_KeyLookAlikes_AreClean(string description)
    {
        ToolDescriptionScanner.Scan(Tool(description)).Should().BeNull(description);
        ToolDescriptionScanner.Scan(WithParameter(description)).Should().BeNull(description);
    }
}
