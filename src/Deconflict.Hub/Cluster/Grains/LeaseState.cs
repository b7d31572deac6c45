namespace Deconflict.Hub.Cluster.Grains;

/// <summary>The persisted state of a lease.</summary>
[GenerateSerializer]
public sealed class LeaseState
{
    [Id(0)]
    public string? Holder { get; set; }

    [Id(1)]
    public DateTimeOffset ExpiresAt { get; set; }

    [Id(2)]
    public long Term { get; set; }
}
