namespace AgentGuard.Tests.Detection;

/// <summary>
/// An NTLM AUTHENTICATE message in base64 (secrets39, a tuning miss): MS-NLMP's message type 3, which opens
/// <c>TlRMTVNTUAADAAAA</c> ("NTLMSSP\0", 3), carries the user's challenge response, which can be relayed or cracked, so
/// it is a credential in an audit file like a Basic header. The NEGOTIATE and CHALLENGE messages (types 1 and 2) carry
/// none and stay clean, as does a short fragment.
/// </summary>
public sealed class SecretNtlmAuthenticateTests
{
    private const string Authenticate = "TlRMTVNTUAADAAAAGAAYAHIAAAAYABgAigAAABQAFABAAAAADAAMAFQAAAASABIAYAAAAAAAAACiAAAAAYIAAFUAUgBTAEEALQBNAEkATgBPAFIAWgBhAHAAaABvAGQATABJAEcASABUAEMASQBUAFkArYfKbe/jRoW5xDxHeoxC1gBmfWiS5+iX4OAN4xBKG/IFPwfH3agtPEFRcTAsVo3Tp1GG";

    private readonly SecretDetector _detector = new();

    [Theory]
    [InlineData("Authorization: NTLM " + Authenticate)]
    [InlineData("captured: " + Authenticate)]
    public void Find_NtlmAuthenticateMessage_CoversIt(string line)
    {
        SecretText.ShouldCover(_detector, line, Authenticate);
    }

    [Theory]
    [InlineData("Authorization: NTLM TlRMTVNTUAABAAAAB4IIogAAAAAAAAAAAAAAAAAAAAAGAbEdAAAADw==")]
    [InlineData("WWW-Authenticate: NTLM TlRMTVNTUAACAAAADAAMADgAAAAFgomiWq8ecHF9FPEAAAAAAAAAAIoAigBEAAAABgGxHQAAAA9EAE8ATQBBAEkATgACAAwARABPAE0AQQBJAE4A")]
    [InlineData("The header starts TlRMTVNTUAADAAAA and goes on.")]
    public void Find_OtherNtlmMessages_FindsNothing(string line)
    {
        var findings = new List<SecretFinding>();
        _detector.Find(line, findings);

        findings.Should().BeEmpty(line);
    }
}
