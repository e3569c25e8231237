namespace AgentGuard.Tests.Detection;

/// <summary>
/// Classes the eleventh pass of issue 14 closed from the tuning part of trivy's scanner test data (added this pass),
/// each with the ordinary text beside it that must stay clean.
/// </summary>
public sealed class SecretDetectorEleventhPassTests
{
    private readonly SecretDetector _detector = new();

    /// <summary>
    /// Azure's identifiable keys (AI services, Container Registry, and other "common annotated" keys): 52 letters and
    /// digits, the signature <c>JQQJ9</c> and one of <c>9</c>/<c>D</c>/<c>H</c>, 26 more (84 characters, 88 with
    /// <c>==</c> padding). The signature is fixed, so no name is needed beside them.
    /// </summary>
    [Theory]
    [InlineData("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyzJQQJ99CEACYeBjFXJ3w3AAABACOGabcd")]
    [InlineData("endpoint key: WgObDdlzqHeH5khZWBpThVTZW3QWd5QQexcTl4Kyqj9BIMEcmQSgJQQJ99BKACYeBjFXJ3w3AAAEACOGq7Zw tail")]
    [InlineData("\"key\": \"XG9VwOOAsML7fa5FbeHKyKAhKbz29zlIcULxTEGA7Z8Qz0Q5ilGvJQQJ99AHAC5RqLJ3w3AAAAAZACRcx8YqAb==\"")]
    public void Find_AzureIdentifiableKey_IsReportedWhole(string text)
    {
        var key = System.Text.RegularExpressions.Regex.Match(text, "[A-Za-z0-9]{52}JQQJ9[9DH][A-Za-z0-9]{26}(?:[A-Za-z0-9]{2}==)?").Value;

        SecretText.Values(_detector, text).Should().ContainSingle().Which.Should().Be(key);
    }

    [Theory]
    [InlineData("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyzJQQJ98CEACYeBjFXJ3w3AAABACOGabcd")]
    [InlineData("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyzJQQJ99CEACYeBjFXJ3w3AAABACOGabcdXYZ")]
    [InlineData("BCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyzJQQJ99CEACYeBjFXJ3w3AAABACOGabcd")]
    [InlineData("The signature JQQJ99 marks Azure keys; see the docs.")]
    public void Find_SignatureWithoutTheKeyShape_IsNotReported(string text)
        => SecretText.Find(_detector, text).Should().BeEmpty();
}
