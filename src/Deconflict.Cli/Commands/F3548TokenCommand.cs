using System.CommandLine;
using System.Security.Cryptography;
using Deconflict.Hub.Dss;

namespace Deconflict.Cli.Commands;

/// <summary>
/// <c>deconflict f3548 token --sub uss1 --scope utm.strategic_coordination --key key.pem --aud host</c>: prints an RS256
/// access token as an F3548 authority would issue it.
/// </summary>
internal static class F3548TokenCommand
{
    public static Command Create()
    {
        var sub = new Option<string>("--sub") { Description = "The USS (token subject).", Required = true };
        var scopes = new Option<string[]>("--scope") { Description = $"A scope (repeatable): {string.Join(", ", DssScopes.All)}.", Required = true };
        var key = new Option<FileInfo>("--key") { Description = "The issuer's RSA private key (PEM, e.g. from 'f3548 keygen').", Required = true };
        var audience = new Option<string>("--aud") { Description = "Audience: the hub's F3548:Audience.", DefaultValueFactory = _ => "localhost" };
        var minutes = new Option<int>("--minutes") { Description = "Lifetime in minutes (F3548 allows at most 60).", DefaultValueFactory = _ => 60 };
        var issuer = new Option<string>("--iss") { Description = "Issuer (iss).", DefaultValueFactory = _ => "deconflict-test-issuer" };
        var command = new Command("token", "Mint an F3548 access token for tests.") { sub, scopes, key, audience, minutes, issuer };
        command.SetAction(parse => Run(parse.GetRequiredValue(sub), parse.GetRequiredValue(scopes), parse.GetRequiredValue(key),
            parse.GetRequiredValue(audience), parse.GetValue(minutes), parse.GetRequiredValue(issuer)));
        return command;
    }

    internal static int Run(string subject, IReadOnlyList<string> scopes, FileInfo keyFile, string audience, int minutes, string issuer)
    {
        if (minutes is < 1 or > 1440)
        {
            throw new InputException($"--minutes: {minutes} is outside 1..1440");
        }
        foreach (var scope in scopes.Where(s => !DssScopes.All.Contains(s)))
        {
            Console.Error.WriteLine($"warning: '{scope}' is not an F3548 scope");
        }
        if (!keyFile.Exists)
        {
            throw new InputException($"{keyFile.FullName}: file not found");
        }
        using var rsa = RSA.Create();
        try
        {
            rsa.ImportFromPem(File.ReadAllText(keyFile.FullName));
        }
        catch (ArgumentException e)
        {
            throw new InputException($"{keyFile.FullName}: not an RSA private key in PEM ({e.Message})");
        }
        Console.WriteLine(DssTokenMinter.Mint(rsa, subject, scopes, audience, DateTimeOffset.UtcNow.AddMinutes(minutes), issuer, DateTimeOffset.UtcNow));
        return 0;
    }
}
