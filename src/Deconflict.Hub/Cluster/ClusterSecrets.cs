using System.Security.Cryptography;
using Deconflict.Core.Audit;
using Npgsql;

namespace Deconflict.Hub.Cluster;

/// <summary>
/// The secrets every node of a cluster must share although each runs from its own data directory: the audit signing
/// key (one log, one public key, whichever node signs) and the admin key. The first node to start creates them in the
/// cluster's database (<c>cluster_secrets</c>, readable only to the hub's database role); the others read them.
/// Whoever can read that table can sign audit entries, as whoever can read a lone hub's data directory can.
/// </summary>
public static class ClusterSecrets
{
    public const string AuditKey = "audit_ed25519_pem";
    public const string AdminKey = "admin_key";

    /// <summary>The audit signer of the cluster on <paramref name="dataSource"/>.</summary>
    public static AuditSigner AuditSigner(NpgsqlDataSource dataSource) =>
        Core.Audit.AuditSigner.FromPem(GetOrCreate(dataSource, AuditKey, Core.Audit.AuditSigner.CreatePem));

    /// <summary>The admin key of the cluster on <paramref name="dataSource"/> (when none is configured).</summary>
    public static string Admin(NpgsqlDataSource dataSource) =>
        GetOrCreate(dataSource, AdminKey, () => "dcf_admin_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)));

    /// <summary>The stored value, or <paramref name="create"/>'s when none is stored yet (the first writer's wins).</summary>
    private static string GetOrCreate(NpgsqlDataSource dataSource, string name, Func<string> create)
    {
        // Read while the services are built, before the migrations run, so the table is made here.
        using var connection = dataSource.OpenConnection();
        using (var table = connection.CreateCommand())
        {
            table.CommandText = "CREATE TABLE IF NOT EXISTS cluster_secrets (name TEXT PRIMARY KEY, value TEXT NOT NULL)";
            try
            {
                table.ExecuteNonQuery();
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
            {
                // Another node created the table at the same moment.
            }
        }
        using (var insert = connection.CreateCommand())
        {
            insert.CommandText = "INSERT INTO cluster_secrets (name, value) VALUES (@n, @v) ON CONFLICT (name) DO NOTHING";
            insert.Parameters.AddWithValue("@n", name);
            insert.Parameters.AddWithValue("@v", create());
            insert.ExecuteNonQuery();
        }
        using var read = connection.CreateCommand();
        read.CommandText = "SELECT value FROM cluster_secrets WHERE name = @n";
        read.Parameters.AddWithValue("@n", name);
        return (string)read.ExecuteScalar()!;
    }
}
