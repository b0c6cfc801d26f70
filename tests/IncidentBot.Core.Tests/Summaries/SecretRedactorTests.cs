namespace IncidentBot.Summaries;

public class SecretRedactorTests
{
    [Theory]
    [InlineData("key id AKIAIOSFODNN7EXAMPLE for the deploy user", "AKIAIOSFODNN7EXAMPLE", "aws-access-key")]
    [InlineData("temporary creds ASIAY34FZKBOKMUTVV7A expire at 14:00", "ASIAY34FZKBOKMUTVV7A", "aws-access-key")]
    [InlineData("aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "aws-secret-key")]
    [InlineData("export AWS_SECRET_ACCESS_KEY=\"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\"", "wJalrXUtnFEMI", "aws-secret-key")]
    [InlineData("AWS_SESSION_TOKEN=IQoJb3JpZ2luX2VjEHoaCXVzLWVhc3QtMSJHMEUCIQDk", "IQoJb3JpZ2luX2VjEHoa", "aws-secret-key")]
    [InlineData("maps key AIzaSyD-9tSrke72PouQMnMX-a7eZSW0jkFMBWY in the config", "AIzaSyD-9tSrke72PouQMnMX-a7eZSW0jkFMBWY", "gcp-api-key")]
    [InlineData("curl -H 'Authorization: Bearer ya29.a0AfH6SMBx3Jk9lQpZ_exampleTokenValue123' ...", "ya29.a0AfH6SMBx3Jk9lQpZ", "gcp-token")]
    [InlineData("client secret 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", "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", "gcp-client-secret")]
    [InlineData("\"private_key\": \"-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\\n-----END PRIVATE KEY-----\\n\"", "MIIEvQIBADANBgkqhkiG9w0BAQEFAASC", "private-key")]
    [InlineData("-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA7bq9\n-----END RSA PRIVATE KEY-----", "MIIEpAIBAAKCAQEA7bq9", "private-key")]
    [InlineData("pasted by mistake: -----BEGIN OPENSSH PRIVATE KEY----- b3BlbnNzaC1rZXktdjEAAAAA", "b3BlbnNzaC1rZXktdjEAAAAA", "private-key")]
    [InlineData("DefaultEndpointsProtocol=https;AccountName=payprod;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;EndpointSuffix=core.windows.net", "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1", "azure-key")]
    [InlineData("Endpoint=sb://pay.servicebus.windows.net/;SharedAccessKeyName=Root;SharedAccessKey=k9Ez1QwXbLm3Pq7Rt5Yu8Io0Pa2Sd4Fg6Hj8Kl0Zx1C=", "k9Ez1QwXbLm3Pq7Rt5Yu8Io0Pa2Sd4Fg6Hj8Kl0Zx1C=", "azure-key")]
    [InlineData("https://payprod.blob.core.windows.net/exports/a.csv?sv=2022-11-02&ss=b&sig=Xk3%2Bq9vLw0aZ%3D", "Xk3%2Bq9vLw0aZ%3D", "azure-sas")]
    [InlineData("app secret is Kx88Q~ab3cDeFgHiJkLmNoPqRsTuVwXyZ0123456 for the bot", "Kx88Q~ab3cDeFgHiJkLmNoPqRsTuVwXyZ0123456", "azure-client-secret")]
    [InlineData("the bot token xoxb-1234567890-0987654321-AbCdEfGhIjKlMnOpQrStUvWx works", "xoxb-1234567890-0987654321-AbCdEfGhIjKlMnOpQrStUvWx", "slack-token")]
    [InlineData("user token xoxp-1111111111-2222222222-3333333333-abcdefabcdefabcdefabcdefabcdefab", "xoxp-1111111111", "slack-token")]
    [InlineData("socket mode xapp-1-A0123456789-1234567890123-abcdef0123456789abcdef", "xapp-1-A0123456789", "slack-token")]
    [InlineData("post to https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX now", "B00000000/XXXXXXXXXXXXXXXXXXXXXXXX", "slack-webhook")]
    [InlineData("use ghp_16C7e42F292c6912E7710c838347Ae178B4a for the bot", "ghp_16C7e42F292c6912E7710c838347Ae178B4a", "github-token")]
    [InlineData("github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQ", "github_pat_11ABCDEFG", "github-token")]
    [InlineData("OPENAI key sk-proj-Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4z", "sk-proj-Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4z", "api-key")]
    [InlineData("stripe sk_live_4eC39HqLyjWDarjtT1zdp7dc rotated", "sk_live_4eC39HqLyjWDarjtT1zdp7dc", "stripe-key")]
    [InlineData("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", "ngeVfQFYQlKU0ufo8x5d1A", "sendgrid-key")]
    [InlineData("npm_abcdefghijklmnopqrstuvwxyz0123456789 in .npmrc", "npm_abcdefghijklmnopqrstuvwxyz0123456789", "npm-token")]
    [InlineData("session eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U", "dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U", "jwt")]
    [InlineData("curl -H \"Authorization: Bearer abcdef0123456789abcdef\" https://api", "abcdef0123456789abcdef", "credentials")]
    [InlineData("Authorization: Basic dXNlcjpodW50ZXIy", "dXNlcjpodW50ZXIy", "credentials")]
    [InlineData("DATABASE_URL=postgres://app:s3cr3tPass@db.internal:5432/pay", "s3cr3tPass", "url-password")]
    [InlineData("redis://default:Zx9Qw8Er7Ty6@cache:6379 is the one", "Zx9Qw8Er7Ty6", "url-password")]
    [InlineData("Server=db;Database=pay;User Id=sa;Password=P@ssw0rd!23;", "P@ssw0rd!23", "secret")]
    [InlineData("DB_PASSWORD=hunter2 in the env file", "hunter2", "secret")]
    [InlineData("{\"client_secret\": \"9f8e7d6c5b4a\"}", "9f8e7d6c5b4a", "secret")]
    [InlineData("api_key: 7c1f9e2ab3d4", "7c1f9e2ab3d4", "secret")]
    [InlineData("x-api-key=Q2FuWW91UmVhZFRoaXM", "Q2FuWW91UmVhZFRoaXM", "secret")]
    [InlineData("the admin password is Tr0ub4dor&3 for now", "Tr0ub4dor&3", "password")]
    [InlineData("root pw was 'letmein99'", "letmein99", "password")]
    public void SecretsAreReplacedByTheirKind(string text, string secret, string kind)
    {
        var redacted = SecretRedactor.Redact(text);

        Assert.DoesNotContain(secret, redacted, StringComparison.Ordinal);
        Assert.Contains($"[redacted:{kind}]", redacted, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("payments-api v42 was deployed at 12:58 from commit 3f2a9c1d4b5e6f708192a3b4c5d6e7f809a1b2c3")]
    [InlineData("the password reset page is broken for 40% of users")]
    [InlineData("dashboard: https://grafana.example.com/d/payments?from=now-1h&to=now")]
    [InlineData("we rotated the API keys after the last incident; token refresh errors dropped to 0.2%")]
    [InlineData("p99 latency=12s, error rate 38%, pool max went from 50 to 5")]
    [InlineData("ask in #payments-oncall, the runbook is at https://wiki.example.com/runbooks/payments")]
    [InlineData("i-0abcd1234ef567890 and arn:aws:iam::123456789012:role/deploy are the instance and role")]
    public void OrdinaryIncidentTalkIsLeftAlone(string text) => Assert.Equal(text, SecretRedactor.Redact(text));

    [Fact]
    public void SeveralSecretsInOneMessageAllGo()
    {
        var redacted = SecretRedactor.Redact(
            "AKIAIOSFODNN7EXAMPLE / xoxb-1234567890-0987654321-AbCdEfGhIjKl and password=hunter2 then ghp_16C7e42F292c6912E7710c838347Ae178B4a");

        Assert.Equal("[redacted:aws-access-key] / [redacted:slack-token] and password=[redacted:secret] then [redacted:github-token]", redacted);
    }
}
