using System.ComponentModel.DataAnnotations;

namespace Deconflict.Hub;

/// <summary>Settings of one hub process, bound from the <c>Hub</c> configuration section.</summary>
public sealed class HubOptions
{
    /// <summary>Directory for the SQLite file, the generated admin key and the audit signing key.</summary>
    [Required]
    public string DataDirectory { get; set; } =
        Environment.GetEnvironmentVariable("DECONFLICT_DATA") is { Length: > 0 } data ? data : ".data";

    /// <summary>A SQLite file path, a PostgreSQL connection string (<c>Host=...</c>) or URL (<c>postgres://...</c>); empty = <c>&lt;data&gt;/hub.db</c>.</summary>
    public string? Database { get; set; }

    /// <summary>The admin key; empty = <c>DECONFLICT_ADMIN_KEY</c>, else generated into <c>&lt;data&gt;/admin.key</c>.</summary>
    public string? AdminKey { get; set; }

    /// <summary>Seed the demo scenario at start (idempotent).</summary>
    public bool Demo { get; set; }

    /// <summary>Print the listening address, storage and key locations at start (the <c>serve</c> command sets it).</summary>
    public bool Banner { get; set; }

    /// <summary>Largest accepted request body.</summary>
    [Range(1024, 256L * 1024 * 1024)]
    public long MaxBodyBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>How long a proposed agreement can be accepted (seconds; default 7 days).</summary>
    [Range(60, 366L * 86_400)]
    public long ProposalExpiryS { get; set; } = 7 * 86_400;

    /// <summary>Most events replayed to one SSE client on resume before it must re-read the lists.</summary>
    [Range(1, 1_000_000)]
    public int EventReplayLimit { get; set; } = 10_000;

    /// <summary>
    /// How long stored events are kept for streams resuming with <c>Last-Event-ID</c> (seconds; default 7 days, or
    /// <c>DECONFLICT_EVENT_RETENTION_S</c>); a stream resuming from before that is told to re-read the lists (<c>resync</c>).
    /// </summary>
    [Range(60, 3660L * 86_400)]
    public long EventRetentionS { get; set; } =
        long.TryParse(Environment.GetEnvironmentVariable("DECONFLICT_EVENT_RETENTION_S"), System.Globalization.NumberStyles.None,
            System.Globalization.CultureInfo.InvariantCulture, out var s) ? s : 7 * 86_400;
}
