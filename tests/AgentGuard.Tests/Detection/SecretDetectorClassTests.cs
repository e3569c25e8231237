using System.Text;

namespace AgentGuard.Tests.Detection;

/// <summary>
/// The secret classes added for issue 14, each written from the attacker's side first ("how does a credential get past
/// this?") and then from the false-alarm side ("what ordinary text looks like it?"). Every value is generated at run
/// time from a seeded <see cref="Random"/>: no credential-shaped literal sits in the repository.
/// </summary>
public sealed class SecretDetectorClassTests
{
    private const string Alnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private const string Crypt = "./" + Alnum;
    private const string Hex = "0123456789abcdef";

    private readonly SecretDetector _detector = new();
    private readonly Random _random = new(14);

    [Fact]
    public void Find_CryptPasswordHashes_AreRedactedWhole()
    {
        string[] hashes =
        [
            "$6$" + Take(Crypt, 16) + "$" + Take(Crypt, 86),
            "$2b$12$" + Take(Crypt, 53),
            "$1$" + Take(Crypt, 8) + "$" + Take(Crypt, 22),
            "$krb5asrep$23$" + Take(Hex, 32) + "$" + Take(Hex, 200),
        ];

        foreach (var hash in hashes)
        {
            var text = "root:" + hash + ":19000:0:99999:7:::";
            CoveredText(text).Should().Contain(hash, because: hash[..6]);
        }
    }

    [Fact]
    public void Find_ShellPositionalParametersAndPrices_AreNotHashes()
    {
        Find("echo $1$2 and then cp \"$1$HOME\" /tmp; costs $5$ per unit").Should().BeEmpty();
    }

    [Fact]
    public void Find_TwitchStreamKeyAndSalesforceSession_AreReported()
    {
        var twitch = "live_" + Take("0123456789", 9) + "_" + Take(Alnum, 30);
        var salesforce = "00D" + Take(Alnum, 12) + "!" + Take(Alnum + "._", 96);

        CoveredText("obs stream key " + twitch + " (do not share)").Should().Contain(twitch);
        CoveredText("sid=" + salesforce + "; Path=/").Should().Contain(salesforce);
    }

    [Fact]
    public void Find_Base64EncodedPrivateKey_IsReported_ButAnEncodedCertificateIsNot()
    {
        var body = Take(Alnum, 64);
        var key = Convert.ToBase64String(Encoding.ASCII.GetBytes("-----BEGIN RSA PRIVATE KEY-----\n" + body + "\n-----END RSA PRIVATE KEY-----\n"));
        var certificate = Convert.ToBase64String(Encoding.ASCII.GetBytes("-----BEGIN CERTIFICATE-----\n" + body + "\n-----END CERTIFICATE-----\n"));

        CoveredText("PRIVATE_KEY_B64=" + key).Should().Contain(key);
        Find("CA_BUNDLE_B64=" + certificate).Should().BeEmpty();
    }

    [Theory]
    [InlineData("Connect-VIServer -Server vc.lab.local -User admin@vsphere.local -Password {0}")]
    [InlineData("mysqldump --password {0} shop")]
    [InlineData("machine api.example.com login joe password {0}")]
    [InlineData("machine api.example.com\n  login joe\n  password {0}")]
    [InlineData("psexec \\\\10.0.0.5 -u Administrator -p {0} cmd")]
    [InlineData("if username == \"admin\" and password == \"{0}\":")]
    [InlineData("var credential = new NetworkCredential(\"svc-backup\", \"{0}\");")]
    [InlineData(":password       => '{0}',")]
    [InlineData("REACT_APP_AUTH_PASSWORD={0}    # staging")]
    [InlineData("The default password is '{0}'.")]
    public void Find_PlainWordPasswordInAPasswordPosition_IsReported(string template)
    {
        // One plain word: no second character class, no entropy to speak of. The position makes it a password.
        var password = Take("abcdefghijklmnopqrstuvwxyz", 9);
        var text = string.Format(System.Globalization.CultureInfo.InvariantCulture, template, password);

        CoveredText(text).Should().Contain(password);
    }

