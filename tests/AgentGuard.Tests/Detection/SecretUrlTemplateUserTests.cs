namespace AgentGuard.Tests.Detection;

/// <summary>
/// A URL whose user is filled in by a template while its password is written out
/// (<c>f"https://{user}:Xk9…@github.com/"</c>, <c>postgres://${DB_USER}:Vq8…@db/app</c>, <c>"mysql://%s:Hk4…@%s/db"</c>): the
/// code hides the account name and hard-codes the password beside it. The URL reading stopped at the template's brace,
/// so the password was never read (semgrep's tuning miss; the same shape in every templating syntax). Look-alikes: the
/// password templated too (the look-alikes several sources keep as clean: <c>${username}:${password}@</c>,
/// <c>{{user}}:{{pass}}@</c>, <c>$(MONGO_USER):$(MONGO_PASSWORD)@</c>, <c>%s:%s@</c>), a placeholder password, a port after
/// a templated host.
/// </summary>
public sealed class SecretUrlTemplateUserTests
{
    private readonly SecretDetector _detector = new();

    public static TheoryData<string, string> Lines => new()
    {
        { "clone_url = f\"https://{user}:Xk9pQ2mW7zLq+@github.com/org/repo.git\"", "Xk9pQ2mW7zLq+" },
        { "DATABASE_URL=\"postgres://${DB_USER}:Vq8nRt2Lw9@db.internal:5432/app\"", "Vq8nRt2Lw9" },
        { "url = \"mysql://%s:Hk4tQ9zLm2@%s/orders\" % (user, host)", "Hk4tQ9zLm2" },
        { "MONGO_URI=mongodb://$(MONGO_USER):Np4Xz8Qm2R@mongo:27017/app", "Np4Xz8Qm2R" },
        { "cache: redis://{{ redis_user }}:Lq9Wz3Xk7T@cache:6379/0", "Lq9Wz3Xk7T" },
        { "broker_url: amqp://<user>:Gz7Tn2Qk5w@broker:5672/", "Gz7Tn2Qk5w" },
        { "const u = `https://${login}:Wz5kTq8nPb@registry.example.org/v2/`;", "Wz5kTq8nPb" },
    };

    [Theory]
    [MemberData(nameof(Lines))]
    public void Find_PasswordBesideATemplatedUser_CoversIt(string line, string password)
    {
        SecretText.ShouldCover(_detector, line, password);
    }

    [Theory]
    [InlineData("const API_URL = \"https://${username}:${password}@api.example.com/v1\";")]
    [InlineData("const CONFIG_URL = \"https://{{user}}:{{pass}}@config.example.com\";")]
    [InlineData("MONGO_URI = mongodb://$(MONGO_USER):$(MONGO_PASSWORD)@$(MONGO_HOST):27017/db")]
    [InlineData("f\"https://{user_name}:{_token(secret_name)}@github.com/\"")]
    [InlineData("connStr = fmt.Sprintf(\"mysql://%s:%s@%s:%s/%s\", user, pass, host, port, name)")]
    [InlineData("url = f\"https://{user}:password@example.com\"")]
    [InlineData("DATABASE_URL=postgres://${DB_USER}:${DB_PASSWORD:-secret}@db:5432/app")]
    [InlineData("broker_url: amqp://<user>:<password>@broker/")]
    [InlineData("base = f\"https://{host}:8443/api/v1\"")]
    [InlineData("f\"https://{user}:{pw}@{host}/\"")]
    public void Find_TemplatedUserWithoutAPassword_FindsNothing(string line)
    {
        var findings = new List<SecretFinding>();
        _detector.Find(line, findings);

        findings.Should().BeEmpty(line);
    }
}
