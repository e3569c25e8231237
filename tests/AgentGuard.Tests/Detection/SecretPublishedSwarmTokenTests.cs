namespace AgentGuard.Tests.Detection;

/// <summary>
/// The Swarm join token Docker's "Create a swarm" tutorial prints is published documentation, like the example token
/// and emulator keys already known: pasted in a tool result it is not reported. Another join token is.
/// </summary>
public sealed class SecretPublishedSwarmTokenTests
{
    private readonly SecretDetector _detector = new();

    [Fact]
    public void Find_TutorialSwarmToken_FindsNothing()
    {
        var token = "SWM" + "TKN-1-49nj1cmql0jkz5s954yi3oex3nedyz0fb0xx14ie39trti4wxv-8vxv8rssmk743ojnwacrr2d7c";
        var text = "To add a worker to this swarm, run the following command:\n\n    docker swarm join \\\n    --token " + token + " \\\n    192.168.99.100:2377";

        SecretText.Find(_detector, text).Should().BeEmpty();
    }

    [Fact]
    public void Find_AnotherSwarmToken_IsReported()
    {
        var token = "SWM" + "TKN-1-5k2q9xw7rm3tz8vn4hp6jd1fs0gy2c7lb9e4u6a8o3i5k1m7n2-q8r3t6w1y4u7i0p2a5s8d3f6g9";
        var text = "docker swarm join --token " + token + " 10.0.4.12:2377";

        SecretText.ShouldCover(_detector, text, token);
    }
}
