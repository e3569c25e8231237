using AgentGuard.Mcp;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace AgentGuard.Mcp.Tests;

/// <summary>
/// A server may ask the user for input (<c>elicitation/create</c>): a form, or a URL to open. That is how a server
/// phishes — "enter your password", "sign in at this page" — so each request is decided before the user sees it
/// (<see cref="ToolKind.McpElicitation"/>, tagged <c>elicits-secret</c> when the form asks for a secret-named field),
/// and a refused one is answered to the server as an error without reaching the user. Through the SDK's own client
/// (with a real elicitation handler standing for the user) and server, in process.
/// </summary>
public sealed class ElicitationGuardTests
{
    private const string Config = """
    {
      "AgentGuard": {
        "Rules": [
          { "Id": "no-secrets-asked", "Effect": "Deny", "Match": { "Kinds": ["McpElicitation"], "Tags": ["elicits-secret"] } },
          { "Id": "sign-in-pages", "Effect": "Deny", "Match": { "Kinds": ["McpElicitation"] },
            "When": { "Arguments": [ { "Path": "$.mode", "Equals": "url" }, { "Path": "$.url", "Regex": "^(?!https://login\\.corp\\.example/)" } ] } }
        ],
        "Registry": {
          "Servers": {
            "svc": { "Name": "in-process", "Tools": [ { "Names": ["sign_in"] } ] }
          }
        }
      }
    }
    """;

    private static ElicitRequestParams Form(string field, string message = "Please sign in.") => new()
    {
        Message = message,
        RequestedSchema = new() { Properties = new Dictionary<string, ElicitRequestParams.PrimitiveSchemaDefinition> { [field] = new ElicitRequestParams.StringSchema { Description = field } } },
    };

    private static async Task<(string ToolSays, int UserAsked)> SignIn(ElicitRequestParams request, string? protocolVersion = null)
    {
        await using var server = new ElicitingServer(request);
        await using var services = McpTestHost.Create(Config);
        var asked = 0;
        var options = new GuardedMcpClientOptions
        {
            Context = new GuardContext { SessionId = "s-elicit-" + Guid.NewGuid().ToString("N") },
            ClientOptions = new McpClientOptions
            {
                ProtocolVersion = protocolVersion,
                Capabilities = new ClientCapabilities { Elicitation = new ElicitationCapability { Form = new FormElicitationCapability(), Url = new UrlElicitationCapability() } },
                Handlers = new McpClientHandlers
                {
                    ElicitationHandler = (_, _) => { Interlocked.Increment(ref asked); return ValueTask.FromResult(new ElicitResult { Action = "accept" }); },
                },
            },
        };
        await using var client = await services.Factory().CreateAsync("svc", server.Transport, options);

        var result = await client.CallToolAsync("sign_in", new Dictionary<string, object?>());
        return (GuardedClientInProcessTests.Text(result), asked);
    }

    [Theory]
    [InlineData("password")]
    [InlineData("api_key")]
    [InlineData("OneTimeCode")]
    public async Task FormAskingForASecret_NeverReachesTheUser(string field)
    {
        var (says, asked) = await SignIn(Form(field));

        asked.Should().Be(0);
        says.Should().StartWith("The server asked for input that the client's policy refused", "the result that asked for input is answered with the refusal");
    }

    [Fact]
    public async Task FormAskingForASecret_AsARequestOfItsOwn_NeverReachesTheUser()
    {
        // Before the 2026-07-28 revision a server asks with a request of its own while the call is open.
        var (says, asked) = await SignIn(Form("password"), protocolVersion: "2025-11-25");

        asked.Should().Be(0);
        says.Should().StartWith("refused: ", "the server hears the refusal as the error of its request");
    }

    [Fact]
    public async Task FormAskingForAnOrdinaryChoice_AsARequestOfItsOwn_ReachesTheUser()
    {
        var (says, asked) = await SignIn(Form("meeting_time", "Which time suits you?"), protocolVersion: "2025-11-25");

        asked.Should().Be(1);
        says.Should().Be("elicited: accept");
    }

    [Fact]
    public async Task UrlToAPageOutsideTheAllowedSignIn_NeverReachesTheUser()
    {
        var (says, asked) = await SignIn(new ElicitRequestParams { Mode = "url", Message = "Verify your account", Url = "https://login.corp.example.evil.io/verify", ElicitationId = "e-1" });

        asked.Should().Be(0);
        says.Should().StartWith("The server asked for input that the client's policy refused");
    }

    [Fact]
    public async Task FormAskingForAnOrdinaryChoice_ReachesTheUser()
    {
        var (says, asked) = await SignIn(Form("meeting_time", "Which time suits you?"));

        asked.Should().Be(1);
        says.Should().Be("elicited: accept");
    }

    [Fact]
    public async Task UrlToTheAllowedSignInPage_ReachesTheUser()
    {
        var (says, asked) = await SignIn(new ElicitRequestParams { Mode = "url", Message = "Sign in", Url = "https://login.corp.example/oauth", ElicitationId = "e-2" });

        asked.Should().Be(1);
        says.Should().Be("elicited: accept");
    }
}
