namespace AgentGuard.Mcp.Tests;

/// <summary>
/// The scanner's short cut for the upper case of a character outside ASCII (no call into the culture data from U+0180
/// on) against the runtime's <see cref="char.ToUpperInvariant"/>, for every such UTF-16 code unit (red against a short
/// cut from U+0100, which missed 'ſ').
/// </summary>
public sealed class ToolDescriptionScannerFoldingTests
{
    [Fact]
    public void AsciiUpperCaseOf_GivesTheRuntimesUpperCase_ForEveryCharacterOutsideAscii()
    {
        var differing = new List<int>();
        for (var c = 0x80; c <= char.MaxValue; c++)
        {
            var upper = char.ToUpperInvariant((char)c);
            var expected = upper <= '\x7F' ? upper : ToolDescriptionScanner.NoAsciiUpperCase;
            if (ToolDescriptionScanner.AsciiUpperCaseOf((char)c) != expected)
            {
                differing.Add(c);
            }
        }

        differing.Should().BeEmpty();
    }
}
