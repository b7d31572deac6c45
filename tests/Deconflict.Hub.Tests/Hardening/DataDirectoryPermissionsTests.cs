using System.Net;
using Deconflict.Hub.Tests.Hosting;

namespace Deconflict.Hub.Tests.Hardening;

/// <summary>The data directory is private to the hub's user, for a new and an existing directory (issue 10, finding 11).</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class DataDirectoryPermissionsTests
{
    private const UnixFileMode Private = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode PrivateDirectory = Private | UnixFileMode.UserExecute;
    private const UnixFileMode WorldReadable = Private | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    [Fact]
    public async Task An_existing_world_readable_directory_and_its_files_are_made_private_at_start()
    {
        var data = Path.Combine(Path.GetTempPath(), "deconflict-perm-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(data, WorldReadable | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        var adminKey = "admin-" + Guid.NewGuid().ToString("N");
        try
        {
            // What an older hub left: a database, its WAL files and an admin key, all 0644 in a 0755 directory.
            await using (var hub = await HubProcess.StartAsync(data, adminKey))
            {
                await WriteSomethingAsync(hub, adminKey, "perm-1");
                await hub.KillAsync();
            }
            foreach (var f in new[] { "hub.db", "hub.db-wal", "hub.db-shm", "admin.key" })
            {
                var path = Path.Combine(data, f);
                if (!File.Exists(path))
                {
                    await File.WriteAllTextAsync(path, f == "admin.key" ? "dcf_admin_unused\n" : "");
                }
                File.SetUnixFileMode(path, WorldReadable);
            }
            File.SetUnixFileMode(data, WorldReadable | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);

            await using (var hub = await HubProcess.StartAsync(data, adminKey))
            {
                await WriteSomethingAsync(hub, adminKey, "perm-2", lon: 40);
                File.GetUnixFileMode(data).ShouldBe(PrivateDirectory);
                foreach (var f in new[] { "hub.db", "hub.db-wal", "hub.db-shm", "admin.key", "audit-ed25519.pem" })
                {
                    File.GetUnixFileMode(Path.Combine(data, f)).ShouldBe(Private, f);
                }
            }
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public async Task A_new_directory_is_created_private_with_private_files()
    {
        var parent = Path.Combine(Path.GetTempPath(), "deconflict-perm-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(parent);
        var data = Path.Combine(parent, "data");
        var adminKey = "admin-" + Guid.NewGuid().ToString("N");
        try
        {
            await using var hub = await HubProcess.StartAsync(data, adminKey, workingDirectory: parent);
            await WriteSomethingAsync(hub, adminKey, "perm-new");
            File.GetUnixFileMode(data).ShouldBe(PrivateDirectory);
            foreach (var f in new[] { "hub.db", "hub.db-wal", "hub.db-shm", "audit-ed25519.pem" })
            {
                File.GetUnixFileMode(Path.Combine(data, f)).ShouldBe(Private, f);
            }
        }
        finally
        {
            Directory.Delete(parent, recursive: true);
        }
    }

    private static async Task WriteSomethingAsync(HubProcess hub, string adminKey, string prefix, double lon = 20)
    {
        var (_, key) = await HubHttp.CreatePartyAsync(hub.BaseAddress, adminKey, prefix);
        using var party = HubHttp.Client(hub.BaseAddress, key);
        await (await party.PutIntentAsync(prefix + "-i", HubCalls.Circle(lon, 20, 1_000, 0, 1_000, "2026-07-01T10:00:00Z", "2026-07-01T11:00:00Z"))).ShouldBeAsync(HttpStatusCode.Created);
    }
}
