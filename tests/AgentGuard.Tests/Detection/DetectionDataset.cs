using System.Text.Json;

namespace AgentGuard.Tests.Detection;

/// <summary>Reads the labelled JSON-lines datasets in <c>Detection/Data</c>.</summary>
internal static class DetectionDataset
{
    public static IReadOnlyList<JsonElement> Read(string file)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Detection", "Data", file);
        return [.. File.ReadLines(path).Where(l => l.Length > 0).Select(l => JsonDocument.Parse(l).RootElement.Clone())];
    }

    public static string Text(this JsonElement element) => element.GetProperty("text").GetString()!;
}
