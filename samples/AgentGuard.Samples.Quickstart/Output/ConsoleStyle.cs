namespace AgentGuard.Samples.Quickstart.Output;

/// <summary>Colours for a terminal; plain text when output is redirected (CI, files, pipes) or NO_COLOR is set.</summary>
internal sealed class ConsoleStyle
{
    private readonly bool _color = !Console.IsOutputRedirected && Environment.GetEnvironmentVariable("NO_COLOR") is null;

    public string Green(string text) => Paint("32", text);

    public string Red(string text) => Paint("31", text);

    public string Yellow(string text) => Paint("33", text);

    public string Dim(string text) => Paint("2", text);

    public string Bold(string text) => Paint("1", text);

    private string Paint(string code, string text) => _color ? $"\u001b[{code}m{text}\u001b[0m" : text;
}
