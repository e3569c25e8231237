using AgentGuard.Onnx.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace AgentGuard.Onnx.Tests;

/// <summary>A classifier AgentGuard cannot use fails at start, naming the key to fix; nothing is downloaded.</summary>
public sealed class OnnxClassifierConfigurationTests : IClassFixture<ToyModelsFixture>
{
    private readonly ToyModels _models;

    public OnnxClassifierConfigurationTests(ToyModelsFixture fixture) => _models = fixture.Models;

    [Fact]
    public async Task Start_NoModelPath_FailsNamingTheKey()
    {
        await using var services = OnnxHost.Create(new { TokenizerPath = _models.VocabPath });

        var start = () => services.GetRequiredService<IGuardEngine>();

        start.Should().Throw<OptionsValidationException>().WithMessage("*AgentGuard:Onnx:ModelPath: required*");
    }

    [Fact]
    public async Task Start_ModelFileMissing_FailsNamingTheKeyAndThePath()
    {
        var missing = Path.Combine(_models.Folder, "no-such-model.onnx");
        await using var services = OnnxHost.Create(new { ModelPath = missing, TokenizerPath = _models.VocabPath });

        var start = () => services.GetRequiredService<IGuardEngine>();

        start.Should().Throw<OptionsValidationException>().WithMessage($"*AgentGuard:Onnx:ModelPath: no file at '{missing}'*");
    }

    [Fact]
    public async Task Start_MisspeltKey_FailsNamingIt()
    {
        await using var services = OnnxHost.Create(new { ModelPath = _models.WordPieceModelPath, TokenizerPath = _models.VocabPath, InjectionLabel = 1 });

        var start = () => services.GetRequiredService<IGuardEngine>();

        start.Should().Throw<AgentGuardPolicyException>().WithMessage("*AgentGuard:Onnx:InjectionLabel*");
    }

    [Theory]
    [InlineData("MaxTokens", 4, "*AgentGuard:Onnx:MaxTokens: 4 is outside*")]
    [InlineData("MaxWindows", 0, "*AgentGuard:Onnx:MaxWindows: 0 is outside 1..256*")]
    [InlineData("IntraOpThreads", 0, "*AgentGuard:Onnx:IntraOpThreads: 0 is outside 1..64*")]
    [InlineData("BeginTokenId", -1, "*AgentGuard:Onnx:BeginTokenId: a token id is 0 or more*")]
    public void Validate_ImpossibleNumber_NamesTheKey(string key, int value, string message)
    {
        var options = new OnnxClassifierOptions { ModelPath = _models.WordPieceModelPath, TokenizerPath = _models.VocabPath };
        switch (key)
        {
            case nameof(OnnxClassifierOptions.MaxTokens): options.MaxTokens = value; break;
            case nameof(OnnxClassifierOptions.MaxWindows): options.MaxWindows = value; break;
            case nameof(OnnxClassifierOptions.IntraOpThreads): options.IntraOpThreads = value; break;
            default: options.BeginTokenId = value; break;
        }

        var loading = () => new OnnxInjectionClassifier(options);

        loading.Should().Throw<InvalidOperationException>().WithMessage(message);
    }

    [Fact]
    public void Load_TokenizerOfAnotherKind_FailsNamingTheKey()
    {
        var json = _models.Write("tokenizer.json", "{}"u8.ToArray());

        var loading = () => new OnnxInjectionClassifier(new OnnxClassifierOptions { ModelPath = _models.WordPieceModelPath, TokenizerPath = json });

        loading.Should().Throw<InvalidOperationException>().WithMessage("*AgentGuard:Onnx:TokenizerPath: '*tokenizer.json' is neither a SentencePiece model (*.model) nor a WordPiece vocabulary (*.txt)*");
    }

    [Fact]
    public void Load_FileThatIsNoModel_FailsNamingTheKey()
    {
        var garbage = _models.Write("garbage.onnx", "not a model at all"u8.ToArray());

        var loading = () => new OnnxInjectionClassifier(new OnnxClassifierOptions { ModelPath = garbage, TokenizerPath = _models.VocabPath });

        loading.Should().Throw<InvalidOperationException>().WithMessage("*AgentGuard:Onnx:ModelPath: '*garbage.onnx' is not a model ONNX Runtime can load*");
    }

    [Fact]
    public void Load_ModelWithAnInputAgentGuardCannotFeed_FailsNamingIt()
    {
        var vision = _models.Write("vision.onnx", ToyModels.Model(File.ReadAllLines(_models.VocabPath), "[CLS]", extraInput: "pixel_values"));

        var loading = () => new OnnxInjectionClassifier(new OnnxClassifierOptions { ModelPath = vision, TokenizerPath = _models.VocabPath });

        loading.Should().Throw<InvalidOperationException>().WithMessage("*the model's input 'pixel_values' is not one AgentGuard feeds*");
    }

    [Fact]
    public void Load_InjectionLabelBeyondTheModelsLabels_FailsNamingTheKey()
    {
        var loading = () => new OnnxInjectionClassifier(new OnnxClassifierOptions { ModelPath = _models.WordPieceModelPath, TokenizerPath = _models.VocabPath, InjectionLabels = [2] });

        loading.Should().Throw<InvalidOperationException>().WithMessage("*AgentGuard:Onnx:InjectionLabels: the model scores 2 labels (0..1); [2] is out of range*");
    }

    [Fact]
    public async Task Start_ThreeLabelModelWithTwoInjectionLabels_AddsTheirProbabilities()
    {
        // Prompt Guard 1 style (benign, injection, jailbreak): the score is the injected labels' probabilities together.
        var threeLabels = _models.Write("three-labels.onnx", ToyModels.Model(File.ReadAllLines(_models.VocabPath), "[CLS]", labels: 3));
        using var one = new OnnxInjectionClassifier(new OnnxClassifierOptions { ModelPath = threeLabels, TokenizerPath = _models.VocabPath, InjectionLabels = [1] });
        using var both = new OnnxInjectionClassifier(new OnnxClassifierOptions { ModelPath = threeLabels, TokenizerPath = _models.VocabPath, InjectionLabels = [1, 2] });

        var single = await one.ScoreAsync("the weather", CancellationToken.None);
        var together = await both.ScoreAsync("the weather", CancellationToken.None);

        together.Should().BeApproximately(2 * single, 1e-6);
    }
}