    [Theory]
    [InlineData("sb.append(\"MasterUserPassword: \" + getMasterUserPassword() + \",\");")]
    [InlineData("this.addPassword = \"#add-password\";")]
    [InlineData("password = env.PERKEEP_TEST_PASSWORD")]
    [InlineData("IAMUserChangePassword = \"arn:aws:iam::aws:policy/IAMUserChangePassword\"")]
    [InlineData("usernameLabel:\"Username or email:\",passwordLabel:\"Password:\",rememberMeLabel:\"Remember me:\"")]
    [InlineData("\"passwordSecretRef\":\"registry-password\",\"server\":\"registry.example.io\"")]
    [InlineData("mysql -u root -p $MYSQL_ROOT_PASSWORD")]
    [InlineData("if password == \"\": return error")]
    [InlineData("Enter your password below and press the login button.")]
    public void Find_CodeAndLabelsAroundPasswordNames_AreNotPasswords(string text)
    {
        Find(text).Should().BeEmpty();
    }

    [Fact]
    public void Find_UrlPasswordHoldingAt_IsRedactedToTheLastAt()
    {
        var password = Take(Alnum, 6) + "@" + Take(Alnum, 6);
        var text = "const MONGO = \"mongodb+srv://app:" + password + "@cluster0.example.net/db?retryWrites=true\";";

        var covered = CoveredText(text);

        covered.Should().Contain(password);
        covered.Should().NotContain("cluster0");
    }

    [Fact]
    public void Find_ChatWebhookUrl_IsRedactedWithSchemeAndHost()
    {
        var url = "https://outlook.office.com/webhook/" + Uuid() + "@" + Uuid() + "/IncomingWebhook/" + Take(Hex, 32) + "/" + Uuid();

        CoveredText("webhooks: " + url).Should().Contain(url);
    }

    [Fact]
    public void Redact_QuotedTokenOf2000Characters_LeavesNoFragment()
    {
        var token = Take(Alnum + "@", 2000);
        var text = "{ \"secret\": \"" + token + "\" }";
        var findings = Find(text);

        var redacted = ArgumentRedactor.Replace(text, findings);

        redacted.Should().Be("{ \"secret\": \"[REDACTED:generic-secret]\" }");
    }

    [Fact]
    public void Find_SecretWithABraceAmongSymbols_IsNotTakenForATemplate()
    {
        var secret = Take(Alnum, 10) + "^?{" + Take(Alnum, 10) + "[$_" + Take(Alnum, 10);

        CoveredText("jwtsecret: \"" + secret + "\"").Should().Contain(secret);
        Find("jwtsecret: \"{JWT_SECRET}\"").Should().BeEmpty();
        Find("api_key: \"sk-<your key here>\"").Should().BeEmpty();
    }

    [Fact]
    public void Find_TokensOutsideTheirDocumentedShape_AreNotThatToken()
    {
        // A Discord id is base64 of a decimal number: it starts with M, N or O.
        Find("P" + Take(Alnum, 23) + "." + Take(Alnum, 6) + "." + Take(Alnum, 27)).Should().BeEmpty();

        // A JOSE header always names its algorithm; "eyJ…" that decodes to other JSON is not a JWT.
        var header = Base64Url("{\"foo\":\"bar\"}");
        Find(header + ".eyJ" + Take(Alnum, 30) + "." + Take(Alnum, 30)).Should().BeEmpty();

        // Stripe keys carry at least 24 characters after the prefix; a GitLab trigger token exactly 40.
        Find("sk_live_" + Take(Alnum, 23)).Should().BeEmpty();
        Find("glptt-" + Take(Hex, 43)).Should().BeEmpty();

        // A Notion integration secret has exactly 43 characters after "secret_"; a Zoho token two 32-character halves.
        Find("secret_" + Take(Alnum, 44)).Should().NotContain(f => f.Kind == "notion-token");
        Find("1000." + Take(Hex, 60)).Should().BeEmpty();

        // An Entra client secret has three characters before "8Q~" and 31 to 34 after it.
        Find("x" + Take(Alnum, 3) + "8Q~" + Take(Alnum, 34)).Should().BeEmpty();
        Find(Take(Alnum, 3) + "8Q~" + Take(Alnum, 20)).Should().BeEmpty();
    }

