namespace Deconflict.Testing;

/// <summary>Finds the repository root and the shared reference data beside it (../shared).</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The shared folder: $DECONFLICT_SHARED, or ../shared beside the repository.</summary>
    public static string Shared { get; } =
        Environment.GetEnvironmentVariable("DECONFLICT_SHARED") is { Length: > 0 } env
            ? env
            : Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    public static string Reference(params string[] parts) => Path.Combine([Shared, "reference", .. parts]);

    public static string Data(params string[] parts) => Path.Combine([Shared, "data", .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Deconflict.slnx")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Deconflict.slnx not found above " + AppContext.BaseDirectory);
    }
}
