using System.Security.Cryptography;
using System.Text;
using Deconflict.Hub.Storage;
using Microsoft.Extensions.Options;

namespace Deconflict.Hub.Auth;

/// <summary>
/// The admin key: <c>Hub:AdminKey</c>, else <c>DECONFLICT_ADMIN_KEY</c>, else generated at first start into
/// <c>&lt;data&gt;/admin.key</c> (mode 0600). Only its SHA-256 is kept in memory.
/// </summary>
public sealed class AdminKey
{
    private readonly byte[] _hash;

    public AdminKey(IOptions<HubOptions> options)
        : this(options, null)
    {
    }

    /// <param name="options">The hub's options (<c>Hub:AdminKey</c>, the data directory).</param>
    /// <param name="clusterKey">
    /// A node of a cluster: the cluster's key when none is configured (every node must accept the same one); it is
    /// also written to this node's <c>&lt;data&gt;/admin.key</c> when that file is missing, so it is found on every node.
    /// </param>
    public AdminKey(IOptions<HubOptions> options, Func<string>? clusterKey)
    {
        ArgumentNullException.ThrowIfNull(options);
        var o = options.Value;
        if (o.AdminKey is { Length: > 0 } configured)
        {
            _hash = Hash(configured);
            Source = "configuration";
        }
        else if (Environment.GetEnvironmentVariable("DECONFLICT_ADMIN_KEY") is { Length: > 0 } env)
        {
            _hash = Hash(env);
            Source = "DECONFLICT_ADMIN_KEY";
        }
        else
        {
            FilePath = Path.GetFullPath(Path.Combine(o.DataDirectory, "admin.key"));
            var key = clusterKey?.Invoke();
            var stored = LoadOrCreate(FilePath, key);
            _hash = Hash(key ?? stored);
            Source = key is null || key == stored ? FilePath : "the cluster's database";
        }
    }

    /// <summary>Where the key came from (for the start-up message; never the key itself).</summary>
    public string Source { get; }

    public string? FilePath { get; }

    public bool Matches(string presented) => CryptographicOperations.FixedTimeEquals(Hash(presented), _hash);

    private static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    private static string LoadOrCreate(string path, string? wanted)
    {
        PrivateFiles.SecureDirectory(Path.GetDirectoryName(path)!);
        if (File.Exists(path))
        {
            PrivateFiles.SecureFiles(path);
            return File.ReadAllText(path).Trim();
        }
        var key = wanted ?? "dcf_admin_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Options = FileOptions.WriteThrough };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        try
        {
            using var stream = new FileStream(path, options);
            stream.Write(Encoding.UTF8.GetBytes(key + "\n"));
            stream.Flush(flushToDisk: true);
            return key;
        }
        catch (IOException) when (File.Exists(path))
        {
            return File.ReadAllText(path).Trim();
        }
    }
}
