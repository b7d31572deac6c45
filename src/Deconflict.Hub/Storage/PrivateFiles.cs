namespace Deconflict.Hub.Storage;

/// <summary>
/// The data directory and the files in it (database, WAL and shared-memory files, keys) belong to the hub's
/// user alone: the directory 0700, the files 0600. New ones are created so; existing ones are corrected at
/// start, so a directory made by an older version or by hand is fixed too. No effect on Windows.
/// </summary>
public static class PrivateFiles
{
    public const UnixFileMode DirectoryMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Creates the directory as 0700, or sets an existing one to 0700; returns its full path.</summary>
    public static string SecureDirectory(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var full = Path.GetFullPath(directory);
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(full);
            return full;
        }
        if (!Directory.Exists(full))
        {
            Directory.CreateDirectory(full, DirectoryMode);
        }
        if (File.GetUnixFileMode(full) != DirectoryMode)
        {
            File.SetUnixFileMode(full, DirectoryMode);
        }
        return full;
    }

    /// <summary>Creates the directory as 0700 when it does not exist (a directory the operator chose is left as it is).</summary>
    public static void CreateDirectoryIfMissing(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        if (OperatingSystem.IsWindows() || Directory.Exists(directory))
        {
            Directory.CreateDirectory(directory);
            return;
        }
        Directory.CreateDirectory(directory, DirectoryMode);
    }

    /// <summary>Sets each existing file to 0600.</summary>
    public static void SecureFiles(params ReadOnlySpan<string> paths)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }
        foreach (var path in paths)
        {
            if (File.Exists(path) && File.GetUnixFileMode(path) != FileMode)
            {
                File.SetUnixFileMode(path, FileMode);
            }
        }
    }

    /// <summary>
    /// Makes the SQLite database file exist as 0600 before SQLite opens it (SQLite gives its -wal and -shm files
    /// the database file's mode) and corrects the three files when they already exist.
    /// </summary>
    public static void SecureSqlite(string databasePath)
    {
        ArgumentNullException.ThrowIfNull(databasePath);
        if (!OperatingSystem.IsWindows() && !File.Exists(databasePath))
        {
            try
            {
                using var _ = new FileStream(databasePath, new FileStreamOptions
                {
                    Mode = System.IO.FileMode.CreateNew,
                    Access = FileAccess.Write,
                    UnixCreateMode = FileMode,
                });
            }
            catch (IOException) when (File.Exists(databasePath))
            {
            }
        }
        SecureFiles(databasePath, databasePath + "-wal", databasePath + "-shm", databasePath + "-journal");
    }
}