    [Fact]
    public void Find_TokensInTheirDocumentedShape_AreReported()
    {
        string[] tokens =
        [
            "M" + Take(Alnum, 23) + "." + Take(Alnum, 6) + "." + Take(Alnum, 27),
            Base64Url("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + ".eyJ" + Take(Alnum, 30) + "." + Take(Alnum, 30),
            "sk_live_" + Take(Alnum, 24),
            "glptt-" + Take(Hex, 40),
            "tvly-" + Take(Alnum, 32),
            "NRAK-" + Take("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 27),
            "dp.scim." + Take(Alnum, 43),
            "key-" + Take(Hex, 32),
            "squ_" + Take(Hex, 40),
            "sbp_" + Take(Hex, 40),
            "CFPAT-" + Take(Alnum, 43),
            Take(Alnum, 3) + "8Q~" + Take(Alnum + "_~.-", 34),
            "xkeysib-" + Take(Hex, 64) + "-" + Take(Alnum, 16),
            "1000." + Take(Hex, 32) + "." + Take(Hex, 32),
            "tkn.v1_" + Take(Alnum, 68) + "=",
            "VF.DM." + Take(Hex, 24) + "." + Take(Alnum, 16),
            "LTAI" + Take(Alnum, 20),
            "mdb_sa_sk_" + Take(Alnum + "_", 40),
            "secret_" + Take(Alnum, 43),
            "BBFF-" + Take(Alnum, 30),
            "sl." + Take(Alnum + "-_", 135),
        ];

        foreach (var token in tokens)
        {
            CoveredText("value: " + token + " end").Should().Contain(token);
        }
    }

    [Fact]
    public void Find_NamesAndSeparatorsOfTheSecondPass_AreRedactedWhole()
    {
        var master = "{" + Take(Alnum + "+/", 44) + "=}";
        var unseal = Take(Alnum + "+/", 44);
        var crumb = Take(Hex, 32);
        var jwtSecret = Take("abcdefghijklmnopqrstuvwxyz", 11) + "#" + Take("abcdefghijklmnopqrstuvwxyz", 7);
        var sonar = Take(Hex, 40);
        var lettersOnly = Take("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz", 32);

        CoveredText("<settingsSecurity>\n  <master>" + master + "</master>\n</settingsSecurity>").Should().Contain(master[1..^1]);
        CoveredText("Unseal Key 2: " + unseal).Should().Contain(unseal);
        CoveredText("curl -X POST \"$JENKINS/job/x/build\" -H 'Jenkins-Crumb:" + crumb + "'").Should().Contain(crumb);
        CoveredText("JWT:\n  Secret: '" + jwtSecret + "'\n  exp: '50m'").Should().Contain(jwtSecret);
        CoveredText("sonar.login', '" + sonar + "')").Should().Contain(sonar);
        CoveredText("vercelTOKEN=" + lettersOnly).Should().Contain(lettersOnly);
    }

    [Theory]
    [InlineData("fields = [\"password\", \"confirm_password\"]")]
    [InlineData("token = getAccessTokenFromCacheOrRefreshIt")]
    [InlineData("Key 1: the first point of the review")]
    [InlineData("secret: 'db-credentials'")]
    [InlineData("<master>false</master>")]
    [InlineData("headers: 'Jenkins-Crumb', 'X-Requested-With'")]
    public void Find_LookAlikesOfTheSecondPassClasses_AreNotSecrets(string text)
    {
        Find(text).Should().BeEmpty();
    }

    [Theory]
    [InlineData("passphrase: z.string().optional(),")]
    [InlineData("password: Optional[str]=None,")]
    [InlineData("return typeof apiKey === \"function\" ? apiKey : () => apiKey;")]
    [InlineData("if (e.key === \"Control\" || e.key === \"recentlyOpenedFiles\") {")]
    [InlineData("password: this.options.token,")]
    [InlineData("key: \"completionOptions.frequencyPenalty\",")]
    [InlineData("\"key\": \"sessions/org/abc123/artifacts/screenshot.png\",")]
    [InlineData("\"required\": [\"host\", \"port\", \"user\", \"password\", \"database\"]")]
    [InlineData("tokensGenerated: tokensGeneratedEventSchema_0_1_0,")]
    [InlineData("agentOptions.passphrase = passphrase;")]
    [InlineData("private rangesCoincide(range1: vscode.Range, range2: vscode.Range): boolean {")]
    [InlineData("\"GIT_EXTERNAL_DIFF\", \"GIT_ASKPASS\", \"SSH_ASKPASS\", \"SUDO_ASKPASS\", \"GIT_PAGER\",")]
    [InlineData("if (a.Text.Contains(\"password\", StringComparison.Ordinal))")]
    public void Find_CodeAroundKeyLikeNames_IsNotASecret(string text)
    {
        Find(text).Should().BeEmpty();
    }

    [Fact]
    public void Find_LiteralsInComparisonsAndCallPairs_AreStillReported()
    {
        var secret = Take("abcdefghijklmnopqrstuvwxyz", 4) + "-" + Take("abcdefghijklmnopqrstuvwxyz", 6);
        var password = Take(Alnum, 12);

        CoveredText("if creds.Secret != \"" + secret + "\" {").Should().Contain(secret);
        CoveredText("if (password == \"" + password + "\")").Should().Contain(password);
        CoveredText("System.setProperty(\"db.password\", \"" + password + "\");").Should().Contain(password);
        CoveredText("token = \"" + Take(Alnum, 40) + "\"").Should().NotBeEmpty();
    }

    [Fact]
    public void Find_ValueGluedToItsName_IsRedactedWhole_ButWordNamesAreNot()
    {
        var uuid = Uuid();
        var hex = Take(Hex, 32);

        CoveredText("LD=launchdarkly-secret-" + uuid + " ./run").Should().Contain(uuid);
        CoveredText("prospect-token-" + hex).Should().Contain(hex);
        Find("role: secret-manager-access-role-for-production-workers").Should().BeEmpty();
        Find("kubectl get secret db-secret-7f9c8d6b5-x2k9p -o yaml").Should().BeEmpty();
    }

    [Theory]
    [InlineData("Attached: secret_santa_assignments_2023_final_v2.xlsx")]
    [InlineData("Usage: token_count_12345678901234567890 tokens")]
    [InlineData("restore db-secret-backup_archive_2023_12_31_full.tar first")]
    public void Find_FileOrIdentifierNameGluedToASecretWord_IsNotReported(string text)
    {
        // Words and numbers joined by '_', '-' or '.' after "secret_" or "token_" name a file or a counter, not a value.
        Find(text).Should().BeEmpty();
    }

    [Fact]
    public void Find_ValueAfterACapitalisedLabel_IsRedacted()
    {
        // Third pass of issue 14: a key listing or log line names the value with a label in capitals and a bare space.
        var hexKey = Take(Hex, 40);
        var shortKey = Take("ABCDEFGHIJKLMNOPQRSTUVWXYZ", 5) + Take("0123456789", 10);
        var numeric = Take("123456789", 24);
        var uuid = Uuid();

        CoveredText("todoist SECRET " + hexKey).Should().Contain(hexKey);
        CoveredText("eagleeyenetworks TOKEN " + shortKey + " (rotated monthly)").Should().Contain(shortKey);
        CoveredText("vercel SECRET " + numeric).Should().Contain(numeric);
        CoveredText("[INFO] BILLING_ACCESS " + uuid).Should().Contain(uuid);
        CoveredText("databoxPRIVATEKEY " + hexKey).Should().Contain(hexKey);
    }

    [Theory]
    [InlineData("PRIMARY KEY idx_orders_2024 (id)")]
    [InlineData("ACCESS DENIED for user 12345678")]
    [InlineData("ACCESS MED-Diagnostics requires a login")]
    [InlineData("gpg --default-key YOURKEY --digest-algo sha512")]
    [InlineData("MONKEY 1234567890abcdef1234 is a stuffed toy")]
    [InlineData("the key 1234567890abcdef opens the door")]
    [InlineData("API_KEY Authentication is described below")]
    [InlineData("TOKEN AAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("KEY UPDATEstatements are logged")]
    public void Find_CapitalisedWordsThatAreNotLabelledValues_AreNotReported(string text)
    {
        Find(text).Should().BeEmpty(because: text);
    }

    [Fact]
    public void Find_MoreProviderPrefixes_AreRedactedWhole()
    {
        string[] tokens =
        [
            "shltm_" + Take(Alnum, 40), "ion_" + Take(Alnum, 42), "slk_" + Take(Hex, 64), "flb_live_" + Take(Alnum, 20),
            "ak_live_" + Take(Alnum, 30), "NF-" + Take(Alnum, 32),
        ];

        foreach (var token in tokens)
        {
            CoveredText("export CI_VALUE=\"" + token + "\"").Should().Contain(token, because: token[..4]);
            CoveredText("see " + token + " in the vault").Should().Contain(token, because: token[..4]);
        }
    }

    [Theory]
    [InlineData("CONF-12345678901234567890123456789012 is a ticket")]
    [InlineData("call union_type_for_the_long_and_winding_ionic_module_name_here()")]
    [InlineData("ak_live_prefix_is_documented_here")]
    public void Find_ProviderPrefixesInsideOtherWords_AreNotReported(string text)
    {
        Find(text).Should().BeEmpty(because: text);
    }

    [Fact]
    public void Find_NightfallKeyOfTheWrongLength_IsNotReportedAsNightfall()
    {
        Find("NF-" + Take(Alnum, 31) + " ").Should().NotContain(f => f.Kind == "nightfall-key");
        Find("NF-" + Take(Alnum, 33) + " ").Should().NotContain(f => f.Kind == "nightfall-key");
    }

    [Fact]
    public void Find_GoogleServiceAccountObject_IsRedactedWhole_NotOnlyItsPrivateKey()
    {
        var keyId = Take(Hex, 40);
        var clientId = Take("0123456789", 21);
        var pem = "-----BEGIN PRIVATE KEY-----\\n" + Take(Alnum, 64) + "\\n" + Take(Alnum, 64) + "\\n-----END PRIVATE KEY-----\\n";
        var account = "{\n  \"type\": \"service_account\",\n  \"project_id\": \"billing-prod\",\n  \"private_key_id\": \"" + keyId + "\",\n  \"private_key\": \"" + pem
            + "\",\n  \"client_email\": \"exporter@billing-prod.iam.gserviceaccount.com\",\n  \"client_id\": \"" + clientId
            + "\",\n  \"auth_uri\": \"https://accounts.google.com/o/oauth2/auth\",\n  \"auth_provider_x509_cert_url\": \"https://www.googleapis.com/oauth2/v1/certs\"\n}";

        var covered = CoveredText("{\"name\": \"upload\", \"credentials\": " + account + "}");

        covered.Should().Contain(account);
        covered.Should().NotContain("\"upload\"");

        // Cut off before its closing brace (a truncated tool result): redacted to the end.
        CoveredText(account[..^10]).Should().Contain(keyId).And.Contain(clientId);
    }

    [Theory]
    [InlineData("{\"auth_provider_x509_cert_url\": \"https://www.googleapis.com/oauth2/v1/certs\", \"client_email\": \"\"}")]
    [InlineData("Set auth_provider_x509_cert_url to the certificate URL of your provider (see gserviceaccount.com).")]
    public void Find_ServiceAccountFieldNamesWithoutAnAccount_AreNotReported(string text)
    {
        Find(text).Should().NotContain(f => f.Kind == "gcp-service-account", because: text);
    }

    [Fact]
    public void Find_ValueGluedToAKeyLabel_IsRedacted()
    {
        var key = Take(Alnum, 32);
        var uuid = Uuid();

        CoveredText("toggl-KEY-" + key).Should().Contain(key);
        CoveredText("holidayapiKEY-" + uuid).Should().Contain(uuid);
        CoveredText("dd-apikey-" + Take(Hex, 32).ToUpperInvariant()).Should().NotBeEmpty();
    }

    [Theory]
    [InlineData("subtlederivekeyalgorithm-basekey-derivedkeyalgorithm-extractable-keyusages")]
    [InlineData("ssh-key-rotation-policy-for-production-clusters")]
    [InlineData("the sort-key-column-and-secondary-index names")]
    public void Find_NamesThatOnlyContainKeyWords_AreNotReported(string text)
    {
        Find(text).Should().BeEmpty(because: text);
    }

    [Fact]
    public void Find_UrlsWhosePathIsTheToken_AreRedacted_ButTheirDocumentationRootIsNot()
    {
        var device = Take(Alnum.ToLowerInvariant(), 20);
        var softlayer = Take(Hex, 64);

        CoveredText("curl -X POST https://thingsboard.cloud/api/v1/" + device + "/telemetry -d '{}'").Should().Contain(device);
        CoveredText("endpoint = http://api.softlayer.com/soap/v3/" + softlayer).Should().Contain(softlayer);
        Find("Device API: https://thingsboard.cloud/api/v1/ and https://api.softlayer.com/soap/v3/ are documented here").Should().BeEmpty();
    }

    [Fact]
    public void Find_PowerShellPlainTextSecureStringsAndCredentialObjects_AreRedacted()
    {
        var first = Take(Alnum, 6) + "$" + Take("0123456789", 6);
        var second = Take(Alnum, 12);
        var third = Take(Alnum, 10) + "_" + Take(Alnum, 4);

        CoveredText("$pw = ConvertTo-SecureString -String '" + first + "' -AsPlainText -Force").Should().Contain(first);
        CoveredText("-Password (ConvertTo-SecureString \"" + second + "\" -AsPlainText -Force)").Should().Contain(second);
        CoveredText("$cred = New-Object System.Management.Automation.PSCredential (\"CORP\\svc-backup\", \"" + third + "\");").Should().Contain(third);
        CoveredText("var c = new PSCredential ( \"svc\" , \"" + third + "\");").Should().Contain(third);

        // The parameters in another order, the value named after the switches or handed down a pipeline.
        CoveredText("$s = ConvertTo-SecureString -AsPlainText -Force -String \"" + first + "\"").Should().Contain(first);
        CoveredText("$s = ConvertTo-SecureString -Force -AsPlainText '" + second + "'").Should().Contain(second);
        CoveredText("$s = '" + third + "' | ConvertTo-SecureString -AsPlainText -Force").Should().Contain(third);
        CoveredText("$s = \"" + first + "\"|ConvertTo-SecureString -AsPlainText -Force; $c = 1").Should().Contain(first);
        // PowerShell's shortened parameter names and values after a colon.
        CoveredText("$s = ConvertTo-SecureString -st '" + second + "' -AsPlain -f").Should().Contain(second);
        CoveredText("$s = ConvertTo-SecureString -String:'" + third + "' -AsPlainText:$true -Force").Should().Contain(third);
    }

    [Theory]
    [InlineData("$secure = ConvertTo-SecureString $plain -AsPlainText -Force")]
    [InlineData("$secure = ConvertTo-SecureString -String (Get-Content .\\pw.txt) -AsPlainText -Force")]
    [InlineData("$secure = ConvertTo-SecureString '<your password>' -AsPlainText -Force")]
    [InlineData("$secure = Get-Content .\\enc.txt | ConvertTo-SecureString -Key $key")]
    [InlineData("$secure = ConvertTo-SecureString -AsPlainText -Force -String $plain")]
    [InlineData("$secure = ConvertTo-SecureString -String:'01000000d08c9ddf0115d1118c7a00c04fc297eb' -AsPlainText:$false")]
    [InlineData("$secure = $plain | ConvertTo-SecureString -AsPlainText -Force")]
    [InlineData("$secure = '<your password>' | ConvertTo-SecureString -AsPlainText -Force")]
    [InlineData("$secure = '01000000d08c9ddf0115d1118c7a00c04fc297eb01000000a1b2' | ConvertTo-SecureString -Key $key")]
    [InlineData("Write-Host 'Converting the password' | ConvertTo-SecureString -AsPlainText -Force")]
    [InlineData("$cred = New-Object PSCredential ($user, $password)")]
    public void Find_SecureStringsFromVariablesOrPlaceholders_AreNotReported(string text)
    {
        Find(text).Should().BeEmpty(because: text);
    }

    [Fact]
    public void Find_TwitterBearerTokens_AreRedactedWhole()
    {
        var bearer = new string('A', 21) + Take(Alnum, 12) + "AAAAAAA0%2B" + Take(Alnum, 20) + "%3D" + Take(Alnum, 50);

        CoveredText("tp:" + bearer).Should().Contain(bearer);
        CoveredText("curl -H \"Authorization: Bearer " + bearer + "\" https://api.x.com/2/tweets").Should().Contain(bearer);
    }

    [Theory]
    [InlineData("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("A 2 KB run of zeros in base64: AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.")]
    public void Find_RunsOfA_AreNoTwitterToken(string text)
    {
        Find(text).Should().BeEmpty(because: text);
    }

    [Fact]
    public void Find_AHugeRunOfA_IsReadOnceNotOncePerPlace()
    {
        var text = new string('A', 200_000) + "Bx9%2Fq";

        Find(text).Should().BeEmpty();
    }

    [Fact]
    public void Find_SlackWorkflowAndTelegramBotUrls_AreRedactedWhole()
    {
        var workflow = "https://hooks.slack.com/workflows/T" + Take("0123456789", 9) + "/A" + Take("0123456789", 9) + "/" + Take("0123456789", 18) + "/" + Take(Alnum, 24);
        var bot = Take("123456789", 10) + ":AA" + Take(Alnum + "_-", 33);

        CoveredText("curl -X POST " + workflow + " -d @payload.json").Should().Contain(workflow);
        // A workflow's trigger URL (Slack's newer workflow builder) carries its secret the same way.
        var trigger = "https://hooks.slack.com/triggers/T" + Take("0123456789ABCDEF", 9) + "/" + Take("0123456789", 13) + "/" + Take("0123456789abcdef", 32);
        CoveredText("trigger_url = \"" + trigger + "\"").Should().Contain(trigger);
        CoveredText("GET https://api.telegram.org/bot" + bot + "/getUpdates 200").Should().Contain(bot);
    }

    [Theory]
    [InlineData("See https://api.telegram.org/bot<token>/getMe for the bot API.")]
    [InlineData("Workflows post to https://hooks.slack.com/workflows/ URLs.")]
    [InlineData("Triggers are https://hooks.slack.com/triggers/ URLs.")]
    [InlineData("trigger_url = \"https://hooks.slack.com/triggers/T00EXAMPLE1/1234567890123/NOT_A_HEX_TOKEN_zzzz\"")]
    public void Find_DocumentedSlackAndTelegramUrlsWithoutAToken_AreNotReported(string text)
    {
        Find(text).Should().BeEmpty(because: text);
    }

    private List<SecretFinding> Find(string text) => SecretText.Find(_detector, text);

    /// <summary>What the audit redactor replaces in <paramref name="text"/>, joined.</summary>
    private string CoveredText(string text) => SecretText.Covered(text, Find(text));

    private string Take(string alphabet, int count) => SecretText.Take(_random, alphabet, count);

    private string Uuid()
    {
        var bytes = new byte[16];
        _random.NextBytes(bytes);
        return new Guid(bytes).ToString();
    }

    private static string Base64Url(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
