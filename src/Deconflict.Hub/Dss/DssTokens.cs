using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Deconflict.Hub.Dss;

/// <summary>
/// Verifies F3548 access tokens: JWTs signed RS256 by one of the configured public keys (PEM or JWKS files, read
/// once at start; nothing is fetched), unexpired, for the configured audience, with a <c>sub</c>; <c>scope</c> is a
/// space-separated string (or an array, as older issuers write it).
/// </summary>
public sealed class DssTokens
{
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };
    private readonly TokenValidationParameters _parameters;

    public DssTokens(IOptions<F3548Options> options, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        var o = options.Value;
        var keys = o.PublicKeyFiles.SelectMany(LoadKeys).ToList();
        _parameters = new TokenValidationParameters
        {
            ValidateIssuer = false,
            ValidateAudience = true,
            ValidAudience = o.Audience,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            ClockSkew = o.ClockSkew,
            ValidateIssuerSigningKey = true,
            IssuerSigningKeys = keys,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            TryAllIssuerSigningKeys = true,
            LifetimeValidator = (notBefore, expires, _, p) =>
            {
                var now = clock.GetUtcNow().UtcDateTime;
                return expires is { } e && e + p.ClockSkew >= now && (notBefore is not { } nb || nb - p.ClockSkew <= now);
            },
        };
    }

    public async Task<DssTokenCheck> CheckAsync(string? authorization)
    {
        const string scheme = "Bearer ";
        if (string.IsNullOrEmpty(authorization) || !authorization.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return DssTokenCheck.Refused("Missing access token: Authorization: Bearer <token> is required.");
        }
        var token = authorization[scheme.Length..].Trim();
        if (token.Length is 0 or > 16_384)
        {
            return DssTokenCheck.Refused("The access token could not be decoded.");
        }
        var result = await _handler.ValidateTokenAsync(token, _parameters).ConfigureAwait(false);
        if (!result.IsValid)
        {
            return DssTokenCheck.Refused(result.Exception switch
            {
                SecurityTokenExpiredException => "The access token has expired.",
                SecurityTokenInvalidAudienceException => "The access token is for another audience.",
                SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException => "The access token's signature is not valid.",
                SecurityTokenInvalidAlgorithmException => "The access token must be signed with RS256.",
                _ => "The access token is not valid.",
            });
        }
        var subject = result.Claims.TryGetValue("sub", out var s) ? s as string : null;
        if (string.IsNullOrWhiteSpace(subject) || subject.Length > 200)
        {
            return DssTokenCheck.Refused("The access token has no valid 'sub'.");
        }
        var scopes = new HashSet<string>(StringComparer.Ordinal);
        if (result.Claims.TryGetValue("scope", out var scope))
        {
            switch (scope)
            {
                case string text:
                    scopes.UnionWith(text.Split(' ', StringSplitOptions.RemoveEmptyEntries));
                    break;
                case IEnumerable<object> list:
                    scopes.UnionWith(list.OfType<string>());
                    break;
            }
        }
        return new DssTokenCheck(subject, scopes, null);
    }

    private static IEnumerable<SecurityKey> LoadKeys(string path)
    {
        var text = File.ReadAllText(path);
        if (text.TrimStart().StartsWith('{'))
        {
            return new JsonWebKeySet(text).GetSigningKeys();
        }
        if (text.Contains("BEGIN CERTIFICATE", StringComparison.Ordinal))
        {
            return [new X509SecurityKey(X509Certificate2.CreateFromPem(text))];
        }
        var rsa = RSA.Create();
        rsa.ImportFromPem(text);
        return [new RsaSecurityKey(rsa)];
    }
}
