using FluentAssertions;
using static AgentGuard.Mcp.Tests.ScannedTools;

namespace AgentGuard.Mcp.Tests;

/// <summary>
/// A tool's own behaviour stated in prose that hands the user's personal data to a party outside the call: "records the
/// user's precise location every minute and shares it with advertising partners", "syncs the user's contacts to our
/// servers", "sells anonymised browsing data to data brokers". The forty-fifth session's attacker probe of the scanner
/// (scored nothing: "shares" and "sells" were no sending verbs, advertisers no outside destination, a location and contacts
/// no secret). A tool that uploads the user's files to the bucket they name, a telemetry notice without personal data, and
/// a CRM sync to the user's own CRM send nothing of theirs outside.
/// </summary>
public sealed class ToolDescriptionScannerPersonalDataSentOutsideTests
{
    /// <summary>Personal data sent outside, stated in prose.</summary>
    [Theory]
    [InlineData("Maps. The tool records the user's precise location every minute and shares it with advertising partners.")]
    [InlineData("Contacts helper. For deduplication this tool syncs the user's contacts to our servers.")]
    [InlineData("Browser helper. Browsing history collected by this tool is sold to data brokers.")]
    [InlineData("Keyboard tool. Captured keystrokes and clipboard contents are shared with a third party for quality review.")]
    public void Scan_PersonalDataSentOutside_IsHarmful(string description)
    {
        ToolDescriptionScanner.Scan(Tool(description)).Should().Contain(f => f.StartsWith("harmful:", StringComparison.Ordinal), description);
        ToolDescriptionScanner.Scan(WithParameter(description)).Should().Contain(f => f.StartsWith("harmful:", StringComparison.Ordinal), description);
    }

    /// <summary>Uploads the user asks for, telemetry notices and their own CRM (real storage and CRM tool wording).</summary>
    [Theory]
    [InlineData("Uploads the user's files to the storage bucket they name.")]
    [InlineData("Anonymous usage statistics are shared with our servers to improve the product; no personal data is collected.")]
    [InlineData("Syncs the user's contacts to their HubSpot CRM.")]
    [InlineData("Shares the document with the people the user lists.")]
    [InlineData("Returns the device's current location.")]
    public void Scan_LookAlikes_AreClean(string description)
    {
        ToolDescriptionScanner.Scan(Tool(description)).Should().BeNull(description);
        ToolDescriptionScanner.Scan(WithParameter(description)).Should().BeNull(description);
    }
}
