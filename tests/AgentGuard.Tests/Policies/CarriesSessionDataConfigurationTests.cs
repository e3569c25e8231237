namespace AgentGuard.Tests.Policies;

/// <summary><c>When.CarriesSessionData</c> from configuration: a path that is no path stops start naming the rule and field.</summary>
public sealed class CarriesSessionDataConfigurationTests
{
    [Fact]
    public void ArgumentThatIsNoPath_FailsAtStart_NamingTheField()
    {
        var act = () => TestHost.Engine("""
            { "AgentGuard": { "Rules": [ { "Id": "leak", "Effect": "Deny", "Match": { "Tools": ["fetch_url"] }, "When": { "CarriesSessionData": { "Argument": "url" } } } ] } }
            """);
        act.Should().Throw<AgentGuardPolicyException>().WithMessage("*leak*When.CarriesSessionData.Argument*");
    }

    [Fact]
    public void MisspelledField_FailsAtStart()
    {
        var act = () => TestHost.Engine("""
            { "AgentGuard": { "Rules": [ { "Id": "leak", "Effect": "Deny", "Match": { "Tools": ["fetch_url"] }, "When": { "CarriesSessionData": { "Argumen": "$.url" } } } ] } }
            """);
        act.Should().Throw<Exception>().WithMessage("*Argumen*");
    }
}
