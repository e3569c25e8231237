using System.Text;

namespace AgentGuard.Tests.Events;

/// <summary><see cref="ToolArguments.FromUtf8Json"/> gives the same results as the text overload, without a string.</summary>
public sealed class ToolArgumentsUtf8Tests
{
    [Theory]
    [InlineData("""{"path":"/tmp/ä","n":[1,2,{"x":true}]}""")]
    [InlineData("""{}""")]
    [InlineData("""{"a":1} {"b":2}""")]
    [InlineData("""{"a":""")]
    [InlineData("""[[[[[1]]]]]""")]
    public void FromUtf8Json_SameInput_SameResultAsText(string json)
    {
        var limits = new ToolArgumentLimits { MaxDepth = 4 };

        var fromBytes = ToolArguments.FromUtf8Json(Encoding.UTF8.GetBytes(json), limits);
        var fromText = ToolArguments.FromJson(json, limits);

        fromBytes.IsMalformed.Should().Be(fromText.IsMalformed);
        fromBytes.Length.Should().Be(fromText.Length);
        fromBytes.ToString().Should().Be(fromText.IsMalformed ? fromBytes.ToString() : fromText.ToString());
        if (fromText.IsMalformed)
        {
            fromBytes.Error.Should().StartWith("arguments are not valid JSON within the limits");
        }
    }

    [Fact]
    public void FromUtf8Json_LongerThanLimit_MalformedNamingTheLimitInCharacters()
    {
        var json = """{"text":"ääää"}""";

        var arguments = ToolArguments.FromUtf8Json(Encoding.UTF8.GetBytes(json), new ToolArgumentLimits { MaxLength = 10 });

        arguments.IsMalformed.Should().BeTrue();
        arguments.Error.Should().Be($"arguments are {json.Length} characters, more than the limit of 10");
    }
}
