using System.Buffers.Text;
using NSec.Cryptography;

namespace Deconflict.Core.Audit;

/// <summary>
/// The hub's Ed25519 signing key (NSec/libsodium). Every entry hash is signed, not periodic checkpoints:
/// each write reply hands the caller a receipt that must be independently verifiable at once, and an
/// Ed25519 signature costs tens of microseconds, far below a database commit.
/// The key lives in the data directory as a PKCS#8 PEM file with mode 0600; a file readable by group
/// or others is refused, like OpenSSH does, because such a key can no longer be trusted.
/// </summary>
public sealed class AuditSigner : IDisposable
{
    public const string DefaultFileName = "audit-ed25519.pem";

    private static readonly SignatureAlgorithm Algorithm = SignatureAlgorithm.Ed25519;
    private readonly Key _key;

    private AuditSigner(Key key)
    {
        _key = key;
        PublicKey = new AuditPublicKey(key.PublicKey.Export(KeyBlobFormat.RawPublicKey));
    }

    public AuditPublicKey PublicKey { get; }

    /// <summary>A fresh key kept in memory only (tests, tools).</summary>
    public static AuditSigner CreateEphemeral() =>
        new(Key.Create(Algorithm, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextArchiving }));

    /// <summary>Loads the key from <paramref name="dataDirectory"/>, creating it (0600, atomically) when absent.</summary>
    public static AuditSigner LoadOrCreate(string dataDirectory, string fileName = DefaultFileName)
    {
        Directory.CreateDirectory(dataDirectory);
        var path = Path.Combine(dataDirectory, fileName);
        if (!File.Exists(path))
        {
            TryCreate(path);
        }
        return Load(path);
    }

    public static AuditSigner Load(string path)
    {
        if (!OperatingSystem.IsWindows())
        {
            var mode = File.GetUnixFileMode(path);
            if ((mode & (UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.OtherRead | UnixFileMode.OtherWrite)) != 0)
            {
                throw new InvalidOperationException(
                    $"audit key {path} is readable or writable by others (mode {Convert.ToString((int)mode, 8)}); expected 0600");
            }
        }
        var blob = File.ReadAllBytes(path);
        if (!Key.TryImport(Algorithm, blob, KeyBlobFormat.PkixPrivateKeyText, out var key,
                new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextArchiving }) || key is null)
        {
            throw new InvalidOperationException($"audit key {path} is not an Ed25519 PKCS#8 PEM private key");
        }
        return new AuditSigner(key);
    }

    /// <summary>A new key as PKCS#8 PEM text (for a key kept elsewhere than in a file, such as a cluster's database).</summary>
    public static string CreatePem()
    {
        using var key = Key.Create(Algorithm, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextArchiving });
        return System.Text.Encoding.ASCII.GetString(key.Export(KeyBlobFormat.PkixPrivateKeyText));
    }

    /// <summary>The key of PKCS#8 PEM text made by <see cref="CreatePem"/>.</summary>
    public static AuditSigner FromPem(string pem)
    {
        ArgumentNullException.ThrowIfNull(pem);
        if (!Key.TryImport(Algorithm, System.Text.Encoding.ASCII.GetBytes(pem), KeyBlobFormat.PkixPrivateKeyText, out var key,
                new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextArchiving }) || key is null)
        {
            throw new InvalidOperationException("the audit key is not an Ed25519 PKCS#8 PEM private key");
        }
        return new AuditSigner(key);
    }

    /// <summary>Ed25519 signature over the 32 bytes of the entry hash, base64url without padding.</summary>
    public string Sign(string entryHashHex) =>
        Base64Url.EncodeToString(Algorithm.Sign(_key, Convert.FromHexString(entryHashHex)));

    public void Dispose() => _key.Dispose();

    private static void TryCreate(string path)
    {
        using var key = Key.Create(Algorithm, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextArchiving });
        var blob = key.Export(KeyBlobFormat.PkixPrivateKeyText);
        var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Options = FileOptions.WriteThrough };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        try
        {
            using (var stream = new FileStream(temp, options))
            {
                stream.Write(blob);
                stream.Flush(flushToDisk: true);
            }
            // Another process may have created the key meanwhile: theirs wins, ours is discarded.
            File.Move(temp, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
        }
        finally
        {
            File.Delete(temp);
        }
    }
}
