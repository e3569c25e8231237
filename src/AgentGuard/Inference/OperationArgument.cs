using System.Buffers;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace AgentGuard.Inference;

/// <summary>
/// The operation a multiplexed tool is asked to perform: one tool (<c>github</c>, <c>mailbox</c>) whose
/// <c>operation</c>, <c>action</c> or <c>method</c> argument picks what it does (<c>delete_repository</c>,
/// <c>list_messages</c>). For such a tool the operation, not the name, says whether it reads or acts.
/// </summary>
internal static class OperationArgument
{
    /// <summary>Argument names that pick a multiplexed tool's operation (compared ignoring case, as binders bind them).</summary>
    private static readonly byte[][] Names =
        [.. new[] { "operation", "operation_id", "operationId", "action", "method", "op", "function", "function_name", "functionName", "tool", "tool_name", "toolName" }.Select(Encoding.UTF8.GetBytes)];

    /// <summary>Shortest and longest operation read: an identifier, not text.</summary>
    private const int MinLength = 3;

    private const int MaxLength = 64;

    private static readonly SearchValues<char> IdentifierChars = SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-. ");

    /// <summary>The operation the call's arguments name, or null (no such argument, or a value that is no identifier). Allocates only the value it returns.</summary>
    public static string? Of(ToolArguments arguments)
    {
        if (arguments.IsMalformed || arguments.Root.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var property in arguments.Root.EnumerateObject())
        {
            if (property.Value.ValueKind != JsonValueKind.String || !IsOperationName(JsonMarshal.GetRawUtf8PropertyName(property)))
            {
                continue;
            }

            var text = property.Value.GetString()!.Trim();
            return text.Length is >= MinLength and <= MaxLength && text.AsSpan().IndexOfAnyExcept(IdentifierChars) < 0 && text.AsSpan().ContainsAnyInRange('a', 'z') | text.AsSpan().ContainsAnyInRange('A', 'Z')
                ? text
                : null;
        }

        return null;
    }

    private static bool IsOperationName(ReadOnlySpan<byte> name)
    {
        foreach (var candidate in Names)
        {
            if (Ascii.EqualsIgnoreCase(name, candidate))
            {
                return true;
            }
        }

        return false;
    }
}
