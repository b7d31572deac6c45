using System.ComponentModel.DataAnnotations;

namespace Deconflict.Hub.Cluster;

/// <summary>
/// Settings of a hub that is one node of a cluster (<c>Cluster</c> configuration section; <c>serve --cluster</c>).
/// Every node started on the same PostgreSQL database with the same <see cref="ClusterId"/> joins one cluster.
/// </summary>
public sealed class HubClusterOptions : IValidatableObject
{
    /// <summary>Run as a node of a Microsoft Orleans cluster on the PostgreSQL database of <c>Hub:Database</c>.</summary>
    public bool Enabled { get; set; }

    /// <summary>The cluster's name in the database (several clusters may share one database).</summary>
    [Required, RegularExpression("^[A-Za-z0-9._-]{1,100}$")]
    public string ClusterId { get; set; } = "deconflict";

    /// <summary>Port the node's silo talks to the other nodes on.</summary>
    [Range(1, 65535)]
    public int SiloPort { get; set; } = 11111;

    /// <summary>Port Orleans clients outside the cluster would connect to (the hub's own HTTP API does not need it).</summary>
    [Range(1, 65535)]
    public int GatewayPort { get; set; } = 30000;

    /// <summary>The IP address the other nodes reach this one at; empty = the host of <c>--urls</c> when it is an address, else this machine's first.</summary>
    public string? Address { get; set; }

    /// <summary>How often a node looks for the other nodes' committed writes when it is not writing itself (milliseconds).</summary>
    [Range(10, 10_000)]
    public int SyncIntervalMs { get; set; } = 100;

    /// <summary>How long the node that runs the cluster's single duties (the detection cycle) holds them without renewing (seconds).</summary>
    [Range(1, 120)]
    public double LeaseS { get; set; } = 5;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (SiloPort == GatewayPort)
        {
            yield return new ValidationResult("Cluster:SiloPort and Cluster:GatewayPort must differ.", [nameof(SiloPort), nameof(GatewayPort)]);
        }
    }
}
