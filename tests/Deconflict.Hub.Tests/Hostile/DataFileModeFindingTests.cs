using Deconflict.Hub.Tests.Hosting;

namespace Deconflict.Hub.Tests.Hostile;

/// <summary>Finding 11: the data directory and every file the hub keeps in it are private to the hub's user.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class DataFileModeFindingTests
{
    private const UnixFileMode OthersOrGroup = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    [Fact]
    public async Task Finding_11_the_data_directory_and_its_files_are_private_to_the_hubs_user()
    {
        var parent = Path.Combine(Path.GetTempPath(), "deconflict-modes-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(parent);
        var data = Path.Combine(parent, "data");
        try
        {
            await using (var process = await HubProcess.StartAsync(data, "admin-" + Guid.NewGuid().ToString("N")))
            {
                // One write so that the database, its WAL and shared-memory files exist.
                _ = await HubHttp.CreatePartyAsync(process.BaseAddress, process.AdminKey, "modes");
            }
            var problems = new List<string>();
            if ((File.GetUnixFileMode(data) & OthersOrGroup) != 0)
            {
                problems.Add($"{data}: {File.GetUnixFileMode(data)}");
            }
            var files = Directory.GetFiles(data, "*", SearchOption.AllDirectories);
            files.ShouldContain(f => Path.GetFileName(f) == "hub.db");
            problems.AddRange(files.Where(f => (File.GetUnixFileMode(f) & OthersOrGroup) != 0).Select(f => $"{Path.GetFileName(f)}: {File.GetUnixFileMode(f)}"));
            problems.ShouldBeEmpty("readable or writable by other local users");
        }
        finally
        {
            Directory.Delete(parent, recursive: true);
        }
    }
}
