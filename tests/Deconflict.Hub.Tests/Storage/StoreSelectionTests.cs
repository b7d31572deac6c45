using Deconflict.Hub.Auth;
using Deconflict.Hub.Storage;
using Microsoft.Extensions.Options;

namespace Deconflict.Hub.Tests.Storage;

/// <summary>How --db picks the store, and where the admin key comes from.</summary>
public sealed class StoreSelectionTests
{
    [Theory]
    [InlineData("postgres://hub:s%40cret@db.local:6543/deconflict?sslmode=disable", true)]
    [InlineData("postgresql://hub@127.0.0.1/deconflict", true)]
    [InlineData("Host=127.0.0.1;Port=5432;Database=hub;Username=hub", true)]
    [InlineData("/var/lib/deconflict/hub.db", false)]
    [InlineData("hub.db", false)]
    [InlineData(null, false)]
    public void The_db_option_names_PostgreSQL_by_URL_or_keywords_and_SQLite_otherwise(string? db, bool postgres) =>
        PostgresHubStore.IsPostgres(db).ShouldBe(postgres);

    [Fact]
    public void A_postgres_URL_becomes_an_Npgsql_connection_string()
    {
        var cs = PostgresHubStore.ToConnectionString("postgres://hub:s%40cret@db.local:6543/deconflict?sslmode=disable");
        cs.ShouldContain("Host=db.local");
        cs.ShouldContain("Port=6543");
        cs.ShouldContain("Database=deconflict");
        cs.ShouldContain("Username=hub");
        cs.ShouldContain("Password=s@cret");
        cs.ShouldContain("SSL Mode=Disable", Case.Insensitive);
        PostgresHubStore.ToConnectionString("Host=x;Database=y").ShouldBe("Host=x;Database=y");
    }

    [Fact]
    public void Without_a_database_option_the_SQLite_file_is_hub_db_in_the_data_directory()
    {
        var dir = Path.Combine(Path.GetTempPath(), "dc-path");
        HubServiceExtensions.SqlitePath(new HubOptions { DataDirectory = dir }).ShouldBe(Path.Combine(dir, "hub.db"));
        HubServiceExtensions.SqlitePath(new HubOptions { DataDirectory = dir, Database = "/tmp/other.db" }).ShouldBe("/tmp/other.db");
    }

    [Fact]
    public void Without_a_configured_key_the_admin_key_is_generated_once_with_mode_0600()
    {
        var dir = Path.Combine(Path.GetTempPath(), "deconflict-admin-" + Guid.NewGuid().ToString("N")[..10]);
        try
        {
            var first = new AdminKey(Options.Create(new HubOptions { DataDirectory = dir }));
            if (Environment.GetEnvironmentVariable("DECONFLICT_ADMIN_KEY") is { Length: > 0 })
            {
                first.Source.ShouldBe("DECONFLICT_ADMIN_KEY");
                first.FilePath.ShouldBeNull();
                return;
            }
            var path = Path.Combine(dir, "admin.key");
            first.FilePath.ShouldBe(path);
            var key = File.ReadAllText(path).Trim();
            key.Length.ShouldBeGreaterThan(60);
            first.Matches(key).ShouldBeTrue();
            first.Matches(key + "x").ShouldBeFalse();
            if (!OperatingSystem.IsWindows())
            {
                File.GetUnixFileMode(path).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
            // A restart reads the same key.
            new AdminKey(Options.Create(new HubOptions { DataDirectory = dir })).Matches(key).ShouldBeTrue();
        }
        finally
        {
            if (Directory.Exists(dir))
            {
                Directory.Delete(dir, recursive: true);
            }
        }
    }
}
