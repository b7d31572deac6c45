using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Deconflict.Hub.Dss;

/// <summary>
/// Mints F3548 access tokens (RS256 JWT with <c>iss</c>, <c>sub</c>, <c>aud</c>, space-separated <c>scope</c>,
/// <c>jti</c>, <c>exp</c>) for tests and for partners who run a test suite against a hub of their own.
/// </summary>
public static class DssTokenMinter
{
    public static string Mint(RSA privateKey, string subject, IEnumerable<string> scopes, string audience, DateTimeOffset expires,
        string issuer = "deconflict-test-issuer", DateTimeOffset? issuedAt = null)
    {
        ArgumentNullException.ThrowIfNull(privateKey);
        ArgumentNullException.ThrowIfNull(scopes);
        var now = issuedAt ?? expires.AddHours(-1);
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Expires = expires.UtcDateTime,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Claims = new Dictionary<string, object>
            {
                ["sub"] = subject,
                ["scope"] = string.Join(' ', scopes),
                ["jti"] = Guid.NewGuid().ToString(),
            },
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(privateKey), SecurityAlgorithms.RsaSha256),
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }
}
