namespace AgentGuard;

/// <summary>What kind of tool use an event describes. Rules can match on it (<c>Match.Kinds</c>).</summary>
public enum ToolKind
{
    /// <summary>A function the model called through an agent framework (M.E.AI, Agent Framework, Semantic Kernel).</summary>
    Function = 0,

    /// <summary>A tool of an MCP server (<c>tools/call</c>).</summary>
    McpTool = 1,

    /// <summary>A shell command line run for the agent.</summary>
    ShellCommand = 2,

    /// <summary>An outgoing HTTP request made by a tool.</summary>
    HttpRequest = 3,

    /// <summary>A call into a native SDK (a cloud, payment or source-control client, for example).</summary>
    SdkCall = 4,

    /// <summary>A framework connector or plugin called from code rather than by the model.</summary>
    Connector = 5,

    /// <summary>A SQL statement a tool sends to a database (AgentGuard.Data, AgentGuard.EntityFrameworkCore).</summary>
    DatabaseQuery = 6,

    /// <summary>A resource of an MCP server read for the model (<c>resources/read</c>); its name is the resource's URI.</summary>
    McpResource = 7,

    /// <summary>A prompt of an MCP server fetched for the model (<c>prompts/get</c>); its name is the prompt's name.</summary>
    McpPrompt = 8,

    /// <summary>An MCP server's request for input from the user (<c>elicitation/create</c>: a form or a URL to open).</summary>
    McpElicitation = 9,

    /// <summary>
    /// A URL the model's reply makes the reader's client load by itself, unclicked: a markdown or HTML image (see
    /// <see cref="ReplyGuard"/>). The client sends whatever the model wrote into it.
    /// </summary>
    RenderedUrl = 10,
}
