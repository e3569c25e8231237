using System.CommandLine;

namespace AgentGuard.Cli.Commands;

/// <summary><c>agentguard schema</c>: prints the JSON schema of the configuration (docs/agentguard.schema.json).</summary>
internal static class SchemaCommand
{
    public static Command Create(TextWriter output)
    {
        var command = new Command("schema", "Print the JSON schema of the AgentGuard configuration section (for editors and CI validation).");
        command.SetAction(_ =>
        {
            using var stream = typeof(SchemaCommand).Assembly.GetManifestResourceStream("agentguard.schema.json")
                ?? throw new CliException("The schema is missing from this build of agentguard.");
            using var reader = new StreamReader(stream);
            output.Write(reader.ReadToEnd());
            return ExitCodes.Success;
        });
        return command;
    }
}
