namespace AgentGuard.Testing.Cases;

/// <summary>
/// Session facts in a test file: <c>session</c>, <c>user</c> (an id, or <c>{ id, groups, roles, external }</c>),
/// <c>agent</c>, <c>environment</c>, <c>team</c>, <c>prompt</c>, <c>dataTags</c>, <c>attributes</c>.
/// </summary>
internal static class ContextSpec
{
    public static GuardContext Read(JsonReader? maybe)
    {
        if (maybe is not { } reader)
        {
            return GuardContext.Empty;
        }

        GuardUser? user = null;
        if (reader.Node("user") is System.Text.Json.Nodes.JsonObject)
        {
            var u = reader.Object("user")!;
            user = new GuardUser(u.RequiredString("id"))
            {
                Groups = u.Strings("groups"),
                Roles = u.Strings("roles"),
                IsExternal = u.Bool("external") ?? false,
                Attributes = u.Map("attributes"),
            };
        }
        else if (reader.String("user") is { Length: > 0 } id)
        {
            user = new GuardUser(id);
        }

        return new GuardContext
        {
            SessionId = reader.String("session"),
            User = user,
            Agent = reader.String("agent") is { Length: > 0 } agent ? new GuardAgent(agent) : null,
            Environment = reader.String("environment"),
            Team = reader.String("team"),
            Prompt = reader.String("prompt"),
            DataTags = reader.Strings("dataTags"),
            Attributes = reader.Map("attributes"),
        };
    }
}
