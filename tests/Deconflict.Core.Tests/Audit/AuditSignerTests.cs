using Deconflict.Core.Audit;

namespace Deconflict.Core.Tests.Audit;

public sealed class AuditSignerTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("deconflict-audit-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Key_is_created_with_owner_only_permissions_and_loaded_again()
    {
        string published;
        using (var signer = AuditSigner.LoadOrCreate(_dir))
        {
            published = signer.PublicKey.Base64;
        }
        var path = Path.Combine(_dir, AuditSigner.DefaultFileName);
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(path).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        using var again = AuditSigner.LoadOrCreate(_dir);
        again.PublicKey.Base64.ShouldBe(published);
        Convert.FromBase64String(published).Length.ShouldBe(32);
    }

    [Fact]
    public void A_key_readable_by_others_is_refused()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }
        using (AuditSigner.LoadOrCreate(_dir))
        {
        }
        var path = Path.Combine(_dir, AuditSigner.DefaultFileName);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);
        Should.Throw<InvalidOperationException>(() => AuditSigner.LoadOrCreate(_dir)).Message.ShouldContain("0600");
    }

    [Fact]
    public void Public_key_parses_from_standard_and_url_safe_base64()
    {
        using var signer = AuditSigner.CreateEphemeral();
        AuditPublicKey.Parse(signer.PublicKey.Base64).Base64.ShouldBe(signer.PublicKey.Base64);
        var urlSafe = signer.PublicKey.Base64.Replace('+', '-').Replace('/', '_').TrimEnd('=');
        AuditPublicKey.Parse(urlSafe).Base64.ShouldBe(signer.PublicKey.Base64);
        Should.Throw<FormatException>(() => AuditPublicKey.Parse("not a key!"));
        Should.Throw<FormatException>(() => AuditPublicKey.Parse(Convert.ToBase64String(new byte[31])));
    }
}
