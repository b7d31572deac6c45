using System.CommandLine;
using System.Security.Cryptography;

namespace Deconflict.Cli.Commands;

/// <summary>
/// <c>deconflict f3548 keygen --out key.pem</c>: an RSA 2048 issuer key (private PEM, mode 0600) and its public half
/// (<c>key.pub.pem</c>), which the hub is given as <c>F3548:PublicKeyFiles</c>.
/// </summary>
internal static class F3548KeygenCommand
{
    public static Command Create()
    {
        var output = new Option<FileInfo>("--out") { Description = "Private key file to write (the public key goes beside it as NAME.pub.pem).", Required = true };
        var command = new Command("keygen", "Make a token issuer key pair for tests.") { output };
        command.SetAction(parse => Run(parse.GetRequiredValue(output)));
        return command;
    }

    internal static int Run(FileInfo output)
    {
        if (output.Exists)
        {
            throw new InputException($"{output.FullName}: exists; not overwriting a key");
        }
        using var rsa = RSA.Create(2048);
        var publicPath = Path.ChangeExtension(output.FullName, null) + ".pub.pem";
        File.WriteAllText(output.FullName, rsa.ExportPkcs8PrivateKeyPem());
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(output.FullName, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        File.WriteAllText(publicPath, rsa.ExportSubjectPublicKeyInfoPem());
        Console.WriteLine($"private key: {output.FullName}");
        Console.WriteLine($"public key:  {publicPath}   (serve with --F3548:PublicKeyFiles:0={publicPath})");
        return 0;
    }
}
